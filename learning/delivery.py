"""Answers left on a shared tablet after their trainee signed out, delivered later.

A trainee who signs out (or is signed out when idle) while offline leaves unsent answers on
the tablet. They must reach the server, and the next trainee must never see them. So each
test page (and each exercise page, for its document) carries, for its attempt only:

- a *delivery token*: the attempt and its trainee, signed with SECRET_KEY (django.core.signing),
  valid ``MAX_AGE``. It lets anyone holding it send answers to that one attempt while it is
  open, under the same rules as autosave (a stale version never overwrites newer answers;
  sending twice is harmless). It reads nothing: a write-only capability, so the endpoint
  needs no session and no CSRF token (no ambient credential is used).
- a *draft key*: an AES-256-GCM key derived here from SECRET_KEY (HMAC), never stored. The
  tablet (lms/static/js/offline-queue.js) keeps the answers encrypted with it, the token in
  clear beside them. At sign-out the page, and with it the key, is gone: the next trainee
  finds only ciphertext, which the tablet sends with its token whenever it is online, from
  any page — the sign-in page included — and which only the server can open.

Browsers offer WebCrypto only in a secure context (HTTPS, or localhost in development);
elsewhere the tablet keeps and sends the answers in clear with the token (``answers`` and
``version``), never showing them on any page. Over HTTPS every tablet encrypts, so answers
in clear are refused there: the token alone (readable on the tablet) cannot write anything.
"""

import base64
import binascii
import os

from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from learning.models import Attempt, Document
from lms.json_body import BadBody, parse_object, read_version

MAX_AGE = 7 * 24 * 3600
_SALT = "learning.delivery"
_KEY_SALT = "learning.delivery.draft-key"
_IV_BYTES = 12


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: object) -> bytes:
    if not isinstance(text, str) or len(text) > 400_000:
        raise BadBody(_("Les réponses envoyées sont illisibles."))
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise BadBody(_("Les réponses envoyées sont illisibles.")) from None


def _key(user_id: int, attempt_id: int | str) -> bytes:
    return salted_hmac(_KEY_SALT, f"{user_id}:{attempt_id}", algorithm="sha256").digest()


# An exercise document (the CV, the business plan) is delivered the same way as a test; its
# token names it with "d" rather than "a", and its key is derived from another text.
def _document_key_id(document_id: int) -> str:
    return f"document:{document_id}"


# cryptography (OpenSSL's bindings, about 5 MiB) is imported by the first sealed delivery a
# process handles, not by every web worker at start-up: most never see one.


def _seal(key: bytes, iv: bytes, plain: bytes, token: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key).encrypt(iv, plain, token.encode())


def _unseal(key: bytes, iv: bytes, sealed: bytes, token: str) -> bytes | None:
    """The plain text, or None if ``sealed`` was not sealed with ``key`` for ``token``."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(iv, sealed, token.encode())
    except InvalidTag:
        return None


def token_for(attempt: Attempt, user_id: int) -> str:
    return signing.dumps({"u": user_id, "a": attempt.pk}, salt=_SALT)


def key_for(attempt: Attempt, user_id: int) -> str:
    """The draft key, base64url, for the page's WebCrypto ``importKey("raw", …)``."""
    return _b64encode(_key(user_id, attempt.pk))


def token_for_document(document: Document, user_id: int) -> str:
    return signing.dumps({"u": user_id, "d": document.pk}, salt=_SALT)


def key_for_document(document: Document, user_id: int) -> str:
    return _b64encode(_key(user_id, _document_key_id(document.pk)))


def _key_of(data: dict) -> bytes:
    if "d" in data:
        return _key(int(data["u"]), _document_key_id(int(data["d"])))
    return _key(int(data["u"]), int(data["a"]))


def encrypt(token: str, payload: bytes) -> dict:
    """What the tablet would store for ``payload`` (tests use it to play the tablet)."""
    data = signing.loads(token, salt=_SALT)
    iv = os.urandom(_IV_BYTES)
    sealed = _seal(_key_of(data), iv, payload, token)
    return {"token": token, "iv": _b64encode(iv), "data": _b64encode(sealed)}


class Delivery:
    """One delivery read from the tablet: the attempt (or the exercise document, the other
    being None) it is for, and the answers."""

    def __init__(self, attempt: Attempt | None, version: int, answers: object, document=None):
        self.attempt = attempt
        self.document = document
        self.version = version
        self.answers = answers


def open_delivery(body: dict, *, secure: bool = False) -> Delivery:
    """The delivery in ``body``: {token, iv, data}, or {token, version, answers} unless
    ``secure`` (the request came over HTTPS, where every browser has WebCrypto).

    BadBody for a token that is forged, expired or for an attempt gone, and for anything
    that does not decrypt and parse.
    """
    token = body.get("token")
    if not isinstance(token, str) or len(token) > 500:
        raise BadBody(_("Ce lien d'envoi n'est pas valable."))
    try:
        data = signing.loads(token, salt=_SALT, max_age=MAX_AGE)
        user_id = int(data["u"])
        target_id = int(data["d"] if "d" in data else data["a"])
        key = _key_of(data)
    except signing.SignatureExpired:
        raise BadBody(_("Ces réponses sont trop anciennes pour être envoyées.")) from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise BadBody(_("Ce lien d'envoi n'est pas valable.")) from None
    attempt = document = None
    if "d" in data:
        document = Document.objects.filter(pk=target_id, trainee__user_id=user_id).first()
    else:
        attempt = (
            Attempt.objects.filter(pk=target_id, enrolment__trainee__user_id=user_id)
            .select_related("assessment")
            .first()
        )
    if attempt is None and document is None:
        raise BadBody(_("Ce lien d'envoi n'est pas valable."))
    if "iv" in body or "data" in body:
        iv, sealed = _b64decode(body.get("iv")), _b64decode(body.get("data"))
        if len(iv) != _IV_BYTES:
            raise BadBody(_("Les réponses envoyées sont illisibles."))
        plain = _unseal(key, iv, sealed, token)
        if plain is None:
            raise BadBody(_("Les réponses envoyées sont illisibles."))
        payload = parse_object(plain)
    elif secure:
        raise BadBody(_("Les réponses envoyées sont illisibles."))
    else:
        payload = body
    return Delivery(attempt, read_version(payload), payload.get("answers"), document)
