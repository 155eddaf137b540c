"""/verify/: the public verification of a certificate (a fixed point: QR codes printed on
certificates point to /verify/<code>/). A JSON form of the same record: /verify/<code>.json.

Never cached, anywhere (``never_cache``: no-store, private): a revocation shows at once, in
every worker, and no proxy or browser keeps a "valid" answer. A lookup is one query by a
unique key, so there is nothing worth caching.
"""

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from certificates import verification
from certificates.forms import VerifyForm

# What is echoed back of a code no certificate has: enough to spot a typing mistake.
ECHO_LENGTH = 40
RETRY_AFTER_SECONDS = "60"
JSON_OPTIONS = {"ensure_ascii": False}


@never_cache
@require_GET
def verify_form(request: HttpRequest) -> HttpResponse:
    """The form; submitting it (GET ?code=…) leads to the code's own page."""
    if "code" not in request.GET:
        return _render(request, VerifyForm())
    form = VerifyForm(request.GET)
    if not form.is_valid():
        return _render(request, form, status=HTTPStatus.BAD_REQUEST)
    return redirect("certificate_verify", code=form.cleaned_data["code"])


@never_cache
@require_GET
def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    if not verification.allowed(request):
        response = _render(
            request, VerifyForm(), error=_too_many(), status=HTTPStatus.TOO_MANY_REQUESTS
        )
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
    record = verification.verify(verification.normalise(code))
    if record is None:
        verification.record_miss(request)
        shown = code[:ECHO_LENGTH]
        form = VerifyForm(initial={"code": shown})
        return _render(request, form, code=shown, not_found=True, status=HTTPStatus.NOT_FOUND)
    return _render(request, VerifyForm(), record=record)


@never_cache
@require_GET
def verify_json(request: HttpRequest, code: str) -> JsonResponse:
    if not verification.allowed(request):
        response = JsonResponse(
            {"error": "too_many_requests", "message": _too_many()},
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
    record = verification.verify(verification.normalise(code))
    if record is None:
        verification.record_miss(request)
        return JsonResponse(
            verification.unknown_json(code[:ECHO_LENGTH]),
            status=HTTPStatus.NOT_FOUND,
            json_dumps_params=JSON_OPTIONS,
        )
    return JsonResponse(record.as_json(), json_dumps_params=JSON_OPTIONS)


def _too_many() -> str:
    return _("Trop de vérifications depuis cette adresse. Réessayez dans une minute.")


def _render(request, form, *, status=HTTPStatus.OK, **context) -> HttpResponse:
    return render(request, "certificates/verify.html", {"form": form, **context}, status=status)
