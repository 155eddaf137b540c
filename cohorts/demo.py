"""Demo people and cohorts: staff of every role, two cohorts of twelve trainees.

Names are invented pseudonyms; no contact detail is real. Idempotent: existing accounts and
cohorts are left as they are.
"""

import datetime

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale

from cohorts import services
from cohorts.models import Cohort, CohortStatus, TraineeProfile
from content.models import OrientationPoint
from courses.demo import seed_courses
from courses.models import ModulePage
from lms.roles import Role

STAFF_PASSWORD = "foras-demo-2026"
TRAINEE_PIN = "2468"

STAFF = [
    ("coordinator@example.org", "Nadia", "Coordinatrice", Role.COORDINATOR),
    ("editor@example.org", "Youssef", "Éditeur", Role.EDITOR),
    ("trainer.rabat@example.org", "Amina", "Formatrice Rabat", Role.TRAINER),
    ("trainer.casablanca@example.org", "Karim", "Formateur Casablanca", Role.TRAINER),
]

# (display name, sex, birth year, nationality)
TRAINEES = {
    "rabat": [
        ("Awa", "F", 1996, "ml"),
        ("Moussa", "M", 1990, "ml"),
        ("Fatoumata", "F", 2001, "gn"),
        ("Ibrahima", "M", 1987, "gn"),
        ("Aïcha", "F", 1999, "ci"),
        ("Koffi", "M", 1993, "ci"),
        ("Mariam", "F", 1985, "bf"),
        ("Seydou", "M", 2003, "bf"),
        ("Grace", "F", 1994, "cm"),
        ("Jean", "M", 1979, "cm"),
        ("Ndeye", "F", 2000, "sn"),
        ("Mamadou", "M", 1997, "sn"),
    ],
    "casa": [
        ("Esther", "F", 1992, "cd"),
        ("Patrick", "M", 1988, "cd"),
        ("Afi", "F", 1998, "tg"),
        ("Kodjo", "M", 1995, "tg"),
        ("Kadiatou", "F", 2002, "gn"),
        ("Ousmane", "M", 1984, "ml"),
        ("Rokia", "F", 1991, "ml"),
        ("Abdoulaye", "M", 1999, "sn"),
        ("Salimata", "F", 1986, "bf"),
        ("Yao", "M", 2004, "ci"),
        ("Blessing", "F", 1997, "other"),
        ("Samuel", "M", 1983, "cm"),
    ],
}


def _staff(email, first_name, last_name, role):
    User = get_user_model()
    user = User.objects.filter(username=email).first()
    if user is None:
        user = User.objects.create_user(
            username=email,
            email=email,
            password=STAFF_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
    user.groups.add(Group.objects.get(name=role.value))
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _modules() -> dict[str, ModulePage]:
    """The French modules by code; courses.demo creates them (and their lessons) if missing."""
    french = Locale.get_default()
    modules = {m.code: m for m in ModulePage.objects.filter(locale=french, code__in=["dp", "ec"])}
    if len(modules) < 2:
        modules = seed_courses()
    return modules


def _cohort(name, module, city, trainer, start):
    cohort = Cohort.objects.filter(name=name).first()
    if cohort is None:
        cohort = Cohort.objects.create(
            name=name,
            module=module,
            orientation_point=OrientationPoint.objects.get(city=city),
            start_date=start,
            end_date=start + datetime.timedelta(days=13),
            capacity=15,
            status=CohortStatus.RUNNING,
        )
        cohort.trainers.add(trainer)
    return cohort


@transaction.atomic
def seed_people() -> None:
    users = {email: _staff(email, first, last, role) for email, first, last, role in STAFF}
    modules = _modules()
    monday = datetime.date.today() - datetime.timedelta(days=datetime.date.today().weekday())
    cohorts = {
        "rabat": _cohort(
            "Rabat — Développement personnel",
            modules["dp"],
            "Rabat",
            users["trainer.rabat@example.org"],
            monday,
        ),
        "casa": _cohort(
            "Casablanca — Entrepreneuriat",
            modules["ec"],
            "Casablanca",
            users["trainer.casablanca@example.org"],
            monday,
        ),
    }
    for prefix, people in TRAINEES.items():
        cohort = cohorts[prefix]
        trainer = cohort.trainers.first()
        for number, (name, sex, birth_year, nationality) in enumerate(people, start=1):
            username = f"{prefix}{number:02d}"
            if TraineeProfile.objects.filter(user__username=username).exists():
                continue
            services.create_trainee(
                by=trainer,
                cohort=cohort,
                display_name=name,
                sex=sex,
                birth_year=birth_year,
                nationality=nationality,
                username=username,
                pin=TRAINEE_PIN,
                consents={
                    "data_processing": True,
                    "share_with_origin": number % 3 != 0,
                    "photos": number % 2 == 0,
                },
            )
