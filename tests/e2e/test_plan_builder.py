"""A trainee writes a business plan on a classroom tablet whose connection drops; the figures
follow what they type; a second tablet with an older copy is told and both texts are kept,
whether it takes the newer text or keeps its own; an earlier version is brought back from the
history page; the plan fits a phone too."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from learning import exercise_services as services
from learning.models import Document, VersionReason
from lms.roles import Role
from tests.cohorts import factories
from tests.courses.factories import plan_day

from .browser import SIZES, Tab, requires_chromium
from .test_assessment_offline import sign_in

pytestmark = [pytest.mark.e2e, requires_chromium]

NNBSP, NBSP = "\u202f", "\u00a0"


def money(text: str) -> str:
    """An amount as the page writes it: "540 000 FCFA" with French spaces."""
    number, _space, symbol = text.rpartition(" ")
    return number.replace(" ", NNBSP) + NBSP + symbol


@pytest.fixture
def size():
    """The classroom tablet: where trainees write their plan."""
    return "tablet"


@pytest.fixture
def classroom(demo_site):
    trainer = factories.StaffFactory(email="trainer.plan@example.org", role=Role.TRAINER)
    cohort = factories.CohortFactory(
        name="Rabat — plan", orientation_point__city="Rabat", trainers=[trainer]
    )
    plan_day(cohort.module)
    trainee = factories.TraineeFactory(
        cohort=cohort, display_name="Awa Boulangère", nationality="sn", by=trainer
    )
    return {"trainee": trainee, "enrolment": trainee.enrolments.get()}


def plan_of(enrolment) -> Document:
    return Document.objects.get(kind="plan", enrolment=enrolment)


def test_a_plan_written_offline_reaches_the_server_and_a_stale_tablet_loses_nothing(
    tab: Tab, classroom, new_context, pytestconfig
):
    page = tab.page
    enrolment = classroom["enrolment"]
    path = f"/learn/plan/{enrolment.pk}/"
    sign_in(tab, classroom["trainee"])
    tab.open(path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon plan d'affaires")
    # One step at a time: the first, in the currency of Senegal.
    expect(page.locator("[data-step='summary']")).to_be_visible()
    expect(page.locator("[data-step='startup']")).to_be_hidden()
    expect(page.get_by_label("Monnaie du plan")).to_have_value("XOF")
    tab.check("plan-1-first-step")
    status = page.locator("[data-offline-status]")

    # Step 9: an oven of 450 000 FCFA.
    page.locator("[data-step-link='startup']").tap()
    startup = page.locator("[data-step='startup']")
    expect(startup).to_be_visible()
    page.get_by_role("button", name="Ajouter du matériel").tap()
    oven = startup.locator("[data-rows='startup.equipment'] [data-row]").first
    oven.locator("[data-field='label']").fill("Four")
    oven.locator("[data-field='amount']").fill("450 000")
    expect(status).to_have_text("Enregistré")
    expect(startup.locator("[data-figure='startup.capital']")).to_have_text(money("450 000 FCFA"))

    # Step 11: bread at 150, costing 90, 4 000 loaves a month. Fixed costs are the oven's
    # wear, 450 000 ÷ 36 = 12 500 a month: 12 500 ÷ 60 = 208.3, so 209 loaves to break even,
    # 12 500 × 150 ÷ 60 = 31 250 FCFA of sales.
    page.get_by_role("button", name="Étape suivante").tap()
    page.get_by_role("button", name="Étape suivante").tap()
    sales = page.locator("[data-step='sales']")
    expect(sales).to_be_visible()
    sales.get_by_label("Prix de vente d'une unité").fill("150")
    sales.get_by_label("Ce que coûte une unité (matière, emballage)").fill("90")
    sales.get_by_label("Unités vendues dans un mois habituel").fill("4000")
    expect(status).to_have_text("Enregistré")
    expect(sales.locator("[data-figure='sales.break_even_units']")).to_have_text("209")
    expect(sales.locator("[data-figure='sales.break_even_revenue']")).to_have_text(
        money("31 250 FCFA")
    )
    tab.check("plan-2-sales")

    # Another tablet opens the plan now, at this version.
    screenshots = Path(pytestconfig.getoption("--output")).absolute() / "screenshots"
    other = Tab(
        new_context(viewport=SIZES["tablet"], screen=SIZES["tablet"]).new_page(),
        "tablet",
        tab.base_url,
        screenshots,
    )
    sign_in(other, classroom["trainee"])
    other.open(path)
    expect(other.page.get_by_label("Monnaie du plan")).to_have_value("XOF")

    # The Wi-Fi drops; the trainee goes on: rent of 30 000 a month.
    page.context.set_offline(True)
    page.locator("[data-step-link='monthly']").tap()
    monthly = page.locator("[data-step='monthly']")
    monthly.get_by_label("Loyer", exact=True).fill("30 000")
    expect(status).to_contain_text("Hors ligne")
    assert plan_of(enrolment).data["monthly"]["rent"] == ""

    page.context.set_offline(False)
    expect(status).to_have_text("Enregistré", timeout=15_000)
    document = plan_of(enrolment)
    assert document.data["monthly"]["rent"] == "30 000"
    assert document.data["startup"]["equipment"] == [
        {"label": "Four", "amount": "450 000", "life_months": ""}
    ]
    # Fixed costs 30 000 + 12 500 = 42 500: 708.3, so 709 loaves; start-up capital
    # 450 000 + 3 months × 30 000 = 540 000.
    summary = page.locator(".plan-summary")
    expect(summary.locator("[data-figure='sales.break_even_units']")).to_have_text("709")
    expect(summary.locator("[data-figure='startup.capital']")).to_have_text(money("540 000 FCFA"))
    expect(monthly.locator("[data-figure='monthly.fixed_costs']")).to_have_text(
        money("42 500 FCFA")
    )
    # No funding at all: 540 000 missing, the first month short of cash, said in words.
    expect(summary.locator("[data-plan-warnings] li")).to_have_count(2)
    expect(summary).to_contain_text(money("Il manque 540 000 FCFA pour financer le démarrage."))
    page.locator("[data-step-link='cashflow']").tap()
    first_month = page.locator("[data-cash-month='0']")
    expect(first_month).to_have_class("negative")
    expect(first_month).to_contain_text("Manque d'argent")
    # The chart of the saved version, fetched once on screen (the autosave does not draw it).
    chart = page.locator("[data-step='cashflow'] [data-plan-chart]")
    expect(chart).to_have_attribute("src", re.compile(r"/chart\.svg\?v=\d+$"))
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-step=cashflow] [data-plan-chart]')]"
        ".every((image) => image.complete && image.naturalWidth > 0)"
    )
    tab.check("plan-3-cash-flow")

    # The other tablet, still at the old version, saves a summary: refused, and asked.
    other.page.get_by_label("Résumé", exact=True).fill("Écrit sur l'autre tablette")
    dialog = other.page.locator("[data-conflict-dialog]")
    expect(dialog).to_be_visible()
    other.check("plan-4-conflict")
    dialog.get_by_role("button", name="Prendre la plus récente").tap()
    expect(other.page.get_by_label("Loyer", exact=True)).to_have_value("30 000")
    expect(other.page.get_by_label("Résumé", exact=True)).to_have_value("")
    document = plan_of(enrolment)
    assert document.data["monthly"]["rent"] == "30 000"
    copy = document.versions.get(reason=VersionReason.CONFLICT)
    assert copy.data["texts"]["summary"] == "Écrit sur l'autre tablette"
    assert copy.data["monthly"]["rent"] == ""

    # Back on the first tablet: the other tablet's text is in the history, and comes back.
    tab.open(f"/learn/plan/{enrolment.pk}/history/?version={copy.pk}")
    expect(page.get_by_text("Écrit sur l'autre tablette")).to_be_visible()
    tab.check("plan-5-history")
    page.get_by_role("button", name="Faire revenir cette version").tap()
    expect(page).to_have_url(tab.url(path))
    expect(page.get_by_label("Résumé", exact=True)).to_have_value("Écrit sur l'autre tablette")
    restored = plan_of(enrolment)
    assert restored.data["texts"]["summary"] == "Écrit sur l'autre tablette"
    assert (
        restored.versions.filter(reason=VersionReason.BEFORE_RESTORE).get().data["monthly"]["rent"]
        == "30 000"
    )
    tab.assert_stayed_local()
    other.assert_stayed_local()

    # The plan as brought back (the oven, no rent: 450 000 missing) on a cheap phone,
    # 360 px wide: each step fits.
    phone = Tab(
        new_context(viewport=SIZES["phone"], screen=SIZES["phone"]).new_page(),
        "phone",
        tab.base_url,
        screenshots,
    )
    sign_in(phone, classroom["trainee"])
    phone.open(path)
    for step in ("startup", "cashflow", "funding"):
        phone.page.locator(f"[data-step-link='{step}']").tap()
        expect(phone.page.locator(f"[data-step='{step}']")).to_be_visible()
        phone.check(f"plan-{step}")
    expect(phone.page.locator("[data-step='funding'] [data-figure='funding.gap']")).to_have_text(
        money("450 000 FCFA")
    )
    phone.assert_stayed_local()


def test_a_refused_figure_is_marked_where_it_was_typed_and_nothing_is_saved(tab: Tab, classroom):
    page = tab.page
    enrolment = classroom["enrolment"]
    sign_in(tab, classroom["trainee"])
    tab.open(f"/learn/plan/{enrolment.pk}/")
    page.locator("[data-step-link='startup']").tap()
    startup = page.locator("[data-step='startup']")
    page.get_by_role("button", name="Ajouter du matériel").tap()
    oven = startup.locator("[data-rows='startup.equipment'] [data-row]").first
    oven.locator("[data-field='label']").fill("Four")
    amount = oven.locator("[data-field='amount']")
    amount.fill("-450 000")

    expect(amount).to_have_attribute("aria-invalid", "true")
    message = startup.locator(".field-error")
    expect(message).to_have_count(1)
    expect(message).not_to_be_empty()
    tab.check("plan-refused-figure")
    assert plan_of(enrolment).data.get("startup", {}).get("equipment", []) == []

    amount.fill("450 000")
    expect(page.locator("[data-offline-status]")).to_have_text("Enregistré")
    expect(startup.locator(".field-error")).to_have_count(0)
    expect(amount).not_to_have_attribute("aria-invalid", "true")
    assert plan_of(enrolment).data["startup"]["equipment"][0]["amount"] == "450 000"


def test_a_stale_tablet_that_keeps_its_own_text_loses_neither(tab: Tab, classroom):
    page = tab.page
    enrolment = classroom["enrolment"]
    path = f"/learn/plan/{enrolment.pk}/"
    sign_in(tab, classroom["trainee"])
    tab.open(path)
    expect(page.get_by_label("Monnaie du plan")).to_have_value("XOF")

    # Meanwhile another tablet saves the plan (as its autosave does): rent of 30 000 a month.
    document = plan_of(enrolment)
    newer = {**document.data, "monthly": {**document.data["monthly"], "rent": "30 000"}}
    services.save_document(document, newer, document.version, by=classroom["trainee"].user)

    # This tablet, still at the old version, writes the summary: refused, and asked.
    summary = page.get_by_label("Résumé", exact=True)
    summary.fill("Écrit sur cette tablette")
    dialog = page.locator("[data-conflict-dialog]")
    expect(dialog).to_be_visible()
    tab.check("plan-keep-mine-asked")
    dialog.locator("[data-conflict-mine]").tap()
    expect(dialog).to_be_hidden()
    expect(page.locator("[data-offline-status]")).to_have_text("Enregistré")
    expect(summary).to_have_value("Écrit sur cette tablette")

    # Mine is the plan now, saved on top of the newer one...
    document = plan_of(enrolment)
    assert document.data["texts"]["summary"] == "Écrit sur cette tablette"
    assert document.data["monthly"]["rent"] == ""
    assert document.version == 2
    # ...which is kept among the earlier versions, as it was, and can be read again.
    (replaced,) = [
        version
        for version in document.versions.exclude(reason=VersionReason.CONFLICT)
        if version.data["monthly"]["rent"] == "30 000"
    ]
    assert replaced.data["texts"]["summary"] == ""
    assert replaced.number == 1
    tab.open(f"{path}history/?version={replaced.pk}")
    expect(page.locator("main")).to_contain_text(money("30 000 FCFA"))
    tab.check("plan-keep-mine-history")
    tab.assert_stayed_local()
