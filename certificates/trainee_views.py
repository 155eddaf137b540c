"""The trainee's own certificates in their space: /learn/certificates/<code>/… (PDF and
signed credential). Only the holder gets them (certificates/holders.py)."""

import json

from django.http import FileResponse, HttpRequest, HttpResponse

from certificates import holders, pdf
from certificates.credentials import badge
from learning.decorators import trainee_required


@trainee_required
def certificate_pdf(request: HttpRequest, trainee, code: str) -> FileResponse:
    certificate = holders.get_own_certificate(trainee, code)
    if not certificate.pdf:
        # The worker has not rendered it yet: the trainee does not wait for it.
        pdf.store(certificate.pk)
        certificate.refresh_from_db(fields=["pdf"])
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"attestation-{certificate.code}.pdf",
        content_type="application/pdf",
    )


@trainee_required
def certificate_credential(request: HttpRequest, trainee, code: str) -> HttpResponse:
    certificate = holders.get_own_certificate(trainee, code)
    body = json.dumps(badge.signed(certificate), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{badge.filename(certificate)}"'
    return response
