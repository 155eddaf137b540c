"""Importing a checked roster into a cohort: all trainees created, or none.

Every row is checked first so that the person importing sees every problem at once; the
trainees are then created by the same service as a trainee added by hand, which enforces the
cohort's places and the one-person-once rule again under the cohort's lock.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from cohorts import services
from cohorts.models import Cohort, TraineeProfile
from cohorts.roster.checking import check_rows
from cohorts.roster.columns import RosterCheck, RosterError, RosterFileError, trainee_key
from cohorts.roster.reading import read_table


@dataclass(frozen=True)
class CreatedTrainee:
    profile: TraineeProfile
    pin: str


@dataclass
class RosterImport:
    check: RosterCheck
    created: list[CreatedTrainee] = field(default_factory=list)


def enrolled_keys(cohort: Cohort) -> dict[tuple[str, int], str]:
    """Everyone ever enrolled in ``cohort`` (withdrawn included: they are the same person)."""
    return {
        trainee_key(name, year): name
        for name, year in cohort.enrolments.values_list(
            "trainee__display_name", "trainee__birth_year"
        )
    }


def import_roster(*, by, cohort: Cohort, filename: str, data: bytes) -> RosterImport:
    """Create and enrol every trainee of the file, or — if any row is wrong — none."""
    try:
        table = read_table(filename, data)
    except RosterFileError as error:
        return RosterImport(RosterCheck(errors=[RosterError(error.message)]))
    try:
        return _import_checked(by, cohort, table)
    except ValidationError as error:
        # The service refused a row the check let through (someone else filled the cohort
        # meanwhile): the whole import was rolled back.
        return RosterImport(RosterCheck(errors=[RosterError(message) for message in error]))


@transaction.atomic
def _import_checked(by, cohort: Cohort, table) -> RosterImport:
    # Lock the cohort so two imports at once cannot both take the last places.
    cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
    check = check_rows(table, existing=enrolled_keys(cohort), places_left=cohort.places_left)
    if not check.ok:
        return RosterImport(check)
    created = []
    for row in check.trainees:
        profile, pin = services.create_trainee(
            by=by,
            cohort=cohort,
            display_name=row.display_name,
            sex=row.sex,
            birth_year=row.birth_year,
            nationality=row.nationality,
            preferred_language=row.preferred_language,
            phone=row.phone,
            consents=row.consents,
        )
        created.append(CreatedTrainee(profile, pin))
    return RosterImport(check, created)
