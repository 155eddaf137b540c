import base64
import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.middleware import csp
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.csp import CSP


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, without turning genuine 404s into language redirects.

    Django redirects a 404 to the same path under a language prefix whenever that path would
    resolve; with Wagtail's catch-all page route every path would, so a 404 from a real view
    (/admin/cohorts/99/, /learn/…) became a redirect to /fr/admin/cohorts/99/. Only paths that
    no route claims (such as "/") are still sent to the visitor's language.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


ADMIN_PREFIX = "/admin/"


@functools.cache
def inlined_stylesheet_hashes() -> tuple[str, ...]:
    """CSP sources ('sha256-…') of every stylesheet a template may inline (lms/static/css/).

    Templates put them in ``<style>{% inline_static "css/…" %}</style>``: the block's text is
    the file itself, so its hash is known before any request, the same in every process, and
    still right for a page kept in the page cache and served to the next reader (a nonce
    written into a cached page would not match the next answer's header).
    """
    sources = []
    for folder in settings.STATICFILES_DIRS:
        for path in sorted(Path(folder).glob("css/*.css")):
            digest = hashlib.sha256(path.read_bytes()).digest()
            sources.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return tuple(sources)


@functools.cache
def public_policy() -> dict:
    policy = dict(settings.SECURE_CSP)
    policy["style-src"] = [*policy.get("style-src", []), *inlined_stylesheet_hashes()]
    return policy


def policy_for(request) -> dict:
    """The Content-Security-Policy a response to ``request`` gets unless its view chose one."""
    if request.path.startswith(ADMIN_PREFIX) or getattr(request, "is_dummy", False):
        return settings.SECURE_CSP_ADMIN
    return public_policy() if settings.SECURE_CSP else {}


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with the policy chosen by path.

    The public site and the trainee space get settings.SECURE_CSP (plus the hashes of the
    inlined stylesheets); the Wagtail admin, which needs inline styles, settings.SECURE_CSP_ADMIN.
    A view decorated with ``csp_override`` keeps its own. Wagtail's preview renders the page
    through a dummy request (``is_dummy``) with the page's own path, whose answer is shown in
    the admin's preview frame: it gets the admin's policy (frame-ancestors 'self').
    """

    def process_response(self, request, response):
        if not hasattr(response, "_csp_config"):
            policy = policy_for(request)
            if policy:
                response._csp_config = policy
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY: every powerful feature off, except on the paths of
    settings.PERMISSIONS_POLICY_PATHS (a path prefix → the features it may use)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.default = self.header(settings.PERMISSIONS_POLICY)
        self.by_prefix = [
            (prefix, self.header({**settings.PERMISSIONS_POLICY, **features}))
            for prefix, features in settings.PERMISSIONS_POLICY_PATHS.items()
        ]

    @staticmethod
    def header(policy: dict[str, str]) -> str:
        return ", ".join(f"{feature}={allow}" for feature, allow in policy.items())

    def __call__(self, request):
        response = self.get_response(request)
        if "Permissions-Policy" not in response:
            value = next(
                (header for prefix, header in self.by_prefix if request.path.startswith(prefix)),
                self.default,
            )
            if value:
                response["Permissions-Policy"] = value
        return response


def scans_qr_codes(view):
    """For a view whose page includes templates/components/qr_scanner.html: that page alone may
    use the camera (Permissions-Policy camera=(self)) and compile WebAssembly ('wasm-unsafe-eval'
    in script-src, which allows WebAssembly but still no eval() of JavaScript), which the
    vendored QR decoder needs where the browser has no BarcodeDetector of its own. Every other
    page keeps the camera off and no WebAssembly."""

    @functools.wraps(view)
    def scanning_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        policy = getattr(response, "_csp_config", None) or policy_for(request)
        if policy:  # no policy at all (SECURE_CSP = {}) already allows WebAssembly
            script_src = policy.get("script-src", policy.get("default-src", []))
            response._csp_config = {**policy, "script-src": [*script_src, CSP.WASM_UNSAFE_EVAL]}
        response["Permissions-Policy"] = PermissionsPolicyMiddleware.header(
            {**settings.PERMISSIONS_POLICY, "camera": "(self)"}
        )
        return response

    return scanning_view


class QueryCountHeaderMiddleware:
    """For `make bench` only (settings.QUERY_COUNT_HEADER): tells in response headers how many
    SQL queries the request made (X-Query-Count) and how many wrote the session
    (X-Session-Writes), sessions and all, since DEBUG is off there."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counts = {"queries": 0, "session_writes": 0}

        def count(execute, sql, params, many, context):
            counts["queries"] += 1
            if "django_session" in sql and not sql.lstrip().upper().startswith("SELECT"):
                counts["session_writes"] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = self.get_response(request)
        response["X-Query-Count"] = str(counts["queries"])
        response["X-Session-Writes"] = str(counts["session_writes"])
        return response
