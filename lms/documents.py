"""Documents rendered in the background: ask for one, a worker renders it, download it.

A PDF of a whole cohort can take seconds to render; the request only records the wish and
queues the work (django-q2, on commit), and the person waits on a page that refreshes itself
until the document is there. The task that renders a document is given its id first; it must
be idempotent (a retried job finds the document ready and does nothing), which ``store``
helps with.
"""

import datetime
from collections.abc import Callable, Sequence

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import async_task, schedule

from lms.models import Document

# Long enough to print from the page; short because cards carry trainees' names.
LIFETIME = datetime.timedelta(hours=2)


def _task_path(task: Callable | str) -> str:
    return task if isinstance(task, str) else f"{task.__module__}.{task.__qualname__}"


def request(
    *,
    owner,
    filename: str,
    task: Callable | str,
    args: Sequence = (),
    single_download: bool = False,
) -> Document:
    """Record that ``owner`` wants a document and queue ``task(document_id, *args)``.

    A ``single_download`` document (one that carries secrets) is deleted as it is downloaded.
    """
    Document.objects.filter(requested_at__lt=timezone.now() - LIFETIME).delete()
    document = Document.objects.create(
        owner=owner, filename=filename, single_download=single_download
    )
    if single_download:
        # Not downloaded in time, its secrets must not wait for the next request to go.
        transaction.on_commit(
            lambda: schedule(
                "lms.documents.delete_expired",
                schedule_type=Schedule.ONCE,
                next_run=timezone.now() + LIFETIME + datetime.timedelta(minutes=1),
            )
        )
    path = _task_path(task)
    transaction.on_commit(lambda: async_task(path, str(document.pk), *args))
    return document


def delete_expired() -> int:
    """Delete the documents past their lifetime (a task, scheduled after each secret one)."""
    deleted, _by_model = Document.objects.filter(
        requested_at__lt=timezone.now() - LIFETIME
    ).delete()
    return deleted


def needs_rendering(document_id, *, lock: bool = False) -> bool:
    """False when the document is gone (expired) or already rendered: a task stops there.

    With ``lock`` (inside a transaction), a second run of the task waits until the first one
    has stored the document, then stops.
    """
    rows = Document.objects.filter(pk=document_id, ready_at__isnull=True)
    if lock:
        rows = rows.select_for_update()
    return rows.exists()


def store(document_id, content: bytes) -> None:
    """Keep the rendered bytes, once (a second run of the same task changes nothing)."""
    Document.objects.filter(pk=document_id, ready_at__isnull=True).update(
        content=content, ready_at=timezone.now()
    )


def take_content(document: Document) -> bytes | None:
    """The document's bytes; a single-download one is deleted in the same transaction, so
    that two requests at once cannot both get it (the second gets None)."""
    with transaction.atomic():
        content = (
            Document.objects.select_for_update()
            .filter(pk=document.pk)
            .values_list("content", flat=True)
            .first()
        )
        if content is not None and document.single_download:
            Document.objects.filter(pk=document.pk).delete()
    return None if content is None else bytes(content)


def get_document_for_user(user, pk) -> Document:
    """Only the person who asked for a document may see it; anyone else gets a 404."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Document.objects.filter(owner=user, requested_at__gte=timezone.now() - LIFETIME).defer(
            "content"
        ),
        pk=pk,
    )
