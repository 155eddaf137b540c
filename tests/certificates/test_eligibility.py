"""Eligibility at every edge: one pure function, no database."""

from certificates.eligibility import Evidence, decide
from cohorts.attendance_rule import standing


def _evidence(statuses, total=10, **changes):
    fields = {
        "attendance": standing(statuses, total=total, held=total),
        "post_test_required": True,
        "post_test_submitted": True,
        "required_exercises": (),
        "submitted_exercises": frozenset(),
    }
    fields.update(changes)
    return Evidence(**fields)


def test_exactly_the_required_days_with_the_post_test_is_eligible():
    result = decide(_evidence(["present"] * 7 + ["late"]))

    assert result.eligible
    assert result.reasons == []
    assert not result.statement_possible


def test_one_day_short_says_how_many_more():
    result = decide(_evidence(["present"] * 7 + ["excused", "absent", "absent"]))

    assert not result.eligible
    assert result.reasons == ["7/10 jours — encore 1 jour requis"]
    assert result.statement_possible


def test_excused_days_are_not_attended_days():
    result = decide(_evidence(["present"] * 6 + ["excused"] * 4))

    assert result.reasons == ["6/10 jours — encore 2 jours requis"]


def test_the_post_test_is_required_only_where_the_module_has_one():
    assert decide(_evidence(["present"] * 10, post_test_submitted=False)).reasons == [
        "manque\u00a0: test de fin"
    ]
    assert decide(
        _evidence(["present"] * 10, post_test_required=False, post_test_submitted=False)
    ).eligible


def test_required_exercises_must_have_been_sent():
    evidence = _evidence(
        ["present"] * 10,
        required_exercises=("cv", "plan"),
        submitted_exercises=frozenset({"cv"}),
    )

    assert decide(evidence).reasons == ["manque\u00a0: plan d'affaires envoyé"]


def test_everything_missing_lists_everything():
    evidence = _evidence(
        [], post_test_submitted=False, required_exercises=("cv",), submitted_exercises=frozenset()
    )

    result = decide(evidence)

    assert len(result.reasons) == 3
    assert not result.statement_possible  # no day attended: nothing to state


def test_a_withdrawn_trainee_is_never_eligible():
    evidence = _evidence(["present"] * 10, withdrawn=True)

    assert decide(evidence).reasons == ["a quitté la cohorte"]
    assert decide(evidence).statement_possible


def test_a_cohort_without_session_days_gives_no_attestation():
    assert not decide(_evidence([], total=0)).eligible


def test_no_attestation_while_session_days_are_still_to_come():
    # Eight of ten days held and attended (the rule is met), the post-test opened early and
    # sent: the training is not over.
    running = _evidence([], attendance=standing(["present"] * 8, total=10, held=8))

    result = decide(running)

    assert result.reasons == ["formation en cours"]
    assert result.statement_possible


def test_a_running_cohort_still_says_how_many_days_are_needed():
    running = _evidence([], attendance=standing(["present"] * 5, total=10, held=6))

    assert decide(running).reasons == ["formation en cours", "5/10 jours — encore 3 jours requis"]
