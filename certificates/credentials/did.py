"""The issuer's DID document, published at /.well-known/did.json for ``did:web``."""

from certificates.credentials.keys import Issuer

DID_V1 = "https://www.w3.org/ns/did/v1"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"


def _method(did: str, public_key_multibase: str) -> dict:
    return {
        "id": f"{did}#{public_key_multibase}",
        "type": "Multikey",
        "controller": did,
        "publicKeyMultibase": public_key_multibase,
    }


def document(issuer: Issuer, retired: list[str] = ()) -> dict:
    """The current key first, then the ``retired`` ones (public keys, ``z6Mk…``): a credential
    they signed names its key by this id, and verifies as long as it is listed here."""
    methods = [_method(issuer.did, issuer.public_key_multibase)]
    methods += [_method(issuer.did, key) for key in retired]
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": issuer.did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
