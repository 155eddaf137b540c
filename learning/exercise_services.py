"""A trainee's exercise work, as changes of state: saved as they type, sent to the trainer,
returned with comments, sent again, restored from an earlier version. One mechanism for every
exercise (the CV, the business plan): what differs is described in courses/exercises/.

Saving (``save_document``) names the version the tablet started from. A save from an older
version is refused (VersionConflict) but nothing is lost: the refused text is kept as an
earlier version ("a copy from another tablet") and the newer text stays the document's, so
whichever the trainee then chooses to keep, the other can still be read and restored.
Re-sending what the server already has is not a conflict (a reply lost on the way).

Earlier versions: an autosave keeps a copy at most every SNAPSHOT_EVERY, and every send to
the trainer, every restore and every conflict keeps one. Autosaves write no audit entry (the
version number is their trail, and tablets save every few seconds); sending, returning,
reviewing, restoring and setting the photo write one each.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from cohorts.models import Enrolment, TraineeProfile
from courses.exercises import Exercise, ExerciseError, exercise
from learning.models import Comment, Document, DocumentVersion, Status, VersionReason
from learning.models.exercises import EDITABLE
from lms import audit

SNAPSHOT_EVERY = datetime.timedelta(minutes=5)
COMMENT_MAX_LENGTH = 2000


class VersionConflict(Exception):
    """The document changed elsewhere since the version the client knows; ``document`` is
    the server's (newer) state, ``copy`` the earlier version where the refused text is kept."""

    def __init__(self, document: Document, copy: DocumentVersion | None):
        super().__init__(f"document {document.pk} is at version {document.version}")
        self.document = document
        self.copy = copy


class NotEditable(Exception):
    """The document was sent and waits for the trainer: it cannot change meanwhile."""

    def __init__(self, document: Document):
        super().__init__(f"document {document.pk} is {document.status}")
        self.document = document


class WrongStatus(Exception):
    """The step asked for does not follow from the document's state (returning a draft)."""


def definition(document: Document) -> Exercise:
    return exercise(document.kind)


def get_or_start_document(
    trainee: TraineeProfile, kind: str, enrolment: Enrolment | None = None
) -> Document:
    """The trainee's document for ``kind`` (the enrolment's, for a per-enrolment exercise),
    started empty if need be. Raises KeyError for an unknown exercise."""
    described = exercise(kind)
    owner = {"enrolment": enrolment if described.per_enrolment else None}
    found = Document.objects.filter(trainee=trainee, kind=kind, **owner).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return Document.objects.create(
                trainee=trainee, kind=kind, data=described.start(trainee.nationality), **owner
            )
    except IntegrityError:  # started at the same moment from another tablet
        return Document.objects.get(trainee=trainee, kind=kind, **owner)


def _keep_version(document: Document, reason: str, data: dict, number: int, by=None):
    return DocumentVersion.objects.create(
        document=document, number=number, data=data, reason=reason, created_by=_user(by)
    )


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


def save_document(document: Document, data: object, version: int, *, by=None) -> Document:
    """Keeps what the trainee typed and returns the document at its new version.

    Raises ExerciseError (bad data: nothing changes), NotEditable (sent, waiting for the
    trainer) or VersionConflict (changed elsewhere since ``version``: the refused text is
    kept as an earlier version, the newer one stays).
    """
    clean = definition(document).clean(data)
    if not document.is_editable:
        return _refused(document.pk, clean, by)
    if clean == document.data:
        return document
    now = timezone.now()
    changes = {"data": clean, "version": F("version") + 1, "updated_at": now}
    # A reviewed document changed again goes back to the trainee's work in progress.
    if document.status == Status.REVIEWED:
        changes["status"] = Status.DRAFT
    snapshot = document.snapshot_at is None or now - document.snapshot_at >= SNAPSHOT_EVERY
    if snapshot:
        changes["snapshot_at"] = now
    # One conditional UPDATE (a tablet autosaves every few seconds): it applies only to the
    # version the client knew, on a document still editable; no lock needed.
    with transaction.atomic():
        updated = Document.objects.filter(
            pk=document.pk, version=version, status__in=EDITABLE
        ).update(**changes)
        if updated and snapshot:
            _keep_version(document, VersionReason.SNAPSHOT, clean, version + 1, by)
    if updated:
        document.data, document.version, document.updated_at = clean, version + 1, now
        document.status = changes.get("status", document.status)
        if snapshot:
            document.snapshot_at = now
        return document
    return _refused(document.pk, clean, by)


def _refused(pk: int, clean: dict, by) -> Document:
    """After a save that did not apply: the same text already there is no conflict.
    Otherwise the refused text is kept as an earlier version (nothing typed is lost) and
    NotEditable (the work is with the trainer) or VersionConflict is raised."""
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=pk)
        if clean == current.data:
            return current
        # The newer text is kept too: the trainee may choose to go on with the tablet's
        # ("keep mine"), and autosaves keep a copy only every few minutes.
        # (A version of the same number, other than a conflict copy, holds the current text.)
        held = current.versions.filter(number=current.version).exclude(
            reason=VersionReason.CONFLICT
        )
        if not held.exists():
            _keep_version(current, VersionReason.SNAPSHOT, current.data, current.version)
        copy = current.versions.filter(reason=VersionReason.CONFLICT).order_by("-id").first()
        # A tablet sends its refused draft again until its trainee chooses: one copy is enough.
        if copy is None or copy.data != clean:
            copy = _keep_version(current, VersionReason.CONFLICT, clean, current.version, by)
    # Raised once the copy is committed (inside the block the copy would be rolled back).
    if current.status not in EDITABLE:
        raise NotEditable(current)
    raise VersionConflict(current, copy)


