"""The awareness-session and remote-orientation screens: every URL asked by the seven personas,
the forms' choices and rules, and saving through the services."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cohorts import awareness_services as services
from cohorts.models import AwarenessSession, RemoteOrientation
from cohorts.permissions import awareness_session_policy, remote_orientation_policy
from tests.permissions import PERSONAS, answers, sign_in_as

DAY = datetime.date(2026, 3, 12)


@pytest.fixture
def session(cohort):
    """A session at the orientation point of ``cohort`` (Rabat, taught by ``trainer``)."""
    return services.create_awareness_session(
        by=None, date=DAY, orientation_point=cohort.orientation_point, women=4, men=7
    )


@pytest.fixture
def orientation(cohort, trainee):
    return services.create_remote_orientation(
        by=None,
        date=DAY,
        orientation_point=cohort.orientation_point,
        trainee=trainee,
        country="ml",
        mode="phone",
        mission="Ambassade du Mali",
    )


def urls(prefix, pk):
    return {
        "list": ("get", f"/admin/{prefix}/"),
        "export": ("get", f"/admin/{prefix}/?export=csv"),
        "export xlsx": ("get", f"/admin/{prefix}/?export=xlsx"),
        "add": ("get", f"/admin/{prefix}/new/"),
        "edit": ("get", f"/admin/{prefix}/edit/{pk}/"),
        "delete": ("get", f"/admin/{prefix}/delete/{pk}/"),
        "history": ("get", f"/admin/{prefix}/history/{pk}/"),
        "usage": ("get", f"/admin/{prefix}/usage/{pk}/"),
    }


OBJECT_URLS = {"edit", "history", "usage"}


def expected(persona, name):
    if persona in ("anonymous", "trainee", "other_trainee"):
        return "login"  # no admin access at all
    if persona == "editor":
        return "denied"
    if name == "delete":
        return "ok" if persona == "coordinator" else "denied"
    if persona == "other_trainer" and name in OBJECT_URLS:
        return "hidden"  # another orientation point's session is not revealed
    return "ok"


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_session_url(
    persona, client, request, session, orientation, other_cohort, other_trainee
):
    sign_in_as(client, request, persona)
    for prefix, row in (("awareness-sessions", session), ("remote-orientations", orientation)):
        got = answers(client, urls(prefix, row.pk))
        assert got == {name: expected(persona, name) for name in got}, prefix


def test_a_trainer_lists_only_their_orientation_points_sessions(
    client, trainer, other_trainer, session, other_cohort
):
    elsewhere = services.create_awareness_session(
        by=None, date=DAY, orientation_point=other_cohort.orientation_point, boys=3
    )
    assert set(awareness_session_policy.instances_user_has_permission_for(trainer, "view")) == {
        session
    }
    client.force_login(other_trainer)
    response = client.get(reverse("awareness_sessions:index"))
    assert list(response.context["object_list"]) == [elsewhere]


def test_another_trainer_can_neither_edit_nor_delete_the_session(client, other_trainer, session):
    client.force_login(other_trainer)
    response = client.post(
        reverse("awareness_sessions:edit", args=[session.pk]), _form(session.orientation_point)
    )
    assert response.status_code == 404
    client.post(reverse("awareness_sessions:delete", args=[session.pk]))
    session.refresh_from_db()
    assert session.women == 4
    assert not remote_orientation_policy.user_has_permission(other_trainer, "delete")


def _form(point, people=(), **fields):
    data = {
        "date": "2026-03-12",
        "modality": "in_person",
        "orientation_point": point.pk,
        "topic_countries": ["ml", "sn"],
        "facilitator": "Conseillère du point d'orientation",
        "women": "0",
        "men": "0",
        "girls": "0",
        "boys": "0",
        "notes": "",
        "people-TOTAL_FORMS": str(len(people)),
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "0",
        "people-MAX_NUM_FORMS": "1000",
    }
    for index, person in enumerate(people):
        for key, value in person.items():
            data[f"people-{index}-{key}"] = value
        data[f"people-{index}-DELETE"] = ""
    return data | fields


def test_a_trainer_adds_a_session_with_its_registered_people(client, trainer, cohort):
    client.force_login(trainer)
    people = [
        {"name": "Awa", "sex": "F", "age_group": "adult", "country": "ml"},
        {"name": "Fanta", "sex": "F", "age_group": "child", "country": ""},
    ]
    response = client.post(
        reverse("awareness_sessions:add"), _form(cohort.orientation_point, people)
    )
    assert response.status_code == 302, response.context["form"].errors
    session = AwarenessSession.objects.get()
    assert session.topic_countries == ["ml", "sn"]
    assert session.reach.total == 2 and session.reach.girls == 1
    assert ModelLogEntry.objects.for_instance(session).get().user == trainer


def test_a_coordinator_edits_the_counts(client, coordinator, session):
    client.force_login(coordinator)
    response = client.post(
        reverse("awareness_sessions:edit", args=[session.pk]),
        _form(session.orientation_point, women="2", men="9"),
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.women, session.men) == (2, 9)
    assert ModelLogEntry.objects.for_instance(session).first().action == "wagtail.edit"


@pytest.mark.parametrize(
    ("fields", "people", "message"),
    [
        ({}, [], "Indiquez qui a participé"),
        ({"women": "3"}, [{"name": "Awa", "sex": "F", "age_group": "adult"}], "pas les deux"),
        ({"men": "-4"}, [], "supérieure ou égale à 0"),
    ],
)
def test_a_session_without_people_with_both_or_with_negative_counts_is_refused(
    client, coordinator, cohort, fields, people, message
):
    client.force_login(coordinator)
    response = client.post(
        reverse("awareness_sessions:add"), _form(cohort.orientation_point, people, **fields)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AwarenessSession.objects.exists()


def test_a_trainer_is_offered_only_their_orientation_point(client, trainer, cohort, other_cohort):
    client.force_login(trainer)
    form = client.get(reverse("awareness_sessions:add")).context["form"]
    assert list(form.fields["orientation_point"].queryset) == [cohort.orientation_point]
    response = client.post(
        reverse("awareness_sessions:add"), _form(other_cohort.orientation_point, men="3")
    )
    assert response.status_code == 200
    assert "où vous intervenez" in response.content.decode()
    assert not AwarenessSession.objects.exists()


def test_a_trainer_records_a_remote_orientation_of_their_trainee_only(
    client, trainer, cohort, trainee, other_trainee
):
    client.force_login(trainer)
    add = reverse("remote_orientations:add")
    form = client.get(add).context["form"]
    assert list(form.fields["trainee"].queryset) == [trainee]
    data = {
        "date": "2026-03-12",
        "mode": "video",
        "orientation_point": cohort.orientation_point.pk,
        "trainee": trainee.pk,
        "country": "ml",
        "mission": "Ambassade du Mali",
    }
    assert client.post(add, data | {"trainee": other_trainee.pk}).status_code == 200
    assert client.post(add, data).status_code == 302
    orientation = RemoteOrientation.objects.get()
    assert orientation.trainee == trainee
    assert ModelLogEntry.objects.for_instance(orientation).get().user == trainer


def test_a_coordinator_deletes_through_the_service(client, coordinator, session):
    client.force_login(coordinator)
    response = client.post(reverse("awareness_sessions:delete", args=[session.pk]))
    assert response.status_code == 302
    assert not AwarenessSession.objects.exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete").count() == 1


def _xlsx_rows(response) -> list[tuple]:
    from io import BytesIO

    from openpyxl import load_workbook

    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_a_trainers_xlsx_exports_hold_only_their_orientation_points_rows(
    client, trainer, session, orientation, other_cohort
):
    services.create_awareness_session(
        by=None, date=DAY, orientation_point=other_cohort.orientation_point, boys=3
    )
    client.force_login(trainer)

    sessions = _xlsx_rows(client.get("/admin/awareness-sessions/?export=xlsx"))
    orientations = _xlsx_rows(client.get("/admin/remote-orientations/?export=xlsx"))

    assert sessions[0][:2] == ("Date", "Point d'orientation")
    assert [row[1:] for row in sessions[1:]] == [("Rabat", "En présentiel", None, 4, 7, 0, 0, 11)]
    assert orientations[0] == ("Date", "Point d'orientation", "Pays", "Mode", "Mission")
    assert [row[1] for row in orientations[1:]] == ["Rabat"]
    assert orientations[1][4] == "Ambassade du Mali"
