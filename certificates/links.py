"""The verification address printed in each certificate's QR code (a fixed point: /verify/)."""

from django.conf import settings
from django.urls import reverse


def verification_url(code: str) -> str:
    return (
        f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{reverse('certificate_verify', args=[code])}"
    )
