"""Awareness sessions and remote orientations: the people-or-counts rule, the reach figures
the reports will read, and the services with their audit entries."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from cohorts import awareness_services as services
from cohorts.models import AwarenessSession, Reach, RemoteOrientation, validate_reach
from tests.cohorts.factories import OrientationPointFactory

DAY = datetime.date(2026, 3, 12)


@pytest.fixture
def rabat(db):
    return OrientationPointFactory(city="Rabat")


@pytest.fixture
def casablanca(db):
    return OrientationPointFactory(city="Casablanca")


def counted_session(point, by=None, **counts):
    return services.create_awareness_session(
        by=by, date=DAY, orientation_point=point, **({"women": 3, "men": 5} | counts)
    )


PEOPLE = [
    {"name": "Awa", "sex": "F", "age_group": "adult", "country": "ml"},
    {"name": "Fanta", "sex": "F", "age_group": "child", "country": ""},
    {"name": "Ibrahim", "sex": "M", "age_group": "adult", "country": "sn"},
]


def entries(subject):
    return list(ModelLogEntry.objects.for_instance(subject).values_list("action", flat=True))


# --- The rule -------------------------------------------------------------------------------


def test_a_session_with_counts_or_a_list_is_valid():
    validate_reach({"women": 2, "men": 0, "girls": 0, "boys": 0}, registered=0)
    validate_reach({"women": 0, "men": 0, "girls": 0, "boys": 0}, registered=4)


def test_a_session_with_neither_counts_nor_list_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_reach({"women": 0, "men": 0, "girls": 0, "boys": 0}, registered=0)
    assert error.value.code == "reach_missing"


def test_a_session_with_both_counts_and_a_list_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_reach({"women": 1, "men": 0, "girls": 0, "boys": 0}, registered=2)
    assert error.value.code == "reach_twice"


def test_negative_counts_are_refused(rabat):
    with pytest.raises(ValidationError) as error:
        counted_session(rabat, women=-2, men=5)
    assert "women" in error.value.message_dict
    assert not AwarenessSession.objects.exists()


def test_topic_countries_outside_the_guides_are_refused(rabat):
    with pytest.raises(ValidationError) as error:
        counted_session(rabat, topic_countries=["ml", "fr"])
    assert "topic_countries" in error.value.message_dict


# --- Reach ----------------------------------------------------------------------------------


def test_a_counted_session_reaches_its_counts(rabat):
    session = counted_session(rabat, women=3, men=5, girls=1, boys=2)
    assert session.reach == Reach(women=3, men=5, girls=1, boys=2)
    assert session.reach.total == 11


def test_a_listed_session_reaches_its_people_by_sex_and_age_group(rabat):
    session = services.create_awareness_session(
        by=None, date=DAY, orientation_point=rabat, people=PEOPLE
    )
    assert session.reach == Reach(women=1, men=1, girls=1, boys=0)
    annotated = AwarenessSession.objects.with_reach().get()
    assert (annotated.reached_women, annotated.reached_girls, annotated.reached_total) == (1, 1, 3)
    assert annotated.reach == session.reach


def test_totals_add_listed_and_counted_sessions_without_counting_twice(rabat, casablanca):
    counted_session(rabat, women=3, men=5)
    counted_session(casablanca, women=0, men=0, boys=4)
    services.create_awareness_session(by=None, date=DAY, orientation_point=rabat, people=PEOPLE)

    assert AwarenessSession.objects.totals() == Reach(women=4, men=6, girls=1, boys=4)
    rabat_only = AwarenessSession.objects.filter(orientation_point=rabat).totals()
    assert rabat_only.total == 11
    assert AwarenessSession.objects.none().totals() == Reach()


# --- Services -------------------------------------------------------------------------------


def test_creating_a_session_writes_one_audit_entry_with_ids_only(rabat, coordinator):
    session = counted_session(rabat, by=coordinator)
    entry = ModelLogEntry.objects.for_instance(session).get()
    assert entry.action == "wagtail.create" and entry.user == coordinator
    assert entry.label == f"séance de sensibilisation #{session.pk}"


def test_updating_a_session_replaces_its_list_and_records_the_fields(rabat, coordinator):
    session = services.create_awareness_session(
        by=coordinator, date=DAY, orientation_point=rabat, people=PEOPLE
    )
    services.update_awareness_session(
        by=coordinator, session=session, people=PEOPLE[:1], facilitator="Conseillère"
    )
    assert list(session.people.values_list("name", flat=True)) == ["Awa"]
    assert entries(session) == ["wagtail.edit", "wagtail.create"]
    assert ModelLogEntry.objects.for_instance(session).first().data == {
        "fields": ["facilitator", "people"]
    }


def test_an_update_breaking_the_rule_changes_nothing(rabat, coordinator):
    session = services.create_awareness_session(
        by=coordinator, date=DAY, orientation_point=rabat, people=PEOPLE
    )
    with pytest.raises(ValidationError):
        services.update_awareness_session(by=coordinator, session=session, people=[])
    assert session.people.count() == 3
    assert entries(session) == ["wagtail.create"]


def test_deleting_a_session_deletes_its_people_and_is_audited(rabat, coordinator):
    session = services.create_awareness_session(
        by=coordinator, date=DAY, orientation_point=rabat, people=PEOPLE
    )
    pk = session.pk
    services.delete_awareness_session(by=coordinator, session=session)
    assert not AwarenessSession.objects.filter(pk=pk).exists()
    assert ModelLogEntry.objects.filter(object_id=str(pk), action="wagtail.delete").count() == 1


def remote(point, **fields):
    return {
        "date": DAY,
        "orientation_point": point,
        "country": "ml",
        "mode": "video",
        "mission": "Ambassade du Mali",
    } | fields


def test_a_remote_orientation_is_of_a_trainee_or_of_a_person(rabat, trainee, coordinator):
    of_trainee = services.create_remote_orientation(
        by=coordinator, **remote(rabat, trainee=trainee)
    )
    of_person = services.create_remote_orientation(
        by=coordinator, **remote(rabat, person_name="Seydou", sex="M", age_group="adult")
    )
    assert entries(of_trainee) == entries(of_person) == ["wagtail.create"]


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"person_name": "Seydou"},  # sex and age group missing
        {"person_name": "Seydou", "sex": "M", "age_group": "adult", "trainee": "trainee"},
    ],
)
def test_a_remote_orientation_of_nobody_or_of_both_is_refused(rabat, trainee, fields):
    if fields.get("trainee"):
        fields["trainee"] = trainee
    with pytest.raises(ValidationError):
        services.create_remote_orientation(by=None, **remote(rabat, **fields))
    assert not RemoteOrientation.objects.exists()


def test_updating_and_deleting_a_remote_orientation_are_audited(rabat, trainee, coordinator):
    orientation = services.create_remote_orientation(
        by=coordinator, **remote(rabat, trainee=trainee)
    )
    services.update_remote_orientation(by=coordinator, orientation=orientation, mode="phone")
    assert entries(orientation) == ["wagtail.edit", "wagtail.create"]
    pk = orientation.pk
    services.delete_remote_orientation(by=coordinator, orientation=orientation)
    assert not RemoteOrientation.objects.filter(pk=pk).exists()
