"""People and cohorts for tests, made with factory-boy and, where a service exists, through it
(so a test's trainee is made the way a trainer's is)."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from cohorts import services
from cohorts.models import Cohort, TraineeProfile
from content.models import OrientationPoint
from lms.roles import Role
from tests.courses.factories import module_page

STAFF_PASSWORD = "a-long-test-password-2026"
PIN = "2468"


class StaffFactory(DjangoModelFactory):
    """A staff account signing in with its e-mail: ``StaffFactory(role=Role.COORDINATOR)``."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"staff{n}@example.org")
    username = factory.SelfAttribute("email")
    password = factory.django.Password(STAFF_PASSWORD)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=(extracted or Role.TRAINER).value))


class OrientationPointFactory(DjangoModelFactory):
    class Meta:
        model = OrientationPoint
        django_get_or_create = ("city",)

    city = "Rabat"
    name = factory.LazyAttribute(lambda point: f"Point d'Orientation de Migrants — {point.city}")


class CohortFactory(DjangoModelFactory):
    """A cohort of the French *Développement personnel* module unless told otherwise, made by
    cohorts.services.create_cohort (``trainers=[…]``)."""

    class Meta:
        model = Cohort

    name = factory.Sequence(lambda n: f"Cohorte {n}")
    module = factory.LazyFunction(module_page)
    orientation_point = factory.SubFactory(OrientationPointFactory)
    start_date = factory.LazyFunction(timezone.localdate)  # the platform's today
    end_date = factory.LazyAttribute(lambda c: c.start_date + datetime.timedelta(days=13))
    capacity = 15

    @classmethod
    def _create(cls, model_class, *args, trainers=(), **kwargs):
        return services.create_cohort(by=None, trainers=trainers, **kwargs)


class TraineeFactory(factory.Factory):
    """A trainee enrolled in ``cohort``, made by cohorts.services.create_trainee (PIN 2468)."""

    class Meta:
        model = TraineeProfile

    cohort = factory.SubFactory(CohortFactory)
    display_name = factory.Sequence(lambda n: f"Apprenant {n}")
    sex = "F"
    birth_year = 1995
    nationality = "ml"
    by = None
    pin = PIN
    consents = factory.LazyFunction(
        lambda: {"data_processing": True, "share_with_origin": False, "photos": False}
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        profile, _pin = services.create_trainee(**kwargs)
        return profile
