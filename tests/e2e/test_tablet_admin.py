"""The trainer's and the coordinator's admin screens on the classroom tablet (800 × 1280,
touch): nothing wider than the screen, nothing cut off, no serious accessibility problem.

Each screen is saved to test-results/screenshots/tablet-admin-*.png to be looked at.
"""

import datetime

import pytest
from playwright.sync_api import expect

from courses.models import Assessment, AssessmentKind
from learning.models import LessonProgress
from lms.roles import Role
from tests.cohorts import factories
from tests.courses.factories import lesson, module_page
from tests.learning.factories import SubmittedAttemptFactory

from .browser import Tab, requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]

# Long names, as a real class has them: they must wrap, not push the table off the screen.
NAMES = [
    "Aminata Koné-Traoré",
    "Jean-Baptiste Mukendi Kabongo",
    "Fatoumata Binta Diallo",
    "Moussa Sangaré",
    "Awa Ndiaye",
    "Kouadio Yao Emmanuel",
    "Mariam Ouédraogo",
    "Ibrahim Camara",
    "Christelle Ngo Mbappe",
    "Seydou Keïta",
    "Aïssatou Bah",
    "Koffi Mensah Agbeko",
]

# What may lie beyond the right edge without being cut off: only Wagtail's own header, whose
# breadcrumb bar scrolls sideways by design (w-overflow-x-auto) and holds a long cohort name.
WIDER_THAN_THE_SCREEN = """() => {
  const width = window.innerWidth;
  const scrollsByDesign = (element) => element.closest('.w-slim-header');
  const wide = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 0.5) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if (scrollsByDesign(element)) continue;
    wide.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} `
      + `right=${Math.round(box.right)} "${element.textContent.trim().slice(0, 40)}"`);
  }
  return wide;
}"""


@pytest.fixture
def size():
    return "tablet"


@pytest.fixture
def classroom(demo_site):
    trainer = factories.StaffFactory(email="trainer.tablet@example.org", role=Role.TRAINER)
    coordinator = factories.StaffFactory(email="coord.tablet@example.org", role=Role.COORDINATOR)
    test = Assessment.objects.create(title="Test", kind=AssessmentKind.KNOWLEDGE, questions=[])
    module = module_page("dp")
    module.pre_test = module.post_test = test
    module.save()
    days = [lesson(module, day) for day in range(1, 11)]
    start = datetime.date.today() - datetime.timedelta(days=3)
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
    factories.CohortFactory(
        name="Casablanca — Entrepreneuriat et commercialisation",
        orientation_point__city="Casablanca",
        module=module,
        status="planned",
    )
    trainees = [
        factories.TraineeFactory(cohort=cohort, display_name=name, by=trainer) for name in NAMES
    ]
    for number, trainee in enumerate(trainees[:8]):
        enrolment = trainee.enrolments.get()
        for day in days[: 3 - number % 3]:
            LessonProgress.objects.create(enrolment=enrolment, lesson=day)
        SubmittedAttemptFactory(enrolment=enrolment, phase="pre", score_percent=30 + number)
        if number < 4:
            SubmittedAttemptFactory(enrolment=enrolment, phase="post", score_percent=60 + number)
    return {"trainer": trainer, "coordinator": coordinator, "cohort": cohort, "trainees": trainees}


def sign_in(tab: Tab, email: str) -> None:
    page = tab.page
    tab.open("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(factories.STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").tap()
    expect(page).to_have_url(tab.url("/admin/"))


def check_fits(tab: Tab, step: str) -> None:
    """The tab's own checks (screenshot, page width, axe-core), then no single element that
    goes past the right edge of the screen."""
    assert tab.page.evaluate("[innerWidth, navigator.maxTouchPoints > 0]") == [800, True]
    tab.check(f"admin-{step}")
    wide = tab.page.evaluate(WIDER_THAN_THE_SCREEN)
    assert not wide, f"{step}: elements wider than the screen:\n" + "\n".join(wide)


def _lines(boxes: list[dict]) -> list[list[dict]]:
    """Buttons grouped by the line they sit on: two buttons whose heights overlap share one."""
    lines: list[list[dict]] = []
    for box in sorted(boxes, key=lambda box: box["y"]):
        if lines and box["y"] < lines[-1][0]["y"] + lines[-1][0]["height"]:
            lines[-1].append(box)
        else:
            lines.append([box])
    return lines


