"""Background work of the project package (django-q2). A task may run twice: each is
idempotent."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction

from lms import audit


def send_invitation(user_id: int, subject: str, body: str) -> None:
    """Send a staff invitation once: the audit trail remembers that it was sent.

    The user's row is locked while the mail goes out, so a retried job waits for the first
    and then finds the entry; a mail server that fails rolls the entry back and the retry
    sends again.
    """
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().filter(pk=user_id).first()
        if user is None:
            return
        if audit.entries_about(user).filter(action=audit.Action.INVITATION_SENT).exists():
            return
        send_mail(subject, body, None, [user.email], fail_silently=False)
        audit.record(None, audit.Action.INVITATION_SENT, user)
