"""Withdrawing a trainee asks for confirmation and a reason; a withdrawn trainee comes back."""

import pytest
from django.urls import reverse

from cohorts import services
from cohorts.models import Enrolment
from cohorts.rules import AlreadyWithdrawn, CohortFull, NotWithdrawn, ReasonRequired
from lms import audit
from tests.cohorts.factories import CohortFactory, TraineeFactory
from tests.permissions import COHORT_TEACHERS_ONLY, PERSONAS, answer, sign_in_as


def _withdraw_url(trainee):
    return reverse("cohorts:enrolment_withdraw", args=[trainee.enrolments.get().pk])


def _reenrol_url(trainee):
    return reverse("cohorts:enrolment_reenrol", args=[trainee.enrolments.get().pk])


def _status(trainee):
    return Enrolment.objects.get(trainee=trainee).status


def test_withdraw_first_asks_for_a_reason_and_changes_nothing(client, trainer, trainee):
    client.force_login(trainer)

    response = client.get(_withdraw_url(trainee))

    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    assert _status(trainee) == "enrolled"


def test_withdrawing_without_a_reason_is_a_400_and_changes_nothing(client, trainer, trainee):
    client.force_login(trainer)

    response = client.post(_withdraw_url(trainee), {"reason": "   "})

    assert response.status_code == 400
    assert _status(trainee) == "enrolled"
    assert not audit.entries_about(trainee).filter(action=audit.Action.WITHDRAWN).exists()


def test_withdrawing_with_a_reason_keeps_the_reason_in_the_audit_entry(client, trainer, trainee):
    client.force_login(trainer)

    response = client.post(_withdraw_url(trainee), {"reason": "  Départ   avancé "})

    assert response.status_code == 302
    assert _status(trainee) == "withdrawn"
    entry = audit.entries_about(trainee).get(action=audit.Action.WITHDRAWN)
    assert entry.user == trainer
    assert entry.data == {"cohort": trainee.enrolments.get().cohort_id, "reason": "Départ avancé"}


def test_the_service_refuses_a_withdrawal_without_reason_or_twice(trainer, trainee):
    enrolment = trainee.enrolments.get()
    with pytest.raises(ReasonRequired):
        services.withdraw(by=trainer, enrolment=enrolment, reason="")
    services.withdraw(by=trainer, enrolment=enrolment, reason="Départ")
    with pytest.raises(AlreadyWithdrawn):
        services.withdraw(by=trainer, enrolment=enrolment, reason="Départ")


def test_a_second_withdrawal_is_a_400_not_a_500(client, trainer, trainee):
    services.withdraw(by=trainer, enrolment=trainee.enrolments.get(), reason="Départ")
    client.force_login(trainer)

    response = client.post(_withdraw_url(trainee), {"reason": "Encore"})

    assert response.status_code == 400
    assert "déjà été retiré" in response.content.decode()


def test_the_trainee_page_offers_to_reenrol_a_withdrawn_trainee(client, trainer, trainee):
    services.withdraw(by=trainer, enrolment=trainee.enrolments.get(), reason="Départ")
    client.force_login(trainer)

    page = client.get(reverse("cohorts:trainee", args=[trainee.pk])).content.decode()

    assert _reenrol_url(trainee) in page and "Réinscrire" in page


def test_reenrolling_puts_the_trainee_back_and_is_audited(client, trainer, trainee):
    services.withdraw(by=trainer, enrolment=trainee.enrolments.get(), reason="Départ")
    client.force_login(trainer)

    response = client.post(_reenrol_url(trainee), follow=True)

    assert _status(trainee) == "enrolled"
    assert Enrolment.objects.get(trainee=trainee).left_on is None
    assert "suit de nouveau la cohorte" in response.content.decode()
    entry = audit.entries_about(trainee).filter(action=audit.Action.ENROLLED).latest("pk")
    assert entry.user == trainer and entry.data["again"] is True


def test_reenrolling_into_a_full_cohort_says_so_and_changes_nothing(client, trainer):
    cohort = CohortFactory(capacity=1, trainers=[trainer])
    first = TraineeFactory(cohort=cohort, display_name="Première", by=trainer)
    services.withdraw(by=trainer, enrolment=first.enrolments.get(), reason="Départ")
    TraineeFactory(cohort=cohort, display_name="Seconde", by=trainer)  # takes the place
    client.force_login(trainer)

    response = client.post(_reenrol_url(first), follow=True)

    assert _status(first) == "withdrawn"
    assert "La cohorte est complète" in response.content.decode()
    with pytest.raises(CohortFull):
        services.reenrol(by=trainer, enrolment=first.enrolments.get())


def test_reenrolling_a_trainee_still_enrolled_is_refused(trainer, trainee):
    with pytest.raises(NotWithdrawn):
        services.reenrol(by=trainer, enrolment=trainee.enrolments.get())


def test_withdraw_only_changes_state_on_post(client, trainer, trainee):
    client.force_login(trainer)
    client.get(_withdraw_url(trainee) + "?reason=Départ")
    assert _status(trainee) == "enrolled"


EXPECTED = COHORT_TEACHERS_ONLY


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_withdraw_a_trainee(persona, client, request, trainee, other_trainee):
    sign_in_as(client, request, persona)

    got = answer(client.post(_withdraw_url(trainee), {"reason": "Départ"}))

    assert got == EXPECTED[persona]
    assert _status(trainee) == ("withdrawn" if got == "ok" else "enrolled")


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_reenrol_a_trainee(persona, client, request, trainer, trainee, other_trainee):
    services.withdraw(by=trainer, enrolment=trainee.enrolments.get(), reason="Départ")
    sign_in_as(client, request, persona)

    got = answer(client.post(_reenrol_url(trainee)))

    assert got == EXPECTED[persona]
    assert _status(trainee) == ("enrolled" if got == "ok" else "withdrawn")


def test_opening_the_withdrawal_of_a_withdrawn_trainee_leads_to_their_record(
    client, trainer, trainee
):
    services.withdraw(by=trainer, enrolment=trainee.enrolments.get(), reason="Départ")
    client.force_login(trainer)

    response = client.get(_withdraw_url(trainee))

    assert response.status_code == 302
    assert response["Location"] == reverse("cohorts:trainee", args=[trainee.pk])
