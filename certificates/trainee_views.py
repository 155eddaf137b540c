"""The trainee's own certificates in their space: /learn/certificates/<code>/… (PDF and
signed credential). Only the holder gets them (certificates/holders.py).

The PDF is rendered by a worker when the certificate is issued. A trainee who asks for it
before it is there (a busy or restarted worker) gets a page that asks the worker again and
offers the download once it is stored, polling this same address as JSON (the background
documents' script, lms/static/js/document-wait.js): the web request never renders a PDF.
"""

import json

from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from certificates import holders, services
from certificates.credentials import badge
from learning.decorators import trainee_required


@trainee_required
def certificate_pdf(request: HttpRequest, trainee, code: str) -> HttpResponse:
    certificate = holders.get_own_certificate(trainee, code)
    if request.headers.get("Accept") == "application/json":
        response = JsonResponse({"ready": bool(certificate.pdf)})
    elif certificate.pdf:
        return FileResponse(
            certificate.pdf.open("rb"),
            as_attachment=True,
            filename=f"attestation-{certificate.code}.pdf",
            content_type="application/pdf",
        )
    else:
        services.request_pdf(certificate)
        context = {"certificate": certificate, "module": certificate.snapshot.get("module", "")}
        response = render(request, "certificates/pdf_wait.html", context)
    add_never_cache_headers(response)
    return response


@trainee_required
def certificate_credential(request: HttpRequest, trainee, code: str) -> HttpResponse:
    certificate = holders.get_own_certificate(trainee, code)
    body = json.dumps(badge.signed(certificate), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{badge.filename(certificate)}"'
    return response
