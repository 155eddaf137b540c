"""One gunicorn server (4 sync workers, DEBUG off, no Redis) for the whole session, started
only when a multi-process test runs. See tests/multiprocess/server.py."""

import signal
import subprocess
import sys

import pytest
from django.db import connection

from tests.multiprocess.server import ROOT, Server, copy_sqlite

TEST_SECONDS = 60

PEOPLE = """
from cohorts.models import TraineeProfile
from lms.roles import Role
from tests.cohorts.factories import CohortFactory, StaffFactory, TraineeFactory

trainer = StaffFactory(email="trainer.multiprocess@example.org", role=Role.TRAINER)
cohort = CohortFactory(name="Multiprocess", trainers=[trainer])
trainee = TraineeFactory(cohort=cohort, display_name="Awa Multiprocess", by=trainer)
print(trainee.user.username)
"""


@pytest.fixture(scope="session")
def gunicorn_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """The running server, its database holding the public site, a trainer and a trainee."""
    workdir = tmp_path_factory.mktemp("gunicorn")
    database = workdir / "db.sqlite3"
    server = Server(workdir, database)
    server.env["DJANGO_SETTINGS_MODULE"] = "tests.multiprocess.settings"
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            connection.close()  # the copy must see every committed page
            copy_sqlite(connection.settings_dict["NAME"], database)
        else:  # a PostgreSQL test run: the server still gets its SQLite file, built afresh
            _manage(server, "migrate", "--no-input", "-v0")
            _manage(server, "seed_demo", "--allow-production")
    _manage(server, "collectstatic", "--no-input", "-v0")
    server.people = dict(
        zip(["trainee_username"], server.django(PEOPLE).split(), strict=True),
        trainer_email="trainer.multiprocess@example.org",
    )
    with server:
        yield server


@pytest.fixture
def server(gunicorn_server):
    """The shared server, with an empty cache (as after a restart) at the start of each test."""
    gunicorn_server.clear_cache()
    return gunicorn_server


@pytest.fixture(autouse=True)
def bounded_in_time():
    """A multi-process test fails rather than hangs: at most TEST_SECONDS."""

    def too_long(signum, frame):
        raise TimeoutError(f"a multi-process test took more than {TEST_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(TEST_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _manage(server: Server, *args: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=server.env,
        check=True,
        capture_output=True,
        timeout=600,
    )
