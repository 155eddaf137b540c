"""The project's URLs plus views that fail on purpose, in each part of the site."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path

from lms.urls import handler403, handler404, handler500
from lms.urls import urlpatterns as project_urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def not_found(request):
    raise Http404("nothing here")


def denied(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path(f"{prefix}test-errors/{name}/", view)
    for prefix in ("", "learn/", "admin/")
    for name, view in (("404", not_found), ("403", denied), ("500", broken))
] + project_urlpatterns
