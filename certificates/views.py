"""/verify/: the public verification of a certificate (a fixed point: QR codes printed on
certificates point to /verify/<code>/). A JSON form of the same record: /verify/<code>.json."""

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from certificates import verification
from certificates.forms import VerifyForm


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
        return _render(
            request, VerifyForm(), error=_too_many(), status=HTTPStatus.TOO_MANY_REQUESTS
        )
    normalised = verification.normalise(code)
    record = verification.verify(normalised) if normalised else None
    if record is None:
        form = VerifyForm(initial={"code": code})
        return _render(request, form, code=code, not_found=True, status=HTTPStatus.NOT_FOUND)
    return _render(request, VerifyForm(), record=record)


@never_cache
@require_GET
def verify_json(request: HttpRequest, code: str) -> JsonResponse:
    if not verification.allowed(request):
        return JsonResponse({"error": _too_many()}, status=HTTPStatus.TOO_MANY_REQUESTS)
    normalised = verification.normalise(code)
    record = verification.verify(normalised) if normalised else None
    if record is None:
        return JsonResponse({"code": code, "valid": False}, status=HTTPStatus.NOT_FOUND)
    return JsonResponse(record.as_json())


def _too_many() -> str:
    return _("Trop de vérifications depuis cette adresse. Réessayez dans une minute.")


def _render(request, form, *, status=HTTPStatus.OK, **context) -> HttpResponse:
    return render(request, "certificates/verify.html", {"form": form, **context}, status=status)
