from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CohortsConfig(AppConfig):
    name = "cohorts"
    verbose_name = _("Cohortes")

    def ready(self):
        # Registers the access policies with Wagtail before any admin screen asks for them,
        # and the receiver that ends a trainee's session with the browser (cohorts/signals.py).
        from cohorts import permissions, signals  # noqa: F401
