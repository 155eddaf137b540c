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
        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(using="default", **kwargs):
    """`migrate` also creates the database cache's table when CACHES uses one (PostgreSQL
    without Redis), so that no deployment forgets `createcachetable`; otherwise a no-op."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
