from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohortes")

    def ready(self):
        # Registers the access policies with Wagtail before any admin screen asks for them.
        from cohorts import permissions  # noqa: F401

        # A trainee's session ends with the browser (see cohorts/signals.py).
        from cohorts import signals  # noqa: F401
