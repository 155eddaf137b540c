"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C VC Data Integrity
EdDSA Cryptosuites v1.0): what wallets and verifiers check.

The document and the proof's options are each canonicalised as RDF (RDFC-1.0, which pyld
names URDNA2015), hashed with SHA-256, and the two hashes — options first — signed with
Ed25519. Signing the same document at the same instant gives the same proof.
"""

import hashlib
from datetime import UTC, datetime

from certificates.credentials import documents, multibase
from certificates.credentials.keys import Issuer

CRYPTOSUITE = "eddsa-rdfc-2022"


def _canonical(document: dict) -> bytes:
    # pyld (and lxml under it) is imported by the first credential signed, not by every web
    # worker at start-up (tests/lms/test_startup_imports.py).
    from pyld import jsonld

    nquads = jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": documents.load,
        },
    )
    return nquads.encode("utf-8")


def xsd_datetime(moment: datetime) -> str:
    """A time as credentials write it: UTC, whole seconds, ``Z``."""
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def hash_data(document: dict, options: dict) -> bytes:
    """What is signed: SHA-256 of the canonical proof options, then of the document."""
    config = {"@context": document["@context"], **options}
    return (
        hashlib.sha256(_canonical(config)).digest() + hashlib.sha256(_canonical(document)).digest()
    )


def sign(document: dict, issuer: Issuer, *, created: datetime) -> dict:
    """``document`` (with no proof) with its ``proof`` added, for an assertion by ``issuer``."""
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": xsd_datetime(created),
        "verificationMethod": issuer.verification_method,
        "proofPurpose": "assertionMethod",
    }
    signature = issuer.sign(hash_data(document, options))
    return {**document, "proof": {**options, "proofValue": multibase.encode(signature)}}