def check_buttons_line_up(tab: Tab) -> None:
    """On a cohort's page, buttons side by side have one top and one height (a button in a
    form or a link styled as one must not sit a few pixels off its neighbours), and every
    roster row's actions are the same size, in the same column."""
    page = tab.page
    for group in page.locator(".lms-actions").all():
        boxes = [button.bounding_box() for button in group.locator(".button").all()]
        assert boxes, "an action bar without buttons"
        for line in _lines(boxes):
            assert {round(box["y"]) for box in line} == {round(line[0]["y"])}, line
            assert {round(box["height"]) for box in line} == {round(line[0]["height"])}, line
    rows = page.locator("table.lms-roster tbody tr").all()
    row_buttons = []
    for row in rows:
        boxes = [
            button.bounding_box() for button in row.locator("td.lms-table__actions .button").all()
        ]
        assert len(boxes) == 1, "each trainee of a running cohort can be withdrawn"
        row_box = row.bounding_box()
        # Inside its row, whole.
        assert (
            row_box["y"] <= boxes[0]["y"] <= row_box["y"] + row_box["height"] - boxes[0]["height"]
        )
        row_buttons += boxes
    assert len({round(box["height"]) for box in row_buttons}) == 1, row_buttons
    assert len({round(box["x"] + box["width"]) for box in row_buttons}) == 1, row_buttons
    assert all(box["x"] + box["width"] <= 800 for box in row_buttons)


def test_a_trainer_sees_the_dashboard_the_cohort_list_and_the_roster_whole(tab: Tab, classroom):
    page = tab.page
    cohort = classroom["cohort"]
    sign_in(tab, "trainer.tablet@example.org")
    expect(page.get_by_role("link", name=cohort.name)).to_be_visible()
    check_fits(tab, "1-dashboard-trainer")

    tab.open("/admin/cohorts/")
    expect(page.get_by_role("link", name=cohort.name)).to_be_visible()
    check_fits(tab, "2-cohort-list-trainer")

    page.get_by_role("link", name=cohort.name).tap()
    expect(page).to_have_url(tab.url(f"/admin/cohorts/{cohort.pk}/"))
    roster = page.locator("table.lms-roster")
    expect(roster.locator("tbody tr")).to_have_count(len(NAMES))
    # Each trainee's progress: days done (3 of the module's 10) and both tests.
    first = roster.locator("tbody tr").filter(has_text=NAMES[0])
    expect(first).to_contain_text("3 sur 10")
    expect(first).to_contain_text("Début\u00a0: 30\u00a0%")
    expect(first).to_contain_text("Fin\u00a0: 60\u00a0%")
    check_fits(tab, "3-roster-trainer")
    check_buttons_line_up(tab)
    # Every "Withdraw" button is whole and inside the screen.
    for button in roster.get_by_role("link", name="Retirer").all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 800

    first.get_by_role("link", name="Retirer").tap()
    expect(page.get_by_label("Motif du retrait")).to_be_visible()
    check_fits(tab, "4-withdraw-trainer")

    page.get_by_role("button", name="Retirer de la cohorte").tap()
    # Without a reason nothing changes: the field says what is missing.
    expect(page.get_by_label("Motif du retrait")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Motif du retrait").fill("Départ avancé")
    page.get_by_role("button", name="Retirer de la cohorte").tap()
    expect(page).to_have_url(tab.url(f"/admin/cohorts/{cohort.pk}/"))
    expect(page.get_by_text(f"{NAMES[0]} ne suit plus cette cohorte.")).to_be_visible()

    roster.get_by_role("link", name=NAMES[0]).tap()
    expect(page.get_by_role("button", name="Réinscrire")).to_be_visible()
    check_fits(tab, "5-trainee-trainer")
    page.get_by_role("button", name="Réinscrire").tap()
    expect(page.get_by_text(f"{NAMES[0]} suit de nouveau la cohorte")).to_be_visible()

    tab.open(f"/admin/cohorts/{cohort.pk}/results/")
    check_fits(tab, "6-results-trainer")
    tab.open(f"/admin/cohorts/{cohort.pk}/import/")
    check_fits(tab, "6b-import-trainer")
    tab.assert_stayed_local()


def test_a_coordinator_sees_the_dashboard_the_cohort_list_and_the_audit_log_whole(
    tab: Tab, classroom
):
    page = tab.page
    cohort = classroom["cohort"]
    sign_in(tab, "coord.tablet@example.org")
    expect(page.get_by_role("link", name=cohort.name)).to_be_visible()
    check_fits(tab, "7-dashboard-coordinator")

    tab.open("/admin/cohorts/")
    expect(
        page.get_by_role("link", name="Casablanca — Entrepreneuriat et commercialisation")
    ).to_be_visible()
    check_fits(tab, "8-cohort-list-coordinator")

    tab.open(f"/admin/cohorts/{cohort.pk}/")
    expect(page.locator("table.lms-roster tbody tr")).to_have_count(len(NAMES))
    check_fits(tab, "9-roster-coordinator")
    check_buttons_line_up(tab)

    tab.open("/admin/audit/")
    expect(page.get_by_text("apprenants\u00a0: 12").first).to_be_visible()
    check_fits(tab, "10-audit-coordinator")
    tab.assert_stayed_local()
