"""The business-plan builder through the trainee's pages: the page, the autosave answering
with the figures, bad input refused with nothing changed, the PDF in CFA and Guinean francs,
and the trainer's read-only preview."""

import copy
import json

import pypdfium2
import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from courses.exercises import PLAN, ExerciseError
from learning import exercise_pdf
from learning import exercise_services as services
from learning.models import Document
from tests.cohorts.factories import TraineeFactory
from tests.courses.factories import plan_day
from tests.courses.test_plan_exercise import plan

SPACES = str.maketrans({"\u202f": " ", "\u00a0": " "})


def plain(text: str) -> str:
    """Text with the narrow and no-break spaces of French numbers made plain spaces."""
    return " ".join(text.translate(SPACES).split())


@pytest.fixture
def enrolment(trainee):
    """The trainee's enrolment in a module that has the business plan."""
    enrolment = trainee.enrolments.get()
    plan_day(enrolment.cohort.module)
    return enrolment


@pytest.fixture
def document(trainee, enrolment):
    return services.get_or_start_document(trainee, "plan", enrolment)


def _save(client, enrolment, version, answers):
    return client.post(
        reverse("learn_exercise_save", args=["plan", enrolment.pk]),
        json.dumps({"version": version, "answers": answers}),
        content_type="application/json",
    )


def test_a_plan_starts_in_the_currency_of_the_trainees_country(cohort, trainer):
    guinean = TraineeFactory(cohort=cohort, nationality="gn", by=trainer)
    started = services.get_or_start_document(guinean, "plan", guinean.enrolments.get())
    assert started.data["currency"] == "GNF"
    assert started.data["sales"]["seasonal"] == [""] * 12


