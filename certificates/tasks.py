"""Background work of the certificates app (django-q2). Each task may run twice: idempotent."""

from certificates import pdf, services


def bulk_issue(bulk_id: int) -> None:
    services.run_bulk_issue(bulk_id)


def render_certificate_pdf(certificate_id: int) -> None:
    """Render and store the certificate's PDF once (a second run finds it stored)."""
    pdf.store(certificate_id)


def publish_status_list() -> None:
    """Nothing to publish until the signed status list lands (certificates/credentials/)."""
