"""``manage.py seed_demo``: load the demo programme (lms/demo/), idempotently.

The demo people sign in with a published password and PIN, so they must never exist where
real people sign in: with DEBUG off the command refuses to run, and ``--allow-production``
loads the content alone (public site, modules, assessments), never an account.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms import demo


class Command(BaseCommand):
    help = (
        "Load the demo programme; what already exists is left as it is. Refuses to run with "
        "DEBUG off unless --allow-production, which loads the content only (no accounts)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load the demo content (public site, guides, modules, lessons, assessments) "
            "even with DEBUG off; never the demo people (staff, cohorts, trainees, attempts).",
        )

    def handle(self, *args, allow_production: bool = False, **options):
        if allow_production:
            demo.load(demo.CONTENT)
            self.stdout.write(
                self.style.SUCCESS(
                    "Demo content ready: public site, guides, modules, lessons, assessments."
                )
            )
            self.stdout.write(
                "Demo people not loaded (--allow-production): no staff accounts, cohorts, "
                "trainees or attempts."
            )
            return
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates accounts with a published password and PIN: it does not run "
                "with DEBUG off. To load the demo content alone (public site, modules, "
                "assessments; no accounts), run: manage.py seed_demo --allow-production"
            )
        demo.load()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo data ready: public site, guides, modules, lessons, assessments, demo "
                "staff, cohorts and trainees, awareness sessions (see README for the sign-ins)."
            )
        )
