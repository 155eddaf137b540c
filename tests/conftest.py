"""Shared fixtures: the public site's demo content, loaded once, and the seven personas."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from lms.demo import load_public_site
from lms.roles import Role
from tests.cohorts.factories import CohortFactory, StaffFactory, TraineeFactory
from tests.wagtail_roots import restore_wagtail_roots


def pytest_collection_modifyitems(items):
    """Browser tests last: once Playwright has started, the test thread has a running event
    loop until the session ends (see tests/e2e/conftest.py)."""
    items.sort(key=lambda item: "/tests/e2e/" in str(item.path))


# Under pytest-xdist (make test), tests are sent to the workers one by one, except those that
# share a costly set-up, sent together to one worker so that it is done once: the gunicorn
# server of tests/multiprocess/ (both modules), the module-wide demo loads. By path, not by
# xdist_group marks: pytest-xdist 3.8 adds the group to the nodeid, which pytest 9 ignores.
SHARED_SETUP = {
    "tests/multiprocess/": "multiprocess",
    "tests/lms/test_demo_data.py": "demo content",
    "tests/lms/test_demo_people.py": "demo programme",
    "tests/lms/test_demo_attendance.py": "demo attendance",
    "tests/lms/test_demo_awareness.py": "demo awareness",
    "tests/lms/test_demo_certificates.py": "demo certificates",
}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedSetupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            for prefix, group in SHARED_SETUP.items():
                if nodeid.startswith(prefix):
                    return group
            return nodeid

    return SharedSetupScheduling(config, log)


@pytest.fixture(scope="session", autouse=True)
def test_cache(tmp_path_factory):
    """The tests' own cache (a folder of files, as without Redis in production): never the
    one a development server beside them uses."""
    location = tmp_path_factory.mktemp("cache")
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(location),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
    with override_settings(CACHES=caches):
        yield


@pytest.fixture(scope="session", autouse=True)
def test_media(tmp_path_factory):
    """The tests' own uploads and rendered files: never the development server's media/, and
    one folder per pytest-xdist worker, so that parallel workers never meet in a file name."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo content once; every test runs inside a transaction rolled back after it."""
    with django_db_blocker.unblock():
        restore_wagtail_roots()
        load_public_site()


@pytest.fixture(autouse=True)
def empty_page_cache():
    """The cache outlives each test's rolled-back transaction: start every test without it."""
    cache.clear()
    yield
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
def sessions_every_day(settings):
    """Cohorts made by tests start on the day the suite runs: with Saturday and Sunday off,
    a run on a weekend would find its cohorts' first session day still to come. Tests of the
    weekend itself ask for ``moroccan_weekend``."""
    settings.SESSION_DAYS_OFF = ()


@pytest.fixture
def moroccan_weekend(settings):
    settings.SESSION_DAYS_OFF = (5, 6)


@pytest.fixture(autouse=True)
def wagtail_roots_in_transactional_tests(request):
    """A transactional test (two threads at once, say) starts after another one's flush:
    Wagtail's root page and default locale are put back before its fixtures run."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        request.getfixturevalue("transactional_db")
        restore_wagtail_roots()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PINs and passwords are hashed on every account the tests create: use a cheap hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
