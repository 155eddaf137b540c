"""Who may be given an attestation, and why not: one pure function over a small input.

The attendance part is the rule of cohorts/attendance_rule.py; the module says whether the
post-test and which exercises are required. An attestation certifies a training that took
place: none while session days are still to come, whatever was done so far (a trainer may
open the post-test early). A trainee who misses the rule may still be given
a statement of attendance (the days and hours attended) when they attended at least one day.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cohorts.attendance_rule import Standing

EXERCISE_NAMES = {"cv": _("CV"), "plan": _("plan d'affaires")}


@dataclass(frozen=True)
class Evidence:
    """What eligibility is decided on, for one enrolment."""

    attendance: Standing
    post_test_required: bool = True
    post_test_submitted: bool = False
    required_exercises: tuple[str, ...] = ()
    submitted_exercises: frozenset[str] = field(default_factory=frozenset)
    withdrawn: bool = False


@dataclass(frozen=True)
class Missing:
    code: str  # "withdrawn", "running", "attendance", "post_test", "exercise"
    exercise: str = ""
    attended: int = 0
    total: int = 0
    needed: int = 0

    def __str__(self) -> str:
        if self.code == "withdrawn":
            return str(_("a quitté la cohorte"))
        if self.code == "running":
            return str(_("formation en cours"))
        if self.code == "post_test":
            return str(_("manque : test de fin"))
        if self.code == "exercise":
            name = EXERCISE_NAMES.get(self.exercise, self.exercise)
            return str(_("manque : %(exercise)s envoyé") % {"exercise": name})
        return ngettext(
            "%(attended)s/%(total)s jours — encore %(count)s jour requis",
            "%(attended)s/%(total)s jours — encore %(count)s jours requis",
            self.needed,
        ) % {"attended": self.attended, "total": self.total, "count": self.needed}


@dataclass(frozen=True)
class Eligibility:
    missing: tuple[Missing, ...]
    attended_days: int

    @property
    def eligible(self) -> bool:
        return not self.missing

    @property
    def statement_possible(self) -> bool:
        """A statement of attendance instead, for whoever attended a day and is not eligible."""
        return not self.eligible and self.attended_days > 0

    @property
    def reasons(self) -> list[str]:
        return [str(missing) for missing in self.missing]


def decide(evidence: Evidence) -> Eligibility:
    missing: list[Missing] = []
    standing = evidence.attendance
    withdrawn = evidence.withdrawn or standing.withdrawn
    if withdrawn:
        missing.append(Missing("withdrawn"))
    elif standing.held < standing.total:
        missing.append(Missing("running"))
    if not withdrawn and not standing.meets:
        missing.append(
            Missing(
                "attendance",
                attended=standing.attended,
                total=standing.total,
                needed=max(standing.needed, 1),
            )
        )
    if evidence.post_test_required and not evidence.post_test_submitted:
        missing.append(Missing("post_test"))
    for exercise in evidence.required_exercises:
        if exercise not in evidence.submitted_exercises:
            missing.append(Missing("exercise", exercise=exercise))
    return Eligibility(tuple(missing), standing.attended)
