"""The demo programme as data: the YAML files under data/, loaded through the apps' services.

This package is the composition root of the demo: it may import every app; no app imports
it. Loading is idempotent: whatever exists (a page, a snippet, an account, a cohort, an
attempt) is left as it is, since an editor or a trainer may have changed it, so
``manage.py seed_demo`` can run on every ``make run``.

The demo comes in parts, each building on the ones before it:

- ``site``: the public site (home page, country guides, orientation points);
- ``courses``: the training catalogue (modules, days, assessments);
- ``people``: staff accounts with a known password, cohorts, trainees with a known PIN,
  their attempts and survey answers, their CVs and business plans, the holidays, the
  cohorts' session days and the attendance of the days already past, the certificates of the
  finished cohort, a year of awareness
  sessions and a few remote orientations (invented figures, marked so). Never for a site where
  real people sign in: refused with DEBUG off, whoever asks.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction

from lms.demo import (
    assessments,
    attendance,
    awareness,
    catalogue,
    certificates,
    exercises,
    learning,
    people,
    site,
)

PARTS = ("site", "courses", "people")
CONTENT = frozenset({"site", "courses"})


class PeopleRefused(RuntimeError):
    """The demo people were asked for with DEBUG off."""


def load(parts: Iterable[str] = PARTS) -> None:
    """Load ``parts`` of the demo and the parts they build on, all or nothing.

    Raises PeopleRefused, before anything is created, for the people with DEBUG off.
    """
    wanted = set(parts)
    if unknown := wanted - set(PARTS):
        raise ValueError(f"Unknown demo parts: {', '.join(sorted(unknown))}")
    last = max((PARTS.index(part) for part in wanted), default=-1)
    if last >= PARTS.index("people") and not settings.DEBUG:
        raise PeopleRefused("The demo people (published password and PIN) need DEBUG on.")
    with transaction.atomic():
        if last >= PARTS.index("site"):
            site.load()
        if last >= PARTS.index("courses"):
            catalogue.load()
            assessments.load()
        if last >= PARTS.index("people"):
            attendance.load_holidays()
            for cohort, spec in people.load():
                learning.load(cohort, spec)
                attendance.load(cohort, spec)
                learning.load_days_done(cohort)
                certificates.load(cohort, spec)
            exercises.load()
            awareness.load()


def load_public_site() -> None:
    """Only the public site: the base data of the test suite."""
    load({"site"})
