"""What eligibility is decided on, read for a whole cohort in a fixed number of queries."""

from django.db.models import Q
from django.utils import timezone

from certificates.eligibility import Eligibility, Evidence, decide
from cohorts.attendance_rule import standing
from cohorts.models import AttendanceMark, EnrolmentStatus, SessionDay
from learning.models import Attempt, Document, Phase
from learning.models.exercises import Status

SENT = (Status.SUBMITTED, Status.REVIEWED)


def evidence_for(cohort, enrolments, *, today=None) -> dict[int, Evidence]:
    """``{enrolment_id: Evidence}`` for ``enrolments`` of ``cohort`` (module selected)."""
    today = today or timezone.localdate()
    enrolments = list(enrolments)
    module = cohort.module
    days = list(SessionDay.objects.held().filter(cohort=cohort).values_list("pk", "date"))
    held = sum(1 for _pk, date in days if date <= today)
    statuses: dict[int, list[str]] = {enrolment.pk: [] for enrolment in enrolments}
    for enrolment_id, status in AttendanceMark.objects.filter(
        enrolment__in=enrolments, session_day_id__in=[pk for pk, _date in days]
    ).values_list("enrolment_id", "status"):
        statuses[enrolment_id].append(status)
    post_tests = set(
        Attempt.objects.submitted()
        .filter(enrolment__in=enrolments, phase=Phase.POST)
        .values_list("enrolment_id", flat=True)
    )
    sent: dict[int, set[str]] = {enrolment.pk: set() for enrolment in enrolments}
    by_trainee = {enrolment.trainee_id: enrolment.pk for enrolment in enrolments}
    documents = Document.objects.filter(status__in=SENT).filter(
        Q(enrolment__in=enrolments) | Q(enrolment__isnull=True, trainee_id__in=by_trainee)
    )
    for kind, enrolment_id, trainee_id in documents.values_list(
        "kind", "enrolment_id", "trainee_id"
    ):
        if enrolment_id is not None:
            sent[enrolment_id].add(kind)
        else:
            # The CV belongs to the trainee, not to one enrolment.
            sent[by_trainee[trainee_id]].add(kind)
    result = {}
    for enrolment in enrolments:
        withdrawn = enrolment.status == EnrolmentStatus.WITHDRAWN
        result[enrolment.pk] = Evidence(
            attendance=standing(
                statuses[enrolment.pk],
                total=len(days),
                held=held,
                required_percent=module.attendance_required_percent,
                withdrawn=withdrawn,
            ),
            post_test_required=module.post_test_id is not None,
            post_test_submitted=enrolment.pk in post_tests,
            required_exercises=module.required_exercises,
            submitted_exercises=frozenset(sent[enrolment.pk]),
            withdrawn=withdrawn,
        )
    return result


def eligibility_for(cohort, enrolments, *, today=None) -> dict[int, Eligibility]:
    return {
        pk: decide(evidence)
        for pk, evidence in evidence_for(cohort, enrolments, today=today).items()
    }
