"""The published revocation list: a W3C Bitstring Status List credential, signed like the
certificates' own credentials. Bit ``status_index`` of a certificate is 1 once it is revoked.

Published by computing it on request, cached in the shared cache under a key derived from
the revoked indexes themselves. Why not a file written by a task: a revocation must show at
once in every process and every server, even while the workers are busy or down; a key read
from the database changes in every process at the same instant, with nothing to invalidate
and nothing to go stale. The task ``publish_status_list`` only warms the cache. Signing the
same list again gives the same document (a deterministic time, a deterministic signature).
"""

import base64
import gzip
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone

from certificates.credentials import addresses, documents, keys, proof
from certificates.models import Certificate

# The specification's minimum (16 KB): a list this long hides which certificate is looked up.
MINIMUM_BITS = 131_072
PURPOSE = "revocation"
CACHE_SECONDS = 24 * 3600


def status_list_url() -> str:
    return addresses.absolute(reverse("credential_status_list"))


def encode(indexes: set[int], length: int) -> str:
    """The list's ``encodedList``: bit ``i`` (from the first byte's highest bit) is 1 for
    each index; GZIP, then multibase base64url without padding (``u…``)."""
    bits = bytearray(length // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode(encoded_list: str) -> bytes:
    """The raw bitstring of an ``encodedList`` (for checks and tests)."""
    if not encoded_list.startswith("u"):
        raise ValueError("an encodedList is multibase base64url: it starts with 'u'")
    body = encoded_list[1:]
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def length_for(top_index: int | None) -> int:
    """Whole blocks of the minimum size, enough for every index issued so far."""
    needed = 0 if top_index is None else top_index + 1
    blocks = max(1, -(-needed // MINIMUM_BITS))
    return blocks * MINIMUM_BITS


@dataclass(frozen=True)
class Published:
    credential: dict
    etag: str


def _state() -> tuple[list[int], int | None, str]:
    revoked = sorted(
        Certificate.objects.filter(
            revoked_at__isnull=False, status_index__isnull=False
        ).values_list("status_index", flat=True)
    )
    top = Certificate.objects.aggregate(top=Max("status_index"))["top"]
    return revoked, top, ",".join(map(str, revoked))


def _valid_from():
    """The last change to the list (its last revocation), so that the same list is always
    the same document; before any revocation, the first issue."""
    moments = Certificate.objects.aggregate(last=Max("revoked_at"), first=Min("issued_at"))
    return (
        moments["last"]
        or moments["first"]
        or timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    )


def build(issuer: keys.Issuer, url: str, revoked: list[int], top: int | None) -> dict:
    valid_from = _valid_from()
    unsigned = {
        "@context": [documents.CREDENTIALS_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer.did,
        "validFrom": proof.xsd_datetime(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(set(revoked), length_for(top)),
        },
    }
    return proof.sign(unsigned, issuer, created=valid_from)


def published() -> Published:
    """The signed status list as it stands now (from the shared cache when unchanged)."""
    issuer = keys.issuer()
    url = status_list_url()
    revoked, top, listed = _state()
    fingerprint = hashlib.sha256(
        f"{issuer.verification_method}|{url}|{length_for(top)}|{listed}".encode()
    ).hexdigest()[:32]
    key = f"certificates:status-list:{fingerprint}"
    credential = cache.get(key)
    if credential is None:
        credential = build(issuer, url, revoked, top)
        cache.set(key, credential, CACHE_SECONDS)
    return Published(credential=credential, etag=fingerprint)
