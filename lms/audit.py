"""The one audit trail: who viewed, changed or exported which record, and when.

It is Wagtail's own log (``ModelLogEntry``), not a table of ours: the cohort screens built on
Wagtail's generic views already write their creations, edits and deletions there, and each
object's history screen reads it, so a second table would split the trail in two. Our actions
are registered beside Wagtail's (``register_actions``, called from lms/wagtail_hooks.py).

An entry names its subject by type and id only: its label is "apprenant #12", never the
person's name, and ``data`` holds ids and codes (the free texts are a withdrawal's reason and
a reissue's explanation, which the forms ask to keep free of personal details). Anonymising a
trainee later changes the trainee's own row and nothing here. The screen shows ``data`` as
phrases in the reader's language (``describe``).
"""

from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext as _now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from lms.roles import Role


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
    CLASSROOM_OPENED = "foras.classroom_opened", _("Connexion de la classe ouverte")
    SIGN_IN_UNLOCKED = "foras.sign_in_unlocked", _("Connexion débloquée")
    PINS_PRINTED = "foras.pins_printed", _("Nouveaux codes imprimés")
    LESSON_UNDONE = "foras.lesson_undone", _("Jour remis à faire")
    POST_TEST_OPENED = "foras.post_test_opened", _("Test de fin ouvert")
    REOPENED = "foras.reopened", _("Test rouvert")
    WORK_SUBMITTED = "foras.work_submitted", _("Exercice envoyé au formateur")
    WORK_RETURNED = "foras.work_returned", _("Exercice rendu avec des commentaires")
    WORK_REVIEWED = "foras.work_reviewed", _("Exercice relu")
    WORK_RESTORED = "foras.work_restored", _("Version d'un exercice restaurée")
    PHOTO_SET = "foras.photo_set", _("Photo du CV")
    DAYS_PLANNED = "foras.days_planned", _("Jours de session planifiés")
    DAY_MOVED = "foras.day_moved", _("Jour de session déplacé")
    DAY_ADDED = "foras.day_added", _("Jour de session ajouté")
    DAY_CANCELLED = "foras.day_cancelled", _("Jour de session annulé")
    DAY_RESTORED = "foras.day_restored", _("Jour de session rétabli")
    ATTENDANCE_MARKED = "foras.attendance_marked", _("Présence marquée")
    CHECK_IN_OPENED = "foras.check_in_opened", _("Pointage ouvert")
    CHECK_IN_CLOSED = "foras.check_in_closed", _("Pointage fermé")
    CHECKED_IN = "foras.checked_in", _("Pointage d'un apprenant")
    CERTIFICATE_ISSUED = "foras.certificate_issued", _("Attestation délivrée")
    CERTIFICATES_REQUESTED = (
        "foras.certificates_requested",
        _("Attestations demandées pour la cohorte"),
    )
    CERTIFICATE_REVOKED = "foras.certificate_revoked", _("Attestation révoquée")
    CERTIFICATE_REISSUED = "foras.certificate_reissued", _("Attestation délivrée à nouveau")


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


def action_label(action: str) -> str:
    """An action as the reader says it ('Consultation'), Wagtail's own ones included."""
    labels = dict(Action.choices)
    if action in labels:
        return str(labels[action])
    log_registry.scan_for_actions()
    try:
        return str(log_registry.get_action_label(action))
    except KeyError:
        return action


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


# --- Reading an entry's details ------------------------------------------------------------
# ``data`` holds ids and codes (written in whatever language the writer had); the audit
# screen and its exports show them as phrases in the reader's language.

DETAIL_LABELS = {
    "again": _("réinscription"),
    "cohort": _("cohorte"),
    "document": _("document"),
    "enrolment": _("inscription"),
    "fields": _("champs"),
    "comments": _("commentaires"),
    "certificate_type": _("type d'attestation"),
    "date": _("date"),
    "from": _("ancienne date"),
    "days": _("jours"),
    "marks": _("présences"),
    "replaces": _("remplace"),
    "replaced_by": _("remplacée par"),
    "explanation": _("explication"),
    "status": _("présence"),
    "source": _("source"),
    "window": _("fenêtre de pointage"),
    "kind": _("exercice"),
    "version": _("version"),
    "granted": _("accordé"),
    "purpose": _("objet"),
    "reason": _("motif"),
    "role": _("rôle"),
    "trainee": _("apprenant"),
    "trainees": _("apprenants"),
}
# Codes that stand for something: {key: {code: label}}. Apps add theirs with
# ``register_detail_values`` (lms names no app).
DETAIL_VALUES: dict[str, dict[str, str]] = {
    "document": {
        "login cards": _("cartes de connexion"),
        "assessment results csv": _("résultats des tests"),
        "survey answers csv": _("réponses anonymes au questionnaire"),
    },
    "role": dict(Role.choices),
}
ID_KEYS = {"cohort", "enrolment", "trainee", "trainees"}


def register_detail_values(key: str, labels: Mapping[str, str]) -> None:
    DETAIL_VALUES.setdefault(key, {}).update(labels)


def _value_text(key: str, value) -> str:
    if isinstance(value, bool):
        return _now("oui") if value else _now("non")
    if isinstance(value, list | tuple):
        texts = [_value_text(key, item) for item in value]
        if key in ID_KEYS:
            return f"{len(texts)} ({', '.join(texts)})" if len(texts) > 1 else "".join(texts)
        return ", ".join(texts)
    if key in ID_KEYS and isinstance(value, int):
        return f"#{value}"
    if isinstance(value, str):
        label = DETAIL_VALUES.get(key, {}).get(value)
        if label is not None:
            return str(label)
        if key in ("reason", "explanation"):
            return pgettext("texte cité", "« %(text)s »") % {"text": value}
    return str(value)


def describe(data) -> list[str]:
    """The entry's details as phrases: 'motif : « départ »', 'apprenants : 3 (#4, #5, #9)'."""
    if not isinstance(data, Mapping):
        return [str(data)] if data else []
    return [
        pgettext("détail du journal d'audit", "%(label)s : %(value)s")
        % {"label": DETAIL_LABELS.get(key, key), "value": _value_text(key, value)}
        for key, value in data.items()
    ]


def subject_text(entry: ModelLogEntry) -> str:
    """The subject as the reader says it ('apprenant #12', 'trainee #12'), from its type."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    if model is None:
        return entry.label
    return f"{model._meta.verbose_name} #{entry.object_id}"
