"""The roster's progress columns: each trainee's days done and tests, for the trainer.

Added to the cohort's roster (cohorts/admin_views.py) through its ``register_roster_columns``
hook, in a fixed number of queries whatever the number of trainees: the days come from
learning/progress.py, the tests from one query on the attempts.
"""

from django.utils.translation import gettext as _

from cohorts.admin_views import RosterColumn
from courses import gains
from learning import progress
from learning.models import Attempt, Phase
from lms.exports import decimal

PHASES = (Phase.PRE, Phase.POST)


def _days_line(module_progress) -> str:
    return _("%(done)s sur %(total)s") % {
        "done": module_progress.done_count,
        "total": module_progress.total,
    }


def _test_line(phase: str, attempt) -> str:
    label = _("Début") if phase == Phase.PRE else _("Fin")
    if attempt is None:
        state = "—"
    elif attempt["submitted_at"] is None:
        state = _("en cours")
    else:
        score = attempt["score"]
        if attempt["points"] is not None and attempt["max_points"] is not None:
            score = gains.exact_percent(attempt["points"], attempt["max_points"])
        state = "✓" if score is None else f"{decimal(round(score, 1))} %"
    return _("%(phase)s : %(state)s") % {"phase": label, "state": state}


def roster_columns(cohort, enrolments) -> list[RosterColumn]:
    enrolments = list(enrolments)
    if not enrolments:
        return []
    days = {
        module_progress.enrolment.pk: [_days_line(module_progress)]
        for module_progress in progress.progress_for_enrolments(enrolments)
    }
    attempts = {
        (attempt["enrolment_id"], attempt["phase"]): attempt
        for attempt in Attempt.objects.filter(enrolment__in=enrolments).values(
            "enrolment_id", "phase", "submitted_at", "points", "max_points", "score"
        )
    }
    tests = {
        enrolment.pk: [_test_line(phase, attempts.get((enrolment.pk, phase))) for phase in PHASES]
        for enrolment in enrolments
    }
    return [RosterColumn(_("Jours faits"), days), RosterColumn(_("Tests"), tests)]
