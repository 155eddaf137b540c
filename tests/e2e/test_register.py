"""The register on the classroom tablet (800 × 1280, touch): a class of twelve marked in a few
taps, and a register reloaded and marked while the Wi-Fi is down, whose marks reach the
server with the times they were made."""

import datetime
import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cohorts.models import AttendanceEntry, AttendanceMark, SessionDay
from lms.roles import Role
from tests.cohorts import factories

from .browser import Tab, requires_chromium
from .test_tablet_admin import NAMES, check_fits, sign_in

pytestmark = [pytest.mark.e2e, requires_chromium]

SAVED = "Toutes les présences sont enregistrées."
MAX_TAPS = 15


@pytest.fixture
def size():
    return "tablet"


@pytest.fixture
def register(demo_site):
    trainer = factories.StaffFactory(email="trainer.register@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(
        name="Rabat — Développement personnel, registre",
        orientation_point__city="Rabat",
        trainers=[trainer],
    )
    day = SessionDay.objects.create(cohort=cohort, date=timezone.localdate())
    trainees = [
        factories.TraineeFactory(cohort=cohort, display_name=name, by=trainer) for name in NAMES
    ]
    return {"trainer": trainer, "cohort": cohort, "day": day, "trainees": trainees}


def row(page, name):
    return page.locator("[data-enrolment]").filter(has_text=name)


def test_a_trainer_marks_a_class_of_twelve_in_a_few_taps(tab: Tab, register):
    page = tab.page
    sign_in(tab, "trainer.register@example.org")
    tab.open(f"/admin/cohorts/{register['cohort'].pk}/register/")
    expect(page.locator("[data-enrolment]")).to_have_count(12)
    check_fits(tab, "register-1-empty")
    # Every button is big enough for a thumb and whole on the screen.
    for button in page.locator(".register-button").all():
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        assert box["x"] >= 0 and box["x"] + box["width"] <= 800

    taps = 0

    def tap(locator):
        nonlocal taps
        locator.tap()
        taps += 1

    tap(page.get_by_role("button", name="Tout le monde est présent"))
    exceptions = {NAMES[1]: "En retard", NAMES[4]: "En retard", NAMES[7]: "Excusé"}
    exceptions[NAMES[10]] = "Absent"
    for name, label in exceptions.items():
        tap(row(page, name).get_by_role("button", name=label, exact=True))
    expect(page.locator("[data-offline-status]")).to_have_text(SAVED, timeout=15_000)
    check_fits(tab, "register-2-marked")

    assert taps <= MAX_TAPS
    statuses = {
        mark.enrolment.trainee.display_name: mark.status
        for mark in AttendanceMark.objects.filter(session_day=register["day"]).select_related(
            "enrolment__trainee"
        )
    }
    words = {"En retard": "late", "Excusé": "excused", "Absent": "absent"}
    assert statuses == {
        name: words[exceptions[name]] if name in exceptions else "present" for name in NAMES
    }
    # Who marked what and when, on the page.
    expect(row(page, NAMES[7]).locator("[data-mark]")).to_contain_text("Excusé — par")
    tab.assert_stayed_local()


def test_a_register_reloaded_offline_keeps_its_marks_and_sends_them_with_their_times(
    tab: Tab, register
):
    page = tab.page
    sign_in(tab, "trainer.register@example.org")
    url = f"/admin/cohorts/{register['cohort'].pk}/register/"
    tab.open(url)
    tab.wait_for_worker()
    page.reload()  # now under the worker, which keeps the page and its files
    expect(page.locator("[data-enrolment]")).to_have_count(12)
    tab.wait_for_copy("foras-register")

    page.context.set_offline(True)
    tab.reload_offline()
    expect(page.locator("[data-enrolment]")).to_have_count(12)
    made = {}
    for name, label in ((NAMES[0], "Présent"), (NAMES[3], "En retard"), (NAMES[6], "Absent")):
        button = row(page, name).get_by_role("button", name=label, exact=True)
        before = page.evaluate("Date.now()")
        button.tap()
        made[name] = (before, page.evaluate("Date.now()"))
        expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-offline-status]")).to_contain_text("Hors ligne")
    check_fits(tab, "register-3-offline")
    assert not AttendanceMark.objects.exists()
    time.sleep(3)  # the marks arrive well after they were made

    page.context.set_offline(False)
    expect(page.locator("[data-offline-status]")).to_have_text(SAVED, timeout=20_000)
    marks = AttendanceMark.objects.filter(session_day=register["day"]).select_related(
        "enrolment__trainee"
    )
    assert {m.enrolment.trainee.display_name: m.status for m in marks} == {
        NAMES[0]: "present",
        NAMES[3]: "late",
        NAMES[6]: "absent",
    }
    for mark in marks:
        before, after = made[mark.enrolment.trainee.display_name]
        at = mark.marked_at.timestamp() * 1000
        assert before - 5 <= at <= after + 5, "the mark keeps the time it was made"
        entry = AttendanceEntry.objects.get(mark=mark)
        assert entry.received_at - entry.marked_at > datetime.timedelta(seconds=2)
