"""Background work of the certificates app (django-q2). Each task may run twice: idempotent."""

from certificates import pdf, services
from certificates.credentials import status_list


def bulk_issue(bulk_id: int) -> None:
    services.run_bulk_issue(bulk_id)


def render_certificate_pdf(certificate_id: int) -> None:
    """Render and store the certificate's PDF once (a second run finds it stored)."""
    pdf.store(certificate_id)


def publish_status_list() -> None:
    """Sign the revocation list as it now stands, ahead of the first verifier to ask.

    The list is computed on request and cached under a key made from the revoked indexes
    (certificates/credentials/status_list.py): a revocation is published at once even
    without this task, which only saves that first verifier the signing.
    """
    status_list.published()
