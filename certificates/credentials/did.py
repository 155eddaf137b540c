"""The issuer's DID document, published at /.well-known/did.json for ``did:web``."""

from certificates.credentials.keys import Issuer

DID_V1 = "https://www.w3.org/ns/did/v1"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"


def document(issuer: Issuer) -> dict:
    method = {
        "id": issuer.verification_method,
        "type": "Multikey",
        "controller": issuer.did,
        "publicKeyMultibase": issuer.public_key_multibase,
    }
    return {
        "@context": [DID_V1, MULTIKEY_V1],
        "id": issuer.did,
        "verificationMethod": [method],
        "assertionMethod": [method["id"]],
    }
