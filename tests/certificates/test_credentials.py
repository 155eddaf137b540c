"""The signed credential: Open Badges 3.0, checked by an independent verifier, revocable."""

import base64
import io
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import call_command
from django.urls import reverse

from certificates import services
from certificates.credentials import badge, keys, status_list
from certificates.models import Certificate
from tests.certificates import node_verifier
from tests.certificates.credential_fixtures import make_certificate

pytestmark = pytest.mark.django_db

DOMAIN = "https://foras.example.org"


@pytest.fixture
def public_domain(settings):
    settings.SITE_BASE_URL = DOMAIN


@pytest.fixture
def certificate(trainee):
    return make_certificate(trainee.enrolments.get())


def _json(response) -> dict:
    assert response.status_code == 200, response.status_code
    return json.loads(response.content)


def _web(client) -> dict:
    """What a verifier would fetch from the deployment: its DID document (did:web only) and
    its status list, served by the views under test."""
    web = {f"{DOMAIN}/.well-known/did.json": None}
    did_response = client.get("/.well-known/did.json")
    if did_response.status_code == 200:
        web[f"{DOMAIN}/.well-known/did.json"] = json.loads(did_response.content)
    else:
        del web[f"{DOMAIN}/.well-known/did.json"]
    web[status_list.status_list_url()] = _json(client.get(reverse("credential_status_list")))
    return web


def test_the_credential_follows_the_open_badges_data_model(public_domain, certificate):
    credential = badge.signed(certificate)

    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == f"{DOMAIN}/verify/{certificate.code}/"
    assert credential["issuer"] == {
        "id": "did:web:foras.example.org",
        "type": ["Profile"],
        "name": certificate.snapshot["issuer"],
    }
    assert credential["validFrom"].endswith("Z")
    assert certificate.snapshot["module"] in credential["name"]
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"][0]["identityHash"] == "Awa Test"
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["id"].startswith("urn:uuid:")
    assert achievement["name"] == certificate.snapshot["module"]
    assert achievement["description"] and achievement["criteria"]["narrative"]
    assert credential["credentialStatus"] == {
        "id": f"{DOMAIN}/credentials/status/revocation#{certificate.status_index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(certificate.status_index),
        "statusListCredential": f"{DOMAIN}/credentials/status/revocation",
    }
    assert credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert credential["proof"]["verificationMethod"].startswith("did:web:foras.example.org#z6Mk")


def test_the_credential_says_nothing_else_about_the_person(public_domain, certificate, trainee):
    text = json.dumps(badge.signed(certificate), ensure_ascii=False)

    assert trainee.user.username not in text
    assert "1995" not in text  # the birth year
    for word in ("nationality", "birth", "phone", "username", "email", "Mali"):
        assert word.lower() not in text.lower()


def test_signing_twice_gives_the_same_credential(public_domain, certificate):
    assert badge.signed(certificate) == badge.signed(certificate)


@node_verifier.needs_verifier
def test_an_independent_verifier_accepts_the_credential_and_its_did_web(
    client, public_domain, certificate
):
    verdict = node_verifier.verify(badge.signed(certificate), _web(client))

    assert verdict["verified"], verdict["errors"]
    assert verdict["status"] == {"checked": True, "revoked": False}


@node_verifier.needs_verifier
@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="Someone Else"),
        lambda c: c["credentialSubject"]["achievement"].update(name="Une autre formation"),
        lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
        lambda c: c["credentialStatus"].update(statusListIndex="99"),
    ],
    ids=["holder", "achievement", "date", "status-index"],
)
def test_changing_one_field_breaks_the_signature(client, public_domain, certificate, tamper):
    credential = badge.signed(certificate)
    tamper(credential)

    verdict = node_verifier.verify(credential, _web(client))

    assert not verdict["verified"]
    assert not verdict["proofVerified"]


@node_verifier.needs_verifier
def test_without_a_public_domain_the_issuer_is_a_did_key(client, settings, certificate):
    settings.SITE_BASE_URL = ""
    credential = badge.signed(certificate)

    assert credential["issuer"]["id"].startswith("did:key:z6Mk")
    assert client.get("/.well-known/did.json").status_code == 404
    verdict = node_verifier.verify(credential, _web(client))
    assert verdict["verified"], verdict["errors"]


