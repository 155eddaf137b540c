"""Reading the marks a tablet's outbox sends to the register (cohorts/register.py).

The body is read by lms/json_body.py (size, depth, UTF-8, strict numbers); here, what its
``events`` mean. A body that cannot be a batch of marks is refused whole (``BadBody``); an
event that cannot be one mark (an unknown trainee, a broken id) is refused alone, so that one
bad event never holds back the others in the outbox.
"""

import datetime
import math
import uuid
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from cohorts.attendance_services import MarkEvent
from cohorts.models import AttendanceStatus, SessionDay
from lms.json_body import BadBody

#: A class of thirty, each marked and corrected a few times while the Wi-Fi was down.
MAX_EVENTS = 500
#: Milliseconds since 1970: anything beyond year 5000 is no tablet's clock.
MAX_TIME_MS = 10**14


@dataclass
class Batch:
    """The events that can be applied, and the ids of those refused (with why)."""

    events: list[MarkEvent] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    received: list[str] = field(default_factory=list)


def _event_id(item: dict) -> uuid.UUID | None:
    value = item.get("id")
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _made_at(value, day: SessionDay, now: datetime.datetime) -> datetime.datetime | None:
    """When the mark was made on the tablet. A clock set before the session day itself
    (a tablet reset to 1970) says nothing: the mark is taken as made now."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or not 0 <= value < MAX_TIME_MS:
        return None
    made = datetime.datetime.fromtimestamp(value / 1000, tz=datetime.UTC)
    day_start = timezone.make_aware(datetime.datetime.combine(day.date, datetime.time.min))
    return now if made < day_start else made


def read_batch(payload: dict, day: SessionDay, enrolment_ids: set[int]) -> Batch:
    """The events of ``payload`` ({"events": [{id, enrolment, status, at}]}) for ``day``;
    ``enrolment_ids``: the trainees of the day's cohort."""
    items = payload.get("events")
    if not isinstance(items, list):
        raise BadBody(_("Les présences envoyées sont illisibles."))
    if len(items) > MAX_EVENTS:
        raise BadBody(_("Trop de présences envoyées à la fois."))
    now = timezone.now()
    batch = Batch()
    seen = set()
    for item in items:
        event_id = _event_id(item) if isinstance(item, dict) else None
        if event_id is None:
            continue  # no id to answer with: a tablet never sends it, nothing to refuse
        key = str(event_id)
        batch.received.append(key)
        enrolment = item.get("enrolment")
        status = item.get("status")
        made_at = _made_at(item.get("at"), day, now)
        if key in seen:
            continue
        seen.add(key)
        if (
            isinstance(enrolment, bool)
            or not isinstance(enrolment, int)
            or status not in AttendanceStatus.values
            or made_at is None
        ):
            batch.refused[key] = _("Cette présence est illisible.")
        elif enrolment not in enrolment_ids:
            batch.refused[key] = _("Cet apprenant n'est pas inscrit dans la cohorte de ce jour.")
        else:
            batch.events.append(MarkEvent(enrolment, day.pk, status, made_at, event_id))
    return batch
