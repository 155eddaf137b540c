"""What verifiers anywhere fetch to check a credential: the issuer's DID document
(/.well-known/did.json, a fixed point) and the revocation status list."""

from django.http import Http404, HttpRequest, JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition, require_GET

from certificates.credentials import did, keys, status_list


@require_GET
def did_document(request: HttpRequest) -> JsonResponse:
    issuer = keys.issuer()
    if not issuer.uses_did_web:
        # No public domain: the issuer is a did:key, which needs no document.
        raise Http404
    response = JsonResponse(
        did.document(issuer, keys.retired_public_keys()), content_type="application/did+json"
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response


def _published(request: HttpRequest) -> status_list.Published:
    # Read once per request: the ETag and the body come from the same state of the list.
    if not hasattr(request, "_status_list"):
        request._status_list = status_list.published()
    return request._status_list


def _status_list_etag(request: HttpRequest) -> str:
    return _published(request).etag


@require_GET
@condition(etag_func=_status_list_etag)
def revocation_list(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(_published(request).credential, content_type="application/vc")
    # Checked again on every use (a cheap 304): a revocation must be seen at once.
    patch_cache_control(response, public=True, no_cache=True)
    return response
