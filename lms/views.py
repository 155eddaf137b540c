from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from lms.documents import get_document_for_user, take_content


@never_cache
def healthz(request):
    """200 when the database answers, 503 otherwise (for load balancers and monitoring)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def document_status(request, pk):
    """Waits for a background document, then offers it (document-wait.js asks again as JSON)."""
    document = get_document_for_user(request.user, pk)
    if request.headers.get("Accept") == "application/json":
        response = JsonResponse({"ready": document.is_ready})
        add_never_cache_headers(response)
        return response
    context = {
        "document": document,
        "download_url": reverse("lms_document_download", args=[document.pk]),
        "header_title": _("Document : %(name)s") % {"name": document.filename},
        "header_icon": "doc-full",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Accueil")},
            {"url": "", "label": document.filename},
        ],
    }
    response = TemplateResponse(request, "lms/admin/document.html", context)
    add_never_cache_headers(response)
    return response


def document_download(request, pk):
    document = get_document_for_user(request.user, pk)
    if not document.is_ready:
        raise Http404
    content = take_content(document)
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{document.filename}"'
    add_never_cache_headers(response)
    return response
