from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Attestations")

    def ready(self):
        # The policy registers itself with Wagtail when imported.
        from certificates import checks, holders, permissions  # noqa: F401

        # The trainee's space and CV show the certificates (learning sits below this app).
        holders.register()
