"""The portable form of a certificate: an Open Badges 3.0 credential (W3C Verifiable
Credentials 2.0) with a Data Integrity proof (cryptosuite ``eddsa-rdfc-2022``), and the
Bitstring Status List credential that says which certificates were revoked.

Nothing here touches the network: the JSON-LD contexts are files in ``contexts/`` and the
document loader refuses every other address. The issuer is a DID (``did:web`` for a public
https domain, ``did:key`` otherwise); its key is read by ``keys.py``.
"""