def _bit(encoded_list: str, index: int) -> int:
    bits = status_list.decode(encoded_list)
    return (bits[index // 8] >> (7 - index % 8)) & 1


def test_a_revoked_certificates_bit_is_set_in_the_published_list(
    client, public_domain, certificate, trainee, coordinator
):
    other = make_certificate(trainee.enrolments.get(), kind="statement")
    url = reverse("credential_status_list")
    before = _json(client.get(url))

    services.revoke(by=coordinator, certificate=certificate, reason="issued_in_error")

    after = _json(client.get(url))
    assert after["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = after["credentialSubject"]
    assert subject["statusPurpose"] == "revocation"
    assert subject["encodedList"].startswith("u")
    # Decoded here, independently of the code that encoded it: GZIP of base64url.
    import base64
    import gzip

    raw = gzip.decompress(base64.urlsafe_b64decode(subject["encodedList"][1:] + "=="))
    assert len(raw) * 8 >= 131_072
    assert (raw[certificate.status_index // 8] >> (7 - certificate.status_index % 8)) & 1 == 1
    assert (raw[other.status_index // 8] >> (7 - other.status_index % 8)) & 1 == 0
    assert _bit(before["credentialSubject"]["encodedList"], certificate.status_index) == 0


@node_verifier.needs_verifier
def test_an_independent_verifier_sees_the_revocation(
    client, public_domain, certificate, coordinator
):
    credential = badge.signed(certificate)
    services.revoke(by=coordinator, certificate=certificate, reason="withdrawn")
    web = _web(client)

    verdict = node_verifier.verify(credential, web)
    list_verdict = node_verifier.verify(web[status_list.status_list_url()], web)

    assert verdict["proofVerified"], verdict["errors"]
    # The signature still holds; the verifier reads the certificate's bit: revoked.
    assert verdict["status"] == {"checked": True, "revoked": True}
    assert list_verdict["verified"], list_verdict["errors"]


def test_a_revocation_shows_at_once_whatever_another_process_cached(
    client, public_domain, certificate
):
    """The list's cache key comes from the database: a revocation written by any process
    (here, straight to the table, no task, no cache call) is in the very next answer."""
    url = reverse("credential_status_list")
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    Certificate.objects.filter(pk=certificate.pk).update(revoked_at=certificate.issued_at)

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert _bit(_json(again)["credentialSubject"]["encodedList"], certificate.status_index) == 1


def test_publishing_the_list_twice_gives_the_same_document(public_domain, certificate):
    from certificates import tasks

    tasks.publish_status_list()
    first = status_list.published()
    tasks.publish_status_list()

    assert status_list.published() == first
    assert (
        status_list.build(
            keys.issuer(), status_list.status_list_url(), [], certificate.status_index
        )
        == first.credential
    )


def test_the_did_document_publishes_the_signing_key(client, public_domain):
    document = json.loads(client.get("/.well-known/did.json").content)

    issuer = keys.issuer()
    assert document["id"] == "did:web:foras.example.org"
    assert document["assertionMethod"] == [issuer.verification_method]
    assert document["verificationMethod"][0]["publicKeyMultibase"] == (issuer.public_key_multibase)


def test_a_credential_speaks_the_certificates_language(public_domain, trainee):
    english = badge.signed(make_certificate(trainee.enrolments.get(), language="en"))
    statement = badge.signed(
        make_certificate(trainee.enrolments.get(), kind="statement", language="en")
    )

    assert english["description"].startswith("Training “")
    assert "Duration:" in english["description"] or "hours" not in english["description"]
    assert english["credentialSubject"]["achievement"]["inLanguage"] == "en"
    assert (
        "not a qualification"
        in english["credentialSubject"]["achievement"]["criteria"]["narrative"]
    )
    assert "Attendance:" in statement["description"]


# --- Changing the signing key ------------------------------------------------------------------


def _use_key(settings, key: Ed25519PrivateKey) -> str:
    """Signs with ``key`` from now on; its public key, as the DID document publishes it."""
    settings.CREDENTIAL_SIGNING_KEY_FILE = ""
    settings.CREDENTIAL_DEVELOPMENT_KEY_FILE = ""
    settings.CREDENTIAL_SIGNING_KEY = base64.b64encode(key.private_bytes_raw()).decode()
    return keys.issuer().public_key_multibase


def test_the_did_document_keeps_publishing_the_retired_keys(client, settings, public_domain):
    old = _use_key(settings, Ed25519PrivateKey.generate())
    new = _use_key(settings, Ed25519PrivateKey.generate())
    settings.CREDENTIAL_RETIRED_PUBLIC_KEYS = [old, new, old]  # the current one is left out

    document = json.loads(client.get("/.well-known/did.json").content)

    published = [method["publicKeyMultibase"] for method in document["verificationMethod"]]
    assert published == [new, old]
    assert document["assertionMethod"] == [f"did:web:foras.example.org#{key}" for key in (new, old)]


@node_verifier.needs_verifier
def test_a_credential_signed_before_the_key_changed_still_verifies(
    client, settings, public_domain, certificate
):
    old = _use_key(settings, Ed25519PrivateKey.generate())
    held_by_the_trainee = badge.signed(certificate)
    _use_key(settings, Ed25519PrivateKey.generate())

    forgotten = node_verifier.verify(held_by_the_trainee, _web(client))
    settings.CREDENTIAL_RETIRED_PUBLIC_KEYS = [old]
    kept = node_verifier.verify(held_by_the_trainee, _web(client))

    assert not forgotten["verified"]
    assert kept["verified"], kept["errors"]
    # Asked for again, the credential is signed with the current key, and verifies too.
    assert node_verifier.verify(badge.signed(certificate), _web(client))["verified"]


def test_the_command_prints_the_public_key_to_keep(settings, public_domain):
    old = _use_key(settings, Ed25519PrivateKey.generate())
    current = _use_key(settings, Ed25519PrivateKey.generate())
    settings.CREDENTIAL_RETIRED_PUBLIC_KEYS = [old]
    out = io.StringIO()

    call_command("credential_key", stdout=out)

    assert out.getvalue().splitlines() == [
        "issuer: did:web:foras.example.org",
        f"public key: {current}",
        f"retired: {old}",
    ]
