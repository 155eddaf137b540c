"""The named people of the access tests: a trainee, another trainee, the cohort's trainer,
another trainer, a coordinator and an editor (plus anonymous: no user)."""

import pytest

from lms.roles import Role
from tests.cohorts import factories


@pytest.fixture
def trainer(db):
    return factories.staff_user("trainer.test.rabat@example.org", Role.TRAINER)


@pytest.fixture
def other_trainer(db):
    return factories.staff_user("trainer.test.casa@example.org", Role.TRAINER)


@pytest.fixture
def coordinator(db):
    return factories.staff_user("coordinator.test@example.org", Role.COORDINATOR)


@pytest.fixture
def editor(db):
    return factories.staff_user("editor.test@example.org", Role.EDITOR)


@pytest.fixture
def cohort(db, trainer):
    return factories.cohort("Rabat — test", "Rabat", trainers=[trainer])


@pytest.fixture
def other_cohort(db, other_trainer):
    return factories.cohort("Casablanca — test", "Casablanca", trainers=[other_trainer])


@pytest.fixture
def trainee(cohort, trainer):
    return factories.trainee(cohort, "Awa Test", by=trainer)


@pytest.fixture
def other_trainee(other_cohort, other_trainer):
    return factories.trainee(other_cohort, "Moussa Test", by=other_trainer, sex="M")
