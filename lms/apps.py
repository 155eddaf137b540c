from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = "Foras LMS"

    def ready(self):
        from lms.groups import ensure_groups

        # Permissions are created app by app after migrate: act on the last app's signal,
        # when every permission exists.
        post_migrate.connect(ensure_groups)