def test_the_page_shows_the_sixteen_steps_and_the_figures(client, trainee, enrolment, document):
    services.save_document(document, plan(), 0)
    client.force_login(trainee.user)
    response = client.get(reverse("learn_business_plan", args=[enrolment.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-step="') == 16
    assert 'name="texts.summary"' in html
    assert 'data-rows="startup.equipment"' in html
    assert 'name="sales.seasonal.11"' in html
    assert 'inputmode="decimal"' in html
    assert 'value="450 000"' in html  # as typed
    assert '<option value="XOF" selected>' in html
    assert plain("1 352 000 FCFA") in plain(html)  # the start-up capital, server-rendered
    assert "data:image/svg+xml;base64," in html  # the cash-flow chart
    assert "js/plan.js" in html
    assert reverse("learn_exercise_pdf", args=["plan", enrolment.pk]) in html
    assert "<script>" not in html and "style=" not in html  # the CSP allows neither


def test_the_autosave_answers_with_the_figures(client, trainee, enrolment, document):
    client.force_login(trainee.user)
    response = _save(client, enrolment, 0, plan())
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 1
    assert plain(body["figures"]["startup"]["capital"]) == "1 352 000 FCFA"
    assert plain(body["figures"]["sales"]["break_even_revenue"]) == "430 000 FCFA"
    # The chart is not drawn for an autosave: the page fetches this version's image.
    assert body["figures"]["chart"] is None
    assert Document.objects.get(pk=document.pk).data["funding"]["own"] == "500 000"
    chart = client.get(reverse("learn_plan_chart", args=[enrolment.pk]), {"v": 1})
    assert chart.status_code == 200
    assert chart["Content-Type"].startswith("image/svg+xml")
    svg = chart.content.decode()
    assert "<script" not in svg
    assert "Mois 12" in svg


@pytest.mark.parametrize(
    ("section", "key", "value", "path"),
    [
        ("sales", "units_per_month", "-3", "sales.units_per_month"),
        ("sales", "price", "1 000 000 000 000 000", "sales.price"),
        ("texts", "market", "م" * 10_000, "texts.market"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_the_saved_work_is_untouched(
    client, trainee, enrolment, document, section, key, value, path
):
    services.save_document(document, plan(), 0)
    kept = Document.objects.get(pk=document.pk)
    bad = plan()
    bad[section][key] = value
    with pytest.raises(ExerciseError) as refused:
        services.save_document(kept, copy.deepcopy(bad), kept.version)
    assert path in refused.value.errors
    client.force_login(trainee.user)
    response = _save(client, enrolment, kept.version, bad)
    assert response.status_code == 400
    assert path in response.json()["errors"]
    assert response.json()["error"]
    after = Document.objects.get(pk=document.pk)
    assert (after.data, after.version) == (kept.data, kept.version)
    assert after.versions.count() == 1  # the first save's snapshot, nothing since


def test_emoji_and_arabic_are_kept(client, trainee, enrolment, document):
    data = plan()
    data["texts"]["idea"] = "مخبزة 🥖"
    data["startup"]["stock"][0]["label"] = "دقيق 🌾"
    client.force_login(trainee.user)
    assert _save(client, enrolment, 0, data).status_code == 200
    saved = Document.objects.get(pk=document.pk).data
    assert (saved["texts"]["idea"], saved["startup"]["stock"][0]["label"]) == (
        "مخبزة 🥖",
        "دقيق 🌾",
    )


def pdf_text(content: bytes) -> str:
    pdf = pypdfium2.PdfDocument(content)
    return plain(" ".join(page.get_textpage().get_text_range() for page in pdf))


def test_the_pdf_of_a_plan_in_cfa_francs_prints_its_figures(document):
    # The bakery, with no reserve funded and a lean season: months 3 and 4 short of cash.
    data = plan(sales={"seasonal": ["1", "0,5", "0,2", "0,5"]})
    data["funding"] = {"iom_in_kind": "902000", "own": "", "loan": ""}
    data["texts"]["risks"] = "La farine augmente : je garde un mois de stock."
    document = services.save_document(document, data, 0)
    text = pdf_text(exercise_pdf.document_pdf(document, "fr"))
    assert text.startswith("Mon plan d'affaires")
    assert "Capital de démarrage 1 352 000 FCFA" in text
    assert "2 867" in text  # loaves to sell a month to break even
    assert "430 000 FCFA" in text
    assert "-42 000 FCFA Manque d'argent" in text  # month 3
    assert "Il manque 450 000 FCFA" in text
    assert "Il manque de l'argent en caisse aux mois 3, 4" in text
    assert "La farine augmente" in text
    assert "Four" in text and "Pétrin" in text  # the start-up costs table
    # The cash-flow chart is drawn (its legend is text in the PDF), not replaced by its alt.
    assert "Argent en caisse" in text
    assert "Mois 1 : 90 000 FCFA;" not in text


def tailor() -> dict:
    """The tailor in Conakry of tests/courses/test_business_plan.py, losing money each month."""
    return {
        "currency": "GNF",
        "texts": {"summary": "Un atelier de couture à Conakry."},
        "startup": {
            "equipment": [
                {"label": "Machine à coudre", "amount": "3 000 000", "life_months": "60"},
                {"label": "Table de coupe", "amount": "600 000", "life_months": "24"},
            ],
            "stock": [{"label": "Tissu", "amount": "1 500 000"}],
            "pre_opening": [{"label": "Enregistrement", "amount": "500 000"}],
            "reserve_months": "2",
        },
        "monthly": {
            "rent": "800 000",
            "drawings": "1 000 000",
            "utilities": "200 000",
            "phone_transport": "150 000",
        },
        "sales": {
            "product": "Chemise",
            "price": "60 000",
            "variable_cost": "35 000",
            "units_per_month": "40",
            "seasonal": [""] * 11 + ["2"],
        },
        "funding": {"iom_in_kind": "5 000 000", "own": "1 000 000"},
    }


def test_the_pdf_of_a_plan_in_guinean_francs_prints_its_figures(cohort, trainer):
    guinean = TraineeFactory(cohort=cohort, nationality="gn", by=trainer)
    document = services.get_or_start_document(guinean, "plan", guinean.enrolments.get())
    document = services.save_document(document, tailor(), 0)
    text = pdf_text(exercise_pdf.document_pdf(document, "fr"))
    # 5 600 000 paid before opening + 2 × 2 150 000 of reserve.
    assert "Capital de démarrage 9 900 000 GNF" in text
    # 2 225 000 ÷ 25 000 = 89 shirts, 5 340 000 GNF a month.
    assert "89" in text and "5 340 000 GNF" in text
    assert "-750 000 GNF Manque d'argent" in text  # month 1
    assert "Il manque 3 900 000 GNF" in text
    assert "Jamais : l'activité ne fait pas de bénéfice" in text


def test_the_pdf_can_be_had_in_english(client, trainee, enrolment, document):
    services.save_document(document, plan(), 0)
    client.force_login(trainee.user)
    response = client.get(
        reverse("learn_exercise_pdf", args=["plan", enrolment.pk]), {"lang": "en"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "1 352 000 FCFA" in pdf_text(response.content)


def test_the_trainers_preview_shows_the_texts_and_the_figures(document):
    document = services.save_document(document, plan(), 0)
    with translation.override("fr"):
        html = render_to_string(
            "learning/exercises/plan_preview.html",
            {"data": document.data, "figures": PLAN.figures(document.data), "document": document},
        )
    assert "Une boulangerie à Dakar" in html
    assert "1\u202f352\u202f000\u00a0FCFA" in html
    assert "Pétrin" in html
    assert "<input" not in html and "<textarea" not in html


def test_an_old_plan_without_numbers_still_opens(client, trainee, enrolment, document):
    Document.objects.filter(pk=document.pk).update(data={"summary": "", "idea": ""})
    client.force_login(trainee.user)
    assert client.get(reverse("learn_business_plan", args=[enrolment.pk])).status_code == 200
    # An earlier version kept before the plan had its tables is brought back as a plan.
    assert PLAN.clean({"summary": ""})["currency"] == "XOF"
