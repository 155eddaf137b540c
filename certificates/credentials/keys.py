"""The issuer's signing key and the DID that names it.

Production reads the Ed25519 private key from ``CREDENTIAL_SIGNING_KEY_FILE`` (a PEM file)
or ``CREDENTIAL_SIGNING_KEY`` (the PEM text, or the 32-byte private key in base64), never
from the repository; ``manage.py check --deploy`` fails when neither is set
(certificates/credentials/checks.py). Development makes a key once in
``CREDENTIAL_DEVELOPMENT_KEY_FILE`` (under .run/, ignored by git), a setting that is empty
whenever DEBUG is off.

When the key is changed, the public keys of the old ones stay published in the DID document
(``CREDENTIAL_RETIRED_PUBLIC_KEYS``), so that the credentials they signed still verify.

The issuer is ``did:web:<host>`` when SITE_BASE_URL is a public https address without a
path (its key published at /.well-known/did.json), ``did:key`` otherwise: a did:key names
its own public key, so anyone can check a credential issued from a machine with no domain.
"""

import base64
import binascii
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from certificates.credentials import multibase

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# cryptography (OpenSSL's bindings, about 5 MiB) is imported by the first credential signed
# or key checked, not by every web worker at start-up (tests/lms/test_startup_imports.py).


class MissingSigningKey(ImproperlyConfigured):
    pass


@dataclass(frozen=True)
class Issuer:
    """Who signs: the DID, the key's id inside it, and the key."""

    did: str
    private_key: "Ed25519PrivateKey"

    @property
    def public_key_multibase(self) -> str:
        return multibase.ed25519_multikey(self.private_key.public_key().public_bytes_raw())

    @property
    def verification_method(self) -> str:
        return f"{self.did}#{self.public_key_multibase}"

    @property
    def uses_did_web(self) -> bool:
        return self.did.startswith("did:web:")

    def sign(self, data: bytes) -> bytes:
        return self.private_key.sign(data)


def did_web_for(base_url: str) -> str | None:
    """``did:web:<host>`` for a public https base URL without a path, else None."""
    parts = urlsplit(base_url)
    if parts.scheme != "https" or not parts.hostname or parts.path.strip("/"):
        return None
    # A port is part of the DID's name, its colon percent-encoded (did:web method).
    return "did:web:" + quote(parts.netloc, safe="")


def _parse(text: str, where: str) -> "Ed25519PrivateKey":
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(text.encode(), password=None)
        else:
            raw = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
            key = Ed25519PrivateKey.from_private_bytes(raw)
    except (ValueError, TypeError, binascii.Error, UnsupportedAlgorithm) as error:
        raise ImproperlyConfigured(f"{where} is not an Ed25519 private key: {error}") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{where} holds a key, but not an Ed25519 one.")
    return key


def _development_key(path: Path) -> "Ed25519PrivateKey":
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        # Two processes starting together: the first one to create the file wins.
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "wb") as file:
                file.write(pem)
    return _parse(path.read_text(), str(path))


def configured_key_source() -> str | None:
    """Where the key comes from (for the deploy check), or None when nowhere."""
    if settings.CREDENTIAL_SIGNING_KEY_FILE:
        return "CREDENTIAL_SIGNING_KEY_FILE"
    if settings.CREDENTIAL_SIGNING_KEY:
        return "CREDENTIAL_SIGNING_KEY"
    if settings.CREDENTIAL_DEVELOPMENT_KEY_FILE:
        return "CREDENTIAL_DEVELOPMENT_KEY_FILE"
    return None


def load_private_key() -> "Ed25519PrivateKey":
    if settings.CREDENTIAL_SIGNING_KEY_FILE:
        path = Path(settings.CREDENTIAL_SIGNING_KEY_FILE)
        try:
            text = path.read_text()
        except OSError as error:
            raise ImproperlyConfigured(f"CREDENTIAL_SIGNING_KEY_FILE: {error}") from error
        return _parse(text, "CREDENTIAL_SIGNING_KEY_FILE")
    if settings.CREDENTIAL_SIGNING_KEY:
        return _parse(settings.CREDENTIAL_SIGNING_KEY, "CREDENTIAL_SIGNING_KEY")
    if settings.CREDENTIAL_DEVELOPMENT_KEY_FILE:
        return _development_key(Path(settings.CREDENTIAL_DEVELOPMENT_KEY_FILE))
    raise MissingSigningKey(
        "No key to sign credentials: set CREDENTIAL_SIGNING_KEY_FILE or CREDENTIAL_SIGNING_KEY."
    )


def retired_public_keys() -> list[str]:
    """The public keys that signed before the current one (``CREDENTIAL_RETIRED_PUBLIC_KEYS``),
    still published so that what they signed still verifies; the current key is left out."""
    current = issuer().public_key_multibase
    retired = []
    for text in settings.CREDENTIAL_RETIRED_PUBLIC_KEYS:
        if multibase.ed25519_public_key(text) is None:
            raise ImproperlyConfigured(
                f"CREDENTIAL_RETIRED_PUBLIC_KEYS: {text!r} is not an Ed25519 public key as "
                "`manage.py credential_key` prints it (z6Mk…)."
            )
        if text != current and text not in retired:
            retired.append(text)
    return retired


@cache
def _issuer(did_web: str | None, key_settings: tuple) -> Issuer:
    key = load_private_key()
    if did_web:
        return Issuer(did=did_web, private_key=key)
    name = multibase.ed25519_multikey(key.public_key().public_bytes_raw())
    return Issuer(did=f"did:key:{name}", private_key=key)


def issuer() -> Issuer:
    """The deployment's issuer (read once per process and per configuration)."""
    return _issuer(
        did_web_for(settings.SITE_BASE_URL),
        (
            settings.CREDENTIAL_SIGNING_KEY_FILE,
            settings.CREDENTIAL_SIGNING_KEY,
            settings.CREDENTIAL_DEVELOPMENT_KEY_FILE,
        ),
    )