def submit_document(document: Document, *, by) -> Document:
    """The trainee sends the document to the trainer (again, after it was returned).

    Keeps the sent text as an earlier version and marks the trainer's comments answered.
    Sending what was already sent changes nothing.
    """
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document.pk)
        if current.status == Status.SUBMITTED:
            return current
        now = timezone.now()
        again = current.submitted_at is not None
        current.status, current.submitted_at, current.reviewed_at = Status.SUBMITTED, now, None
        current.save(update_fields=["status", "submitted_at", "reviewed_at", "updated_at"])
        _keep_version(current, VersionReason.SUBMITTED, current.data, current.version, by)
        current.comments.filter(resolved_at__isnull=True).update(resolved_at=now)
        audit.record(
            by,
            audit.Action.WORK_SUBMITTED,
            current,
            kind=current.kind,
            version=current.version,
            again=again,
        )
    return current


def _clean_comments(document: Document, comments: dict[str, str]) -> dict[str, str]:
    sections = definition(document).section_keys
    kept = {}
    for section, text in comments.items():
        text = (text or "").strip()[:COMMENT_MAX_LENGTH]
        if section in sections and text:
            kept[section] = text
    return kept


def review_document(
    document: Document, *, by, comments: dict[str, str] | None = None, returned: bool
) -> Document:
    """The trainer comments on sections of a sent document and either returns it to the
    trainee (``returned``: they change it and send it again) or marks it reviewed.

    Raises WrongStatus when the document is not waiting for the trainer.
    """
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document.pk)
        if current.status != Status.SUBMITTED:
            raise WrongStatus(current.status)
        kept = _clean_comments(current, comments or {})
        Comment.objects.bulk_create(
            Comment(document=current, section=section, text=text, author=_user(by))
            for section, text in kept.items()
        )
        current.status = Status.RETURNED if returned else Status.REVIEWED
        current.reviewed_at = timezone.now()
        current.save(update_fields=["status", "reviewed_at", "updated_at"])
        audit.record(
            by,
            audit.Action.WORK_RETURNED if returned else audit.Action.WORK_REVIEWED,
            current,
            kind=current.kind,
            version=current.version,
            comments=len(kept),
        )
    return current


def restore_version(document: Document, earlier: DocumentVersion, *, by) -> Document:
    """Makes an earlier version the document's text again; the text it replaces is kept as
    an earlier version first. Raises NotEditable for a document waiting for the trainer,
    ExerciseError when the earlier text no longer fits the exercise."""
    if earlier.document_id != document.pk:
        raise ValueError("the version is another document's")
    clean = definition(document).clean(earlier.data)
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document.pk)
        if current.status not in EDITABLE:
            raise NotEditable(current)
        _keep_version(current, VersionReason.BEFORE_RESTORE, current.data, current.version, by)
        current.data = clean
        current.version += 1
        if current.status == Status.REVIEWED:
            current.status = Status.DRAFT
        current.save(update_fields=["data", "version", "status", "updated_at"])
        audit.record(
            by,
            audit.Action.WORK_RESTORED,
            current,
            kind=current.kind,
            version=earlier.number,
        )
    return current


def set_photo(document: Document, photo, *, by) -> Document:
    """Puts the (already checked and resized) photo on the CV; ``None`` takes it away."""
    with transaction.atomic():
        current = Document.objects.select_for_update().get(pk=document.pk)
        old = current.photo.name if current.photo else ""
        if photo is None:
            current.photo = ""
        else:
            current.photo.save(photo.name, photo, save=False)
        # The text's version does not move: the page saving it as the trainee types goes on.
        current.save(update_fields=["photo", "updated_at"])
        audit.record(by, audit.Action.PHOTO_SET, current, kind=current.kind, removed=photo is None)
        if old:
            storage, name = current.photo.storage, old
            transaction.on_commit(lambda: storage.delete(name))
    return current


def viewed_document(document: Document, *, by) -> None:
    """A member of staff read the trainee's work (the review screen): recorded, as every
    reading of a trainee's file is."""
    audit.record(by, audit.Action.VIEWED, document, kind=document.kind, version=document.version)


def exported_document(document: Document, *, by, language: str) -> None:
    """A member of staff took the trainee's work away as a PDF: recorded."""
    audit.record(
        by,
        audit.Action.EXPORTED,
        document,
        kind=document.kind,
        version=document.version,
        document="pdf",
        language=language,
    )


__all__ = [
    "ExerciseError",
    "NotEditable",
    "VersionConflict",
    "WrongStatus",
    "exported_document",
    "get_or_start_document",
    "restore_version",
    "review_document",
    "save_document",
    "set_photo",
    "submit_document",
    "viewed_document",
]
