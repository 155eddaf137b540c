"""Absolute addresses written into credentials: they must resolve from anywhere."""

from django.conf import settings


def base_url() -> str:
    return (settings.SITE_BASE_URL or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute(path: str) -> str:
    return f"{base_url()}{path}"
