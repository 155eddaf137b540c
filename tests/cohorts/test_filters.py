"""The cohort list's filters offer each module once and only the points the user can see."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from tests.cohorts.factories import CohortFactory
from tests.courses.factories import module_page


@pytest.fixture
def english_module(db):
    french = module_page("dp")
    english = french.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0], copy_parents=True
    )
    english.title = "Personal development"
    english.save_revision().publish()
    return english


def _choices(client, name):
    soup = BeautifulSoup(client.get(reverse("cohorts:index")).content, "html.parser")
    select = soup.select_one(f"select[name={name}]")
    return [option.get_text(strip=True) for option in select.select("option") if option["value"]]


def test_each_module_is_offered_once_whatever_its_translations(
    client, coordinator, cohort, english_module
):
    client.force_login(coordinator)

    modules = _choices(client, "module")

    assert modules.count("Développement personnel") == 1
    assert "Personal development" not in modules


def test_filtering_by_a_module_finds_the_cohorts_of_its_translations(
    client, coordinator, trainer, cohort, english_module
):
    english_cohort = CohortFactory(name="Rabat — in English", module=english_module)
    client.force_login(coordinator)

    page = client.get(reverse("cohorts:index"), {"module": module_page("dp").pk}).content.decode()

    assert cohort.name in page and english_cohort.name in page


def test_a_trainer_is_offered_only_the_orientation_points_of_their_cohorts(
    client, trainer, cohort, other_cohort
):
    client.force_login(trainer)

    assert _choices(client, "orientation_point") == [str(cohort.orientation_point)]


def test_a_coordinator_is_offered_every_point_with_a_cohort(
    client, coordinator, cohort, other_cohort
):
    client.force_login(coordinator)

    points = _choices(client, "orientation_point")

    assert sorted(points) == sorted(
        [str(cohort.orientation_point), str(other_cohort.orientation_point)]
    )
