"""A cohort's attendance as the roster and the grid show it, read in three queries whatever
the number of trainees and days: the held session days, the marks, the enrolments.

The rule itself is cohorts/attendance_rule.py; this module only feeds it the database's rows.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cohorts import attendance_rule
from cohorts.models import AttendanceMark, AttendanceStatus, Cohort, EnrolmentStatus, SessionDay

# What each status shows in a grid cell: a letter that reads without colour.
LETTERS = {
    AttendanceStatus.PRESENT: "P",
    AttendanceStatus.LATE: "R",
    AttendanceStatus.EXCUSED: "E",
    AttendanceStatus.ABSENT: "A",
}


@dataclass
class TraineeAttendance:
    """One trainee's row: their status on each held day (by day id) and their standing."""

    enrolment: object
    statuses: dict[int, str]
    standing: attendance_rule.Standing

    @property
    def withdrawn(self) -> bool:
        return self.enrolment.status == EnrolmentStatus.WITHDRAWN

    def status_on(self, day) -> str | None:
        return self.statuses.get(day.pk)


@dataclass
class CohortAttendance:
    cohort: Cohort
    days: list[SessionDay]  # the held days, in date order
    held: int  # how many of them are today or past
    required_percent: int
    rows: list[TraineeAttendance] = field(default_factory=list)

    @property
    def rate(self) -> int:
        return attendance_rule.cohort_rate(row.standing for row in self.rows)

    @property
    def required_days(self) -> int:
        return attendance_rule.days_required(len(self.days), self.required_percent)

    def row_for(self, enrolment) -> TraineeAttendance | None:
        return next((row for row in self.rows if row.enrolment.pk == enrolment.pk), None)


def required_percent(cohort: Cohort) -> int:
    return getattr(
        cohort.module, "attendance_required_percent", attendance_rule.DEFAULT_REQUIRED_PERCENT
    )


def cohort_attendance(
    cohort: Cohort, enrolments=None, today: datetime.date | None = None
) -> CohortAttendance:
    """Every trainee's statuses and standing; ``enrolments`` (already read) saves a query."""
    today = today or timezone.localdate()
    days = list(SessionDay.objects.held().filter(cohort=cohort).order_by("date"))
    if enrolments is None:
        enrolments = list(
            cohort.enrolments.select_related("trainee").order_by("trainee__display_name")
        )
    held = sum(1 for day in days if day.date <= today)
    result = CohortAttendance(cohort, days, held, required_percent(cohort))
    statuses: dict[int, dict[int, str]] = {enrolment.pk: {} for enrolment in enrolments}
    if days and enrolments:
        marks = AttendanceMark.objects.filter(
            session_day__in=[day.pk for day in days], enrolment__in=list(statuses)
        ).values_list("enrolment_id", "session_day_id", "status")
        for enrolment_id, day_id, status in marks:
            statuses[enrolment_id][day_id] = status
    for enrolment in enrolments:
        own = statuses[enrolment.pk]
        result.rows.append(
            TraineeAttendance(
                enrolment,
                own,
                attendance_rule.standing(
                    own.values(),
                    total=len(days),
                    held=held,
                    required_percent=result.required_percent,
                    withdrawn=enrolment.status == EnrolmentStatus.WITHDRAWN,
                ),
            )
        )
    return result


def standing_parts(standing: attendance_rule.Standing) -> list[str]:
    """The rule's answer in a few words: ["7/10", "1 jour de plus requis"]."""
    if standing.withdrawn:
        return [_("Abandon")]
    if not standing.total:
        return ["—"]
    if standing.meets:
        state = _("règle atteinte")
    elif not standing.reachable:
        state = _("ne peut plus atteindre la règle")
    else:
        state = ngettext(
            "%(count)s jour de plus requis", "%(count)s jours de plus requis", standing.needed
        ) % {"count": standing.needed}
    return [f"{standing.attended}/{standing.total}", state]


def standing_text(standing: attendance_rule.Standing) -> str:
    """The same on one line: "7/10 — 1 jour de plus requis"."""
    return " — ".join(standing_parts(standing))
