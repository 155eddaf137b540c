"""The audit log: one call records who did what to which record."""

from lms.models import AuditAction, AuditEntry


def record(actor, action: AuditAction, subject, detail: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        subject_label=str(subject)[:200],
        detail=detail[:255],
    )
