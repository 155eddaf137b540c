"""Charts drawn by lms/charts.py show, styled, in Chromium: on the trainer's results page in
the admin and under the public site's strict Content-Security-Policy (style-src by nonce or
hash only), there on a phone and on a tablet."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from courses.models import Assessment, AssessmentKind
from lms import charts
from lms.roles import Role
from tests.cohorts import factories
from tests.courses.factories import module_page
from tests.learning.factories import SubmittedAttemptFactory, SurveyResponseFactory

from .browser import Tab, requires_chromium

pytestmark = [pytest.mark.e2e, requires_chromium]

SCORES = [("Awa", 40, 80), ("Binta", 100, 90), ("Chloé", 50, 50), ("Dado", 60, None)]

# Every chart image has loaded and been decoded: a broken SVG has no natural size.
IMAGES_DRAWN = """() => [...document.querySelectorAll('img.chart')].map(
  (img) => img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0)"""


def hex_color(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))


def shows_color(tab: Tab, locator, color: str) -> bool:
    """Whether the element, as the screen shows it, has pixels of ``color``: pygal's bars are
    black without the stylesheet inside the SVG, so a colour proves it was applied."""
    image = Image.open(io.BytesIO(locator.screenshot())).convert("RGB")
    wanted = hex_color(color)
    return any(
        all(abs(a - b) <= 8 for a, b in zip(pixel, wanted, strict=True))
        for pixel in image.get_flattened_data()
    )


@pytest.fixture
def scored_cohort(demo_site, settings):
    settings.SURVEY_MIN_RESPONSES = 1
    trainer = factories.StaffFactory(email="trainer.charts@example.org", role=Role.TRAINER)
    test = Assessment.objects.create(title="Test", kind=AssessmentKind.KNOWLEDGE, questions=[])
    survey = Assessment.objects.create(
        title="Questionnaire",
        kind=AssessmentKind.SURVEY,
        questions=[
            {
                "type": "scale",
                "id": "overall",
                "value": {
                    "text": "Satisfaction globale",
                    "read_aloud": "",
                    "image": None,
                    "points": 0,
                    "overall": True,
                },
            }
        ],
    )
    module = module_page("dp")
    module.pre_test = module.post_test = test
    module.survey = survey
    module.save()
    cohort = factories.CohortFactory(
        name="Rabat — graphiques",
        orientation_point__city="Rabat",
        trainers=[trainer],
        module=module,
    )
    for name, pre, post in SCORES:
        enrolment = factories.TraineeFactory(
            cohort=cohort, display_name=name, by=trainer
        ).enrolments.get()
        SubmittedAttemptFactory(enrolment=enrolment, phase="pre", score_percent=pre)
        if post is not None:
            SubmittedAttemptFactory(enrolment=enrolment, phase="post", score_percent=post)
    for answer in (5, 4, 4, 2):
        SurveyResponseFactory(cohort=cohort, answers={"overall": answer})
    return cohort


# The admin is for the classroom tablet (DESIGN.md); the phone is checked on the public page.
@pytest.mark.parametrize("size", ["tablet"])
def test_a_trainer_sees_the_results_charts_drawn_and_described(tab: Tab, scored_cohort):
    page = tab.page
    tab.open("/accounts/login/")
    page.locator("input[name=login]").fill("trainer.charts@example.org")
    page.locator("input[name=password]").fill(factories.STAFF_PASSWORD)
    page.get_by_role("button", name="Se connecter").tap()
    expect(page).to_have_url(tab.url("/admin/"))

    tab.open(f"/admin/cohorts/{scored_cohort.pk}/results/")
    chart = page.get_by_role("img", name="Début et fin, par apprenant", exact=False)
    expect(chart).to_be_visible()
    expect(page.locator("img.chart")).to_have_count(2)  # pre/post, and the one scale question
    tab.check("charts-1-results")
    assert page.evaluate(IMAGES_DRAWN) == [True, True]
    assert shows_color(tab, chart, charts.BLUE)
    assert shows_color(tab, chart, charts.LIGHT_BLUE)
    assert shows_color(tab, page.locator("figure img.chart"), charts.GREEN)
    # Scaled to the screen, never wider than it.
    box = chart.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]


def test_charts_show_styled_under_the_public_sites_strict_policy(tab: Tab, settings):
    settings.ROOT_URLCONF = "tests.e2e.chart_urls"
    page = tab.page

    response = page.goto(tab.base_url + "/test-charts/")
    policy = response.headers["content-security-policy"]
    style_src = next(part for part in policy.split(";") if part.strip().startswith("style-src"))
    assert "'sha256-" in style_src and "unsafe-inline" not in style_src
    assert "img-src 'self' data:" in policy

    cash_flow = page.get_by_role("img", name="Trésorerie sur 12 mois", exact=False)
    expect(cash_flow).to_be_visible()
    tab.check("charts-2-strict-policy")
    assert page.evaluate(IMAGES_DRAWN) == [True, True]
    assert shows_color(tab, cash_flow, charts.BLUE)
    assert shows_color(tab, cash_flow, charts.RED)  # the negative months' hatching
    assert shows_color(tab, page.get_by_role("img", name="Début et fin", exact=False), charts.RED)
