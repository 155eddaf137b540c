"""The one audit trail: who viewed, changed or exported which record, and when.

It is Wagtail's own log (``ModelLogEntry``), not a table of ours: the cohort screens built on
Wagtail's generic views already write their creations, edits and deletions there, and each
object's history screen reads it, so a second table would split the trail in two. Our actions
are registered beside Wagtail's (``register_actions``, called from lms/wagtail_hooks.py).

An entry names its subject by type and id only: its label is "apprenant #12", never the
person's name, and ``data`` holds ids. Anonymising a trainee later changes the trainee's own
row and nothing here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry


class Action(models.TextChoices):
    CREATED = "wagtail.create", _("Création")
    CHANGED = "wagtail.edit", _("Modification")
    DELETED = "wagtail.delete", _("Suppression")
    VIEWED = "foras.viewed", _("Consultation")
    EXPORTED = "foras.exported", _("Export")
    ENROLLED = "foras.enrolled", _("Inscription")
    WITHDRAWN = "foras.withdrawn", _("Retrait")
    PIN_RESET = "foras.pin_reset", _("Nouveau code")
    PICTURES_SET = "foras.pictures_set", _("Mot de passe en images")
    CONSENT = "foras.consent", _("Consentement")
    INVITED = "foras.invited", _("Invitation")
    INVITATION_SENT = "foras.invitation_sent", _("Invitation envoyée")
    SUBMITTED = "foras.submitted", _("Envoi d'un test")
    LESSON_DONE = "foras.lesson_done", _("Jour terminé")
    LESSON_UNDONE = "foras.lesson_undone", _("Jour remis à faire")
    POST_TEST_OPENED = "foras.post_test_opened", _("Test de fin ouvert")
    REOPENED = "foras.reopened", _("Test rouvert")


def subject_label(subject) -> str:
    """How an entry names its subject: the type and the id, never a name."""
    return f"{subject._meta.verbose_name} #{subject.pk}"


def record(actor, action: Action, subject, **data) -> ModelLogEntry:
    """Write one entry: ``actor`` did ``action`` to ``subject``; ``data`` holds ids only."""
    return log(
        instance=subject,
        action=str(action),
        user=actor if getattr(actor, "is_authenticated", False) else None,
        title=subject_label(subject),
        data=data,
    )


def register_actions(actions) -> None:
    """Our actions in Wagtail's log registry (Wagtail registers its own create and edit)."""
    for action in Action:
        if action.value.startswith("foras."):
            actions.register_action(action.value, action.label, action.label)


def entries():
    """Every entry of the trail about a model (page history stays in Wagtail's page log)."""
    return ModelLogEntry.objects.select_related("user", "content_type")


def entries_about(subject):
    """The entries about one record."""
    return log_registry.get_logs_for_instance(subject)
