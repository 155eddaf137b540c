from certificates.models.certificates import (
    BulkIssue,
    Certificate,
    CertificateKind,
    RevocationReason,
)

__all__ = ["BulkIssue", "Certificate", "CertificateKind", "RevocationReason"]
