"""The rules every way of adding a trainee obeys: the cohort's places, one person once."""

import pytest
from django.urls import reverse

from cohorts import services
from cohorts.models import Cohort
from cohorts.rules import AlreadyEnrolled, CapacityBelowEnrolments, CohortFull
from lms import audit
from tests.cohorts.factories import CohortFactory, TraineeFactory

NEW_TRAINEE = {
    "display_name": "Nouvelle Apprenante",
    "sex": "F",
    "birth_year": "1998",
    "nationality": "sn",
    "preferred_language": "fr",
    "phone": "",
    "consent_data_processing": "on",
}


@pytest.fixture
def full_cohort(trainer):
    cohort = CohortFactory(name="Rabat — complète", capacity=2, trainers=[trainer])
    TraineeFactory(cohort=cohort, display_name="Awa", by=trainer)
    TraineeFactory(cohort=cohort, display_name="Moussa", by=trainer)
    return cohort


def test_the_service_refuses_a_trainee_when_the_cohort_is_full(trainer, full_cohort):
    with pytest.raises(CohortFull):
        TraineeFactory(cohort=full_cohort, display_name="Fatou", by=trainer)
    assert full_cohort.enrolments.count() == 2


def test_adding_a_trainee_by_hand_to_a_full_cohort_is_refused_with_a_clear_message(
    client, trainer, full_cohort, django_user_model
):
    users_before = django_user_model.objects.count()
    client.force_login(trainer)

    response = client.post(reverse("cohorts:trainee_add", args=[full_cohort.pk]), NEW_TRAINEE)

    assert response.status_code == 200
    assert "La cohorte est complète (2 places)" in response.content.decode()
    assert full_cohort.enrolments.count() == 2
    assert django_user_model.objects.count() == users_before


def test_importing_into_a_full_cohort_is_refused_the_same_way(trainer, full_cohort):
    from cohorts.roster import import_roster

    data = (
        b"nom;sexe;annee_naissance;nationalite;consentement_donnees;consentement_partage;"
        b"consentement_photos\r\nFatou;F;1999;gn;oui;non;non\r\n"
    )
    result = import_roster(by=trainer, cohort=full_cohort, filename="liste.csv", data=data)

    assert not result.created
    assert "il ne reste que 0 place" in " ".join(str(e.message) for e in result.check.errors)
    assert full_cohort.enrolments.count() == 2


def test_the_same_person_cannot_be_added_twice_to_a_cohort(trainer, cohort, trainee):
    with pytest.raises(AlreadyEnrolled):
        TraineeFactory(cohort=cohort, display_name="  awa   TEST ", by=trainer)


def test_adding_the_same_person_by_hand_says_so(client, trainer, cohort, trainee):
    client.force_login(trainer)
    data = {**NEW_TRAINEE, "display_name": "Awa Test", "birth_year": "1995"}

    response = client.post(reverse("cohorts:trainee_add", args=[cohort.pk]), data)

    assert "est déjà inscrit(e) dans cette cohorte" in response.content.decode()
    assert cohort.enrolments.count() == 1


def test_a_withdrawn_trainee_can_be_enrolled_again_within_the_places(trainer, cohort, trainee):
    enrolment = trainee.enrolments.get()
    services.withdraw(by=trainer, enrolment=enrolment, reason="Départ")

    again = services.enrol(by=trainer, trainee=trainee, cohort=cohort)

    assert again.pk == enrolment.pk and again.status == "enrolled"


def test_a_cohorts_places_cannot_fall_below_its_trainees(coordinator, full_cohort):
    with pytest.raises(CapacityBelowEnrolments):
        services.update_cohort(by=coordinator, cohort=full_cohort, capacity=1)
    assert Cohort.objects.get(pk=full_cohort.pk).capacity == 2


def test_editing_a_cohort_below_its_trainees_is_a_form_error(client, coordinator, full_cohort):
    client.force_login(coordinator)
    edit = client.get(reverse("cohorts:edit", args=[full_cohort.pk]))
    form = edit.context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(capacity="1", trainers=[t.pk for t in full_cohort.trainers.all()])

    response = client.post(reverse("cohorts:edit", args=[full_cohort.pk]), data)

    assert response.status_code == 200
    assert "2 apprenants sont déjà inscrits" in response.content.decode()
    assert Cohort.objects.get(pk=full_cohort.pk).capacity == 2


def test_creating_a_cohort_goes_through_the_service_and_is_audited(client, coordinator, trainer):
    from tests.cohorts.factories import OrientationPointFactory
    from tests.courses.factories import module_page

    client.force_login(coordinator)
    response = client.post(
        reverse("cohorts:add"),
        {
            "name": "Oujda — nouvelle",
            "module": module_page().pk,
            "orientation_point": OrientationPointFactory(city="Oujda").pk,
            "modality": "in_person",
            "start_date": "2027-01-04",
            "end_date": "2027-01-15",
            "trainers": [trainer.pk],
            "capacity": "20",
            "status": "planned",
        },
    )

    cohort = Cohort.objects.get(name="Oujda — nouvelle")
    assert response["Location"] == reverse("cohorts:detail", args=[cohort.pk])
    assert list(cohort.trainers.all()) == [trainer]
    assert (
        audit.entries_about(cohort).filter(user=coordinator, action=audit.Action.CREATED).count()
        == 1
    )


def test_creating_a_trainee_enrols_them_records_consent_and_audits(trainer, cohort, trainee):
    assert trainee.enrolments.get().cohort == cohort
    assert trainee.user.check_password("2468")
    assert trainee.user.groups.filter(name="Trainee").exists()
    assert trainee.consents.filter(purpose="data_processing", granted=True).exists()
    entry = audit.entries_about(trainee).get(action=audit.Action.CREATED)
    assert entry.user == trainer
    assert entry.data == {"cohort": cohort.pk}
    assert trainee.username == "rabat01"


def test_audit_entries_name_a_trainee_by_id_never_by_name(trainer, trainee):
    for entry in audit.entries_about(trainee):
        assert trainee.display_name not in entry.label
        assert entry.label.endswith(f"#{trainee.pk}")


def test_a_cohort_with_trainees_is_never_deleted(client, coordinator, cohort, trainee):
    client.force_login(coordinator)

    response = client.post(reverse("cohorts:delete", args=[cohort.pk]), follow=True)

    assert Cohort.objects.filter(pk=cohort.pk).exists()
    assert "Annulée" in response.content.decode()


def test_an_empty_cohort_is_deleted_through_the_service(client, coordinator, trainer):
    empty = CohortFactory(name="Vide", trainers=[trainer])
    client.force_login(coordinator)

    client.post(reverse("cohorts:delete", args=[empty.pk]))

    assert not Cohort.objects.filter(pk=empty.pk).exists()
    entry = audit.entries().get(action=audit.Action.DELETED, object_id=str(empty.pk))
    assert entry.user == coordinator and entry.label == f"cohorte #{empty.pk}"


def test_the_cohort_form_offers_only_trainers_as_trainers(
    client, coordinator, trainer, other_trainer, trainee, editor
):
    client.force_login(coordinator)

    form = client.get(reverse("cohorts:add")).context["form"]

    assert set(form.fields["trainers"].queryset) == {trainer, other_trainer}
