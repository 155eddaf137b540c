from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
