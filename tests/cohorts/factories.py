"""Builders for people and cohorts, shared by the cohorts, courses and e2e tests."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from cohorts import services
from cohorts.models import Cohort
from content.models import OrientationPoint
from courses.models import CourseIndexPage, ModulePage
from lms.roles import Role

STAFF_PASSWORD = "a-long-test-password-2026"
PIN = "2468"


def module_page(code: str = "dp", title: str = "Développement personnel") -> ModulePage:
    existing = ModulePage.objects.filter(code=code).first()
    if existing:
        return existing
    index = CourseIndexPage.objects.first()
    if index is None:
        # Under the site's home when there is one, so that lessons have a URL.
        site = Site.objects.filter(is_default_site=True).first()
        parent = site.root_page if site else Page.get_first_root_node()
        index = CourseIndexPage(title="Formations", slug="formations-test")
        parent.add_child(instance=index)
    page = ModulePage(title=title, slug=f"module-{code}", code=code, duration_days=10)
    index.add_child(instance=page)
    return page


def orientation_point(city: str) -> OrientationPoint:
    return OrientationPoint.objects.get_or_create(
        city=city, defaults={"name": f"Point d'Orientation de Migrants — {city}"}
    )[0]


def staff_user(email: str, role: Role):
    user = get_user_model().objects.create_user(
        username=email, email=email, password=STAFF_PASSWORD
    )
    user.groups.add(Group.objects.get(name=role.value))
    return user


def cohort(name: str, city: str, trainers=(), module: ModulePage | None = None) -> Cohort:
    today = datetime.date.today()
    cohort = Cohort.objects.create(
        name=name,
        module=module or module_page(),
        orientation_point=orientation_point(city),
        start_date=today,
        end_date=today + datetime.timedelta(days=13),
        capacity=15,
    )
    cohort.trainers.set(trainers)
    return cohort


def trainee(cohort: Cohort, name: str, by=None, **fields):
    defaults = {"sex": "F", "birth_year": 1995, "nationality": "ml"}
    defaults.update(fields)
    profile, _pin = services.create_trainee(
        by=by,
        cohort=cohort,
        display_name=name,
        pin=PIN,
        consents={"data_processing": True, "share_with_origin": False, "photos": False},
        **defaults,
    )
    return profile
