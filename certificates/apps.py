from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Attestations")

    def ready(self):
        # The policy registers itself with Wagtail when imported.
        from certificates import permissions  # noqa: F401
