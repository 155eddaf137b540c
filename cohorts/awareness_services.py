"""Every change to awareness sessions and remote orientations: one transaction, one audit entry.

The admin forms and the demo loader both come through here, so the rule "a list of registered
people or counts, not both, not neither" holds whichever way a session arrives. Who may call
them is the views' question (cohorts/permissions.py), not theirs.
"""

from collections.abc import Iterable, Mapping

from django.db import transaction

from cohorts.models import AwarenessSession, RegisteredPerson, RemoteOrientation, validate_reach
from lms import audit

SESSION_FIELDS = (
    "date",
    "orientation_point",
    "modality",
    "topic_countries",
    "facilitator",
    "women",
    "men",
    "girls",
    "boys",
    "notes",
)
PERSON_FIELDS = ("name", "sex", "age_group", "country")
REMOTE_FIELDS = (
    "date",
    "orientation_point",
    "trainee",
    "person_name",
    "sex",
    "age_group",
    "country",
    "mode",
    "counsellor",
    "mission",
)

Person = Mapping[str, str]


def _people(session: AwarenessSession, people: Iterable[Person]) -> list[RegisteredPerson]:
    rows = [
        RegisteredPerson(session=session, **{name: person.get(name, "") for name in PERSON_FIELDS})
        for person in people
    ]
    for row in rows:
        row.full_clean(exclude=["session"])
    return rows


def _save(session: AwarenessSession, people: list[RegisteredPerson] | None) -> None:
    registered = len(people) if people is not None else session.people.count()
    validate_reach(session.counts(), registered)
    session.full_clean()
    session.save()
    if people is not None:
        # The list is replaced as a whole: the form sends every row it shows.
        RegisteredPerson.objects.filter(session=session).delete()
        RegisteredPerson.objects.bulk_create(people)


@transaction.atomic
def create_awareness_session(*, by, people: Iterable[Person] = (), **fields) -> AwarenessSession:
    """A new session; ``fields`` are the model's (SESSION_FIELDS), ``people`` its registered
    people (name, sex, age_group, country) when it has a list rather than counts."""
    session = AwarenessSession(**fields)
    _save(session, _people(session, people))
    audit.record(by, audit.Action.CREATED, session)
    return session


@transaction.atomic
def update_awareness_session(
    *, by, session: AwarenessSession, people: Iterable[Person] | None = None, **changes
) -> AwarenessSession:
    """Change a session; with ``people``, its list of registered people becomes that one."""
    AwarenessSession.objects.select_for_update().get(pk=session.pk)
    for name, value in changes.items():
        setattr(session, name, value)
    rows = _people(session, people) if people is not None else None
    _save(session, rows)
    # The list is named among the changed fields; who is on it stays out of the trail.
    changed = [*changes, "people"] if people is not None else list(changes)
    audit.record(by, audit.Action.CHANGED, session, fields=sorted(changed))
    return session


@transaction.atomic
def delete_awareness_session(*, by, session: AwarenessSession) -> None:
    audit.record(by, audit.Action.DELETED, session)
    session.delete()


@transaction.atomic
def create_remote_orientation(*, by, **fields) -> RemoteOrientation:
    """A new remote orientation; ``fields`` are the model's (REMOTE_FIELDS)."""
    orientation = RemoteOrientation(**fields)
    orientation.full_clean()
    orientation.save()
    audit.record(by, audit.Action.CREATED, orientation)
    return orientation


@transaction.atomic
def update_remote_orientation(
    *, by, orientation: RemoteOrientation, **changes
) -> RemoteOrientation:
    RemoteOrientation.objects.select_for_update().get(pk=orientation.pk)
    for name, value in changes.items():
        setattr(orientation, name, value)
    orientation.full_clean()
    orientation.save()
    audit.record(by, audit.Action.CHANGED, orientation, fields=sorted(changes))
    return orientation


@transaction.atomic
def delete_remote_orientation(*, by, orientation: RemoteOrientation) -> None:
    audit.record(by, audit.Action.DELETED, orientation)
    orientation.delete()
