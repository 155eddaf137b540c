"""Shared fixtures: the public site's demo content, loaded once, and the seven personas."""

import pytest
from django.core.cache import cache

from lms.demo import load_public_site
from lms.roles import Role
from tests.cohorts.factories import CohortFactory, StaffFactory, TraineeFactory
from tests.wagtail_roots import restore_wagtail_roots


def pytest_collection_modifyitems(items):
    """Browser tests last: once Playwright has started, the test thread has a running event
    loop until the session ends (see tests/e2e/conftest.py)."""
    items.sort(key=lambda item: "/tests/e2e/" in str(item.path))


_test_database = {"ready": False}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once; every test runs inside a transaction rolled back after it."""
    with django_db_blocker.unblock():
        restore_wagtail_roots()
        load_public_site()
        cache.clear()  # a reused test database keeps the previous run's cache table
    _test_database["ready"] = True


@pytest.fixture(autouse=True)
def empty_page_cache(django_db_blocker):
    """Start every test with an empty cache (pages, rate limits).

    The cache is a table of the test database (lms/settings.py): a test that commits (a
    browser test, the demo loader) would leave it filled. Tests that never touch the
    database have nothing to clear, and before the test database exists there is nothing.
    Cleared before each test only: after it, a test may have broken the database on purpose.
    """
    if _test_database["ready"]:
        with django_db_blocker.unblock():
            cache.clear()


# --- The seven personas of every access test -------------------------------------------------
# anonymous (no fixture: nobody signed in), the trainee, another trainee, the cohort's trainer,
# another trainer, a coordinator and an editor. ``cohort`` is taught by ``trainer`` and holds
# ``trainee``; ``other_cohort`` (the other trainer's, another city, the same module) holds
# ``other_trainee``. tests/permissions.py asks them all the same questions.


@pytest.fixture
def trainer(db):
    return StaffFactory(email="trainer.test.rabat@example.org", role=Role.TRAINER)


@pytest.fixture
def other_trainer(db):
    return StaffFactory(email="trainer.test.casa@example.org", role=Role.TRAINER)


@pytest.fixture
def coordinator(db):
    return StaffFactory(email="coordinator.test@example.org", role=Role.COORDINATOR)


@pytest.fixture
def editor(db):
    """A member of the Editors group (Wagtail's page editors), not a superuser."""
    return StaffFactory(email="editor.test@example.org", role=Role.EDITOR)


@pytest.fixture
def cohort(trainer):
    return CohortFactory(name="Rabat — test", orientation_point__city="Rabat", trainers=[trainer])


@pytest.fixture
def other_cohort(other_trainer):
    return CohortFactory(
        name="Casablanca — test", orientation_point__city="Casablanca", trainers=[other_trainer]
    )


@pytest.fixture
def trainee(cohort, trainer):
    return TraineeFactory(cohort=cohort, display_name="Awa Test", by=trainer)


@pytest.fixture
def other_trainee(other_cohort, other_trainer):
    return TraineeFactory(
        cohort=other_cohort, display_name="Moussa Test", sex="M", by=other_trainer
    )


@pytest.fixture
def outsider(django_user_model):
    """A signed-in user with no role at all."""
    # No password: tests sign in with force_login, and hashing one costs a second a user.
    return django_user_model.objects.create_user(
        username="outsider", email="outsider@example.org", password=None
    )


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PINs and passwords are hashed on every account the tests create: use a cheap hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
