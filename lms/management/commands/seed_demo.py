from django.core.management.base import BaseCommand

from cohorts.demo import seed_people
from content.demo import seed_content
from courses.assessment_demo import seed_assessments, seed_attempts
from courses.demo import seed_courses


class Command(BaseCommand):
    help = "Load the demo programme (idempotent: what already exists is left as it is)."

    def handle(self, *args, **options):
        seed_content()
        seed_courses()
        seed_people()
        seed_assessments()
        seed_attempts()
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
