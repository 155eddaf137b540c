"""The site's own error pages (403, 404, 500), in the style of the part of the site the visitor
was in (the public site, the trainee space, the staff admin) and in their language.

A 500 page is rendered with no request context at all (no context processor, no database
access): whatever broke must not break the error page too.
"""

from http import HTTPStatus

from django.http import HttpResponseServerError
from django.middleware.csp import get_nonce
from django.template import loader
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

TRAINEE_PATHS = ("/learn/", "/accounts/trainee/")
ADMIN_PATHS = ("/admin/",)


def area(request) -> str:
    """Which part of the site a request belongs to: "admin", "trainee" or "public"."""
    path = request.path_info
    if path.startswith(ADMIN_PATHS):
        return "admin"
    if path.startswith(TRAINEE_PATHS):
        return "trainee"
    return "public"


def template_for(request, status: int) -> str:
    where = area(request)
    return f"{status}.html" if where == "public" else f"errors/{where}_{status}.html"


@requires_csrf_token
def page_not_found(request, exception):
    return defaults.page_not_found(
        request, exception, template_name=template_for(request, HTTPStatus.NOT_FOUND)
    )


@requires_csrf_token
def permission_denied(request, exception):
    return defaults.permission_denied(
        request, exception, template_name=template_for(request, HTTPStatus.FORBIDDEN)
    )


@requires_csrf_token
def server_error(request):
    template = loader.get_template(template_for(request, HTTPStatus.INTERNAL_SERVER_ERROR))
    # The CSP nonce only (the page's small inline style needs it): no request context.
    return HttpResponseServerError(template.render({"csp_nonce": get_nonce(request)}))
