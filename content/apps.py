from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Public site"

    def ready(self):
        from content import signals  # noqa: F401  (connects the cache invalidation)
