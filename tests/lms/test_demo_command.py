"""manage.py seed_demo: everything with DEBUG on, nothing with DEBUG off, the content alone (never
an account) with --allow-production, and no row changed when it runs again."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from cohorts.models import Cohort
from content.models import CountryGuidePage
from courses.models import Assessment, LessonPage, ModulePage
from learning.models import Attempt
from lms import demo

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    """The number of rows of every table, many-to-many tables included."""
    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables
    }


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    return {
        table: (before.get(table), after.get(table))
        for table in before.keys() | after.keys()
        if before.get(table) != after.get(table)
    }


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    before = row_counts()

    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("seed_demo")

    assert changed(before, row_counts()) == {}


def test_the_loader_refuses_the_demo_people_with_debug_off(settings):
    settings.DEBUG = False
    before = row_counts()

    with pytest.raises(demo.PeopleRefused):
        demo.load()

    assert changed(before, row_counts()) == {}


def test_seed_demo_with_allow_production_loads_the_content_and_no_account(settings):
    settings.DEBUG = False
    users = get_user_model().objects.count()
    output = StringIO()

    call_command("seed_demo", "--allow-production", stdout=output)

    assert CountryGuidePage.objects.count() == 16
    assert ModulePage.objects.count() == 8
    assert LessonPage.objects.count() == 48
    assert Assessment.objects.count() == 8
    assert get_user_model().objects.count() == users
    assert not get_user_model().objects.filter(email="coordinator@example.org").exists()
    assert not Cohort.objects.exists()
    assert not Attempt.objects.exists()
    assert "Demo people not loaded" in output.getvalue()


def test_seed_demo_twice_changes_no_row_in_any_table(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    assert get_user_model().objects.filter(email="coordinator@example.org").exists()
    assert Cohort.objects.count() == 3
    before = row_counts()

    call_command("seed_demo", stdout=StringIO())

    assert changed(before, row_counts()) == {}, "tables whose row count changed (before, after)"
