"""A certificate's PDF: the shared PDF service (lms/pdf.py) and QR helper (lms/qr.py), read
from the certificate's snapshot only, in the certificate's language."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation

from certificates import codes
from certificates.links import verification_url
from certificates.models import Certificate
from certificates.snapshot import date_in
from lms.dates import long_date
from lms.pdf import render_pdf
from lms.qr import qr_svg


def render(certificate: Certificate) -> bytes:
    url = verification_url(certificate.code)
    with translation.override(certificate.language):
        return render_pdf(
            "certificates/certificate_pdf.html",
            {
                "certificate": certificate,
                "snapshot": certificate.snapshot,
                "printed_code": codes.grouped(certificate.code),
                "verification_url": url,
                "qr": qr_svg(url),
                "start_date": long_date(date_in(certificate.snapshot, "start_date")),
                "end_date": long_date(date_in(certificate.snapshot, "end_date")),
                "issued_on": long_date(certificate.issued_at),
            },
            pdf_tags=True,
        )


def store(certificate_id: int) -> None:
    """Render and keep the PDF once: a second run finds it stored and does nothing."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None or certificate.pdf:
        return
    content = render(certificate)
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate_id)
        if locked.pdf:
            return
        locked.pdf.save(f"{codes.grouped(locked.code)}.pdf", ContentFile(content), save=False)
        locked.save(update_fields=["pdf"])
