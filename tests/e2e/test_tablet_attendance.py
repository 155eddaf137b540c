"""The attendance screens on the classroom tablet (800 × 1280, touch): the roster with its
attendance column and buttons, the session days and the attendance grid of a ten-day
cohort of twelve trainees with long names, whole on the screen (nothing cut off, no serious
accessibility problem).

Screens are saved to test-results/screenshots/tablet-admin-attendance-*.png.
"""

import datetime

import pytest
from playwright.sync_api import expect

from cohorts import attendance_services
from cohorts.models import SessionDay
from lms.roles import Role
from tests.cohorts import factories
from tests.courses.factories import lesson, module_page

from .browser import Tab, requires_chromium
from .test_tablet_admin import NAMES, check_fits, sign_in

pytestmark = [pytest.mark.e2e, requires_chromium]

STATUSES = ["present", "late", "present", "excused", "absent"]


@pytest.fixture
def size():
    return "tablet"


@pytest.fixture
def attendance_class(demo_site, moroccan_weekend):
    trainer = factories.StaffFactory(email="trainer.days@example.org", role=Role.TRAINER)
    module = module_page("dp")
    for day in range(1, 11):
        lesson(module, day, title=f"Jour {day} — Se connaître et se fixer des objectifs")
    today = datetime.date.today()
    start = today - datetime.timedelta(days=7 + today.weekday())  # last week's Monday
    cohort = factories.CohortFactory(
        name="Rabat — Développement personnel, novembre",
        orientation_point__city="Rabat",
        trainers=[trainer],
        module=module,
        start_date=start,
        end_date=start + datetime.timedelta(days=13),
        capacity=20,
        status="running",
    )
    days = list(SessionDay.objects.filter(cohort=cohort, date__lt=today).order_by("date"))
    for number, name in enumerate(NAMES):
        enrolment = factories.TraineeFactory(
            cohort=cohort, display_name=name, by=trainer
        ).enrolments.get()
        for position, day in enumerate(days):
            status = STATUSES[(number + position) % 5] if number < 3 else "present"
            attendance_services.record_mark(by=trainer, enrolment=enrolment, day=day, status=status)
    return {"trainer": trainer, "cohort": cohort}


def test_a_trainer_sees_the_roster_the_days_and_the_grid_whole(tab: Tab, attendance_class):
    page = tab.page
    cohort = attendance_class["cohort"]
    sign_in(tab, "trainer.days@example.org")

    tab.open(f"/admin/cohorts/{cohort.pk}/")
    roster = page.locator("table.lms-roster")
    # Present every day so far (five of ten), three more days needed for the 80 % rule.
    row = roster.locator("tbody tr").filter(has_text=NAMES[5])
    expect(row).to_contain_text("5/10")
    expect(row).to_contain_text("3 jours de plus requis")
    for name in ("Grille des présences", "Jours de session"):
        box = page.get_by_role("link", name=name).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 800
    check_fits(tab, "attendance-1-roster")

    page.get_by_role("link", name="Jours de session").tap()
    expect(page.locator("table.session-days tbody tr")).to_have_count(10)
    check_fits(tab, "attendance-2-days")
    page.locator("summary", has_text="Déplacer").first.tap()
    check_fits(tab, "attendance-3-days-move-open")

    page.get_by_role("link", name="Grille des présences").tap()
    grid = page.locator("table.attendance-grid")
    expect(grid.locator("tbody tr")).to_have_count(len(NAMES))
    expect(grid.locator("thead th")).to_have_count(1 + 10)
    check_fits(tab, "attendance-4-grid")
    # Ten days fit without scrolling inside the grid's box (longer cohorts scroll there).
    box = page.locator(".lms-scroll")
    assert box.evaluate("(element) => element.scrollWidth <= element.clientWidth")
    tab.assert_stayed_local()
