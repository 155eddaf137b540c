"""The demo's awareness sessions and remote orientations (lms/demo/data/awareness.yaml): a year
at the three orientation points, entered through the services, marked as demo rows, and left
alone by loading again."""

import pytest
from django.test import override_settings
from wagtail.models import ModelLogEntry

from cohorts import awareness_services
from cohorts.models import AwarenessSession, RemoteOrientation
from lms import demo
from lms.demo import files
from tests.lms.test_demo_people import demo_programme  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_programme")]


def data() -> dict:
    return files.read("awareness.yaml")


def test_each_orientation_point_has_a_year_of_sessions():
    for city in ("Rabat", "Casablanca", "Oujda"):
        sessions = AwarenessSession.objects.filter(orientation_point__city=city)
        months = {session.date.month for session in sessions}
        assert months == set(range(1, 13)), city


def test_every_demo_row_in_the_file_is_loaded_and_says_it_is_a_demo():
    expected = sum(len(point["sessions"]) for point in data()["orientation_points"])
    assert AwarenessSession.objects.count() == expected
    assert set(AwarenessSession.objects.values_list("notes", flat=True)) == {data()["notes"]}
    assert RemoteOrientation.objects.count() == len(data()["remote_orientations"])


def test_the_sessions_were_entered_through_the_services_by_their_points_staff():
    rabat = AwarenessSession.objects.filter(orientation_point__city="Rabat").first()
    entry = ModelLogEntry.objects.for_instance(rabat).get()
    assert entry.user.username == "trainer.rabat@example.org"


def test_one_session_lists_its_registered_people_and_reports_count_them():
    listed = AwarenessSession.objects.filter(people__isnull=False).distinct().get()
    assert listed.reach.total == listed.people.count() == 6
    assert AwarenessSession.objects.totals().total > 300  # a year at three points


def test_remote_orientations_are_of_demo_trainees_or_of_persons():
    of_trainees = RemoteOrientation.objects.filter(trainee__isnull=False)
    assert set(of_trainees.values_list("trainee__user__username", flat=True)) == {
        "rabat01",
        "rabat03",
        "casa01",
    }
    assert RemoteOrientation.objects.filter(trainee=None).exclude(person_name="").count() == 2


def test_loading_again_adds_nothing_and_leaves_an_edited_session_alone():
    session = AwarenessSession.objects.filter(orientation_point__city="Oujda").first()
    awareness_services.update_awareness_session(by=None, session=session, women=1, men=2)
    counts = (AwarenessSession.objects.count(), RemoteOrientation.objects.count())
    entries = ModelLogEntry.objects.count()

    with override_settings(DEBUG=True):
        demo.load()

    assert (AwarenessSession.objects.count(), RemoteOrientation.objects.count()) == counts
    assert ModelLogEntry.objects.count() == entries
    session.refresh_from_db()
    assert (session.women, session.men) == (1, 2)
