"""The demo's calendar and attendance: Morocco's fixed public holidays (data/holidays.yaml),
each demo cohort's session days, and the marks of the days already past (data/people.yaml,
``attendance``), all through cohorts.attendance_services as a coordinator and a trainer
would make them.

Idempotent: a holiday, a planned day or a mark that exists is left as it is; each run adds
the marks of the days that have passed since the last one (today's register is left for
the trainer to take).
"""

import datetime

from django.utils import timezone

from cohorts import attendance_services
from cohorts.models import AttendanceMark, Cohort, Enrolment, Holiday, SessionDay
from lms.demo import files

# The register is taken at nine, a few seconds a trainee.
REGISTER_TIME = datetime.time(9, 0)


def load_holidays() -> None:
    data = files.read("holidays.yaml")
    for year in data["years"]:
        for spec in data["fixed"]:
            date = datetime.date(year, spec["month"], spec["day"])
            if not Holiday.objects.filter(date=date).exists():
                attendance_services.save_holiday(by=None, date=date, name=spec["name"])


def load(cohort: Cohort, spec: dict) -> None:
    """Plan the cohort's days if they are not, then mark the past days not marked yet."""
    attendance_services.plan_session_days(by=None, cohort=cohort)
    trainer = cohort.trainers.first()
    exceptions = spec.get("attendance") or {}
    enrolments = {
        enrolment.trainee.user.username: enrolment
        for enrolment in Enrolment.objects.active()
        .filter(cohort=cohort)
        .select_related("trainee__user")
    }
    today = timezone.localdate()
    days = SessionDay.objects.held().filter(cohort=cohort, date__lt=today).order_by("date")
    for position, day in enumerate(days, start=1):
        marked = set(
            AttendanceMark.objects.filter(session_day=day).values_list("enrolment_id", flat=True)
        )
        start = timezone.make_aware(datetime.datetime.combine(day.date, REGISTER_TIME))
        for number, (username, enrolment) in enumerate(sorted(enrolments.items())):
            if enrolment.pk in marked:
                continue
            status = (exceptions.get(username) or {}).get(position, "present")
            attendance_services.record_mark(
                by=trainer,
                enrolment=enrolment,
                day=day,
                status=status,
                marked_at=start + datetime.timedelta(seconds=5 * number),
            )
