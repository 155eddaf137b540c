"""A cohort's assessment results in the trainer workspace: figures, access, exports, queries."""

import base64
import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cohorts.models import Enrolment
from courses.models import Assessment, AssessmentKind
from lms import audit, charts
from tests.cohorts import factories
from tests.learning.factories import SubmittedAttemptFactory, SurveyResponseFactory

RESULT_URLS = [
    "learning_cohort_results",
    "learning_cohort_results_csv",
    "learning_cohort_survey_csv",
]

# (name, pre, post, withdrawn): the case of tests/courses/test_gains.py, plus a withdrawn
# trainee whose scores would change every figure if they were counted.
SCORES = [
    ("Awa", 40, 80, False),
    ("Binta", 100, 90, False),
    ("Chloé", 50, 50, False),
    ("Dado", 60, None, False),
    ("Eric", 10, 100, True),
]


def _question(block_type, block_id, text, **fields):
    value = {"text": text, "read_aloud": "", "image": None, "points": 0, **fields}
    return {"type": block_type, "id": block_id, "value": value}


@pytest.fixture
def module(db):
    test = Assessment.objects.create(
        title="Test",
        kind=AssessmentKind.KNOWLEDGE,
        questions=[
            {
                "type": "true_false",
                "id": "q1",
                "value": {"text": "Vrai ?", "image": None, "points": 1, "answer": True},
            }
        ],
    )
    survey = Assessment.objects.create(
        title="Questionnaire",
        kind=AssessmentKind.SURVEY,
        questions=[
            _question("scale", "overall", "Satisfaction globale", overall=True),
            _question("scale", "pace", "Rythme"),
            _question("open", "useful", "Le plus utile"),
        ],
    )
    page = factories.module_page("dp")
    page.pre_test = page.post_test = test
    page.survey = survey
    page.save()
    return page


@pytest.fixture
def cohort(module, trainer):
    return factories.CohortFactory(
        name="Rabat — résultats", orientation_point__city="Rabat", trainers=[trainer], module=module
    )


def _score(enrolment, phase, score):
    SubmittedAttemptFactory(enrolment=enrolment, phase=phase, score_percent=score)


def _enrol(cohort, trainer, name, pre, post, withdrawn=False):
    profile = factories.TraineeFactory(cohort=cohort, display_name=name, by=trainer)
    enrolment = profile.enrolments.get()
    if pre is not None:
        _score(enrolment, "pre", pre)
    if post is not None:
        _score(enrolment, "post", post)
    if withdrawn:
        Enrolment.objects.filter(pk=enrolment.pk).update(status="withdrawn")
    return profile


def _respond(cohort, overall, pace, useful, day=0):
    return SurveyResponseFactory(
        cohort=cohort,
        answers={"overall": overall, "pace": pace, **({"useful": useful} if useful else {})},
        submitted_on=datetime.date(2026, 3, 10) + datetime.timedelta(days=day),
    )


@pytest.fixture
def scored_cohort(cohort, trainer):
    for name, pre, post, withdrawn in SCORES:
        _enrol(cohort, trainer, name, pre, post, withdrawn)
    # Submitted in this order; shown and exported in alphabetical order.
    _respond(cohort, 5, 3, "Zèbre : les jeux de rôle", day=0)
    _respond(cohort, 4, 4, "abricot", day=1)
    _respond(cohort, 2, 4, "Mangue", day=2)
    _respond(cohort, None, 5, "", day=3)
    return cohort


def _page(client, user, cohort):
    client.force_login(user)
    response = client.get(reverse("learning_cohort_results", args=[cohort.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _figure(soup, name):
    return " ".join(soup.select_one(f'[data-figure="{name}"] dd').get_text().split())


def _rows(soup):
    return [
        [" ".join(cell.get_text().split()) for cell in row.find_all(["th", "td"])]
        for row in soup.select("#results-table tbody tr")
    ]


def test_the_table_shows_each_trainees_scores_gains_band_and_mastery(
    client, trainer, scored_cohort
):
    rows = _rows(_page(client, trainer, scored_cohort))

    assert rows == [
        ["Awa", "40 %", "80 %", "40", "0,67", "moyen", "✓oui"],
        ["Binta", "100 %", "90 %", "-10", "—", "—", "✓oui"],
        ["Chloé", "50 %", "50 %", "0", "0,00", "faible", "non"],
        ["Dado", "60 %", "—", "—", "—", "—", "—"],
        ["Eric (abandon)", "10 %", "100 %", "90", "1,00", "élevé", "✓oui"],
    ]


def test_the_cohort_figures_leave_the_withdrawn_trainee_out(client, trainer, scored_cohort):
    soup = _page(client, trainer, scored_cohort)

    assert _figure(soup, "tested") == "4 / 3"
    assert _figure(soup, "mean_pre") == "62,5 %"
    assert _figure(soup, "mean_post") == "73,3 %"
    assert _figure(soup, "gain_of_means") == "0,27"
    assert _figure(soup, "mean_of_gains") == "0,33"
    assert _figure(soup, "mean_absolute_gain") == "10"
    assert _figure(soup, "mastery_rate") == "66,7 %"
    assert "1 apprenant en abandon figure dans le tableau" in soup.get_text()


def _chart(img):
    """The SVG document of an <img> drawn by lms/charts.py."""
    prefix = "data:image/svg+xml;base64,"
    assert img["src"].startswith(prefix)
    return BeautifulSoup(base64.b64decode(img["src"].removeprefix(prefix)), "html.parser")


def _bars(svg, series):
    return svg.select(f"g.serie-{series} g.bar")


def test_the_chart_draws_a_titled_bar_per_score(client, trainer, scored_cohort):
    soup = _page(client, trainer, scored_cohort)
    img = soup.select_one("img.chart")
    svg = _chart(img)

    assert "Awa — début\u00a0: 40\u00a0%" in img["alt"]
    assert "Dado — fin\u00a0: —" in img["alt"]
    assert svg.svg["role"] == "img"
    titles = [title.get_text() for title in svg.select("g.bar > title")]
    assert "Awa — début\u00a0: 40\u00a0%" in titles
    assert "Awa — fin\u00a0: 80\u00a0%" in titles
    assert len(_bars(svg, 0)) == 5
    assert [bar.select_one("desc.value").get_text() for bar in _bars(svg, 1)] == [
        "80\u00a0%",
        "90\u00a0%",
        "50\u00a0%",
        "",  # the empty bar that carries Dado's missing mark
        "100\u00a0%",
    ]
    assert [bar.select_one("desc.label") for bar in _bars(svg, 1)].count(None) == 4
    assert _bars(svg, 1)[3].select_one("desc.label").get_text() == charts.MISSING
    assert svg.select_one("g.bar > title") is not None
    assert svg.find("script") is None


def test_the_survey_section_counts_answers_and_satisfied_trainees(
    client, trainer, scored_cohort, settings
):
    settings.SURVEY_MIN_RESPONSES = 1
    soup = _page(client, trainer, scored_cohort)
    text = " ".join(soup.get_text().split())

    assert "4 réponses pour 4 apprenants actifs." in text
    assert _figure(soup, "percent_satisfied") == "66,7 %"  # 5 and 4 of three answers
    images = soup.select("figure img.chart")
    assert len(images) == 2  # one per scale item
    assert [t.get_text() for t in _chart(images[1]).select("g.bar > title")] == [
        "1\u00a0: 0 réponse(s)",
        "2\u00a0: 0 réponse(s)",
        "3\u00a0: 1 réponse(s)",
        "4\u00a0: 2 réponse(s)",
        "5\u00a0: 1 réponse(s)",
    ]


def test_free_text_answers_are_listed_alphabetically_not_in_submission_order(
    client, trainer, scored_cohort, settings
):
    settings.SURVEY_MIN_RESPONSES = 1
    soup = _page(client, trainer, scored_cohort)
    heading = soup.find("h3", string="Le plus utile")
    answers = [li.get_text() for li in heading.find_next("ul").find_all("li")]

    assert answers == ["abricot", "Mangue", "Zèbre : les jeux de rôle"]


def test_a_module_without_assessments_shows_an_empty_page(client, trainer, db):
    module = factories.module_page("ec", "Entrepreneuriat et commercialisation")
    cohort = factories.CohortFactory(
        name="Casablanca — vide",
        orientation_point__city="Casablanca",
        trainers=[trainer],
        module=module,
    )
    soup = _page(client, trainer, cohort)
    assert "Aucun apprenant inscrit." in soup.get_text()
    assert "Aucun questionnaire" in soup.get_text()


def _answer(response):
    if response.status_code in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "login"
        if location == reverse("wagtailadmin_home"):
            return "denied"
        return location
    return {200: "ok", 403: "denied", 404: "hidden"}.get(response.status_code, response.status_code)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", "login"),
        ("trainee", "login"),
        ("trainer", "ok"),
        ("other_trainer", "hidden"),
        ("coordinator", "ok"),
        ("editor", "denied"),
    ],
)
def test_only_the_cohorts_trainer_and_coordinators_see_the_results(
    persona, expected, client, request, scored_cohort, other_trainer
):
    if persona == "trainee":
        client.force_login(Enrolment.objects.filter(cohort=scored_cohort).first().trainee.user)
    elif persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    answers = {
        name: _answer(client.get(reverse(name, args=[scored_cohort.pk]))) for name in RESULT_URLS
    }
    assert answers == dict.fromkeys(RESULT_URLS, expected)


def _csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    return [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]


def test_the_results_csv_has_one_row_per_trainee_and_is_audited(client, trainer, scored_cohort):
    client.force_login(trainer)
    rows = _csv(client.get(reverse("learning_cohort_results_csv", args=[scored_cohort.pk])))

    assert rows[0] == [
        "Apprenant",
        "Statut",
        "Début (%)",
        "Fin (%)",
        "Gain absolu (points)",
        "Gain normalisé g",
        "Niveau de gain",
        "Maîtrise",
    ]
    assert rows[1:] == [
        ["Awa", "inscrit", "40", "80", "40", "0,667", "moyen", "oui"],
        ["Binta", "inscrit", "100", "90", "-10", "", "", "oui"],
        ["Chloé", "inscrit", "50", "50", "0", "0", "faible", "non"],
        ["Dado", "inscrit", "60", "", "", "", "", ""],
        ["Eric", "abandon", "10", "100", "90", "1", "élevé", "oui"],
    ]
    entry = audit.entries_about(scored_cohort).get(action=audit.Action.EXPORTED)
    assert entry.user == trainer
    assert sorted(entry.data["trainees"]) == sorted(
        scored_cohort.enrolments.values_list("trainee_id", flat=True)
    )


def test_the_results_csv_never_holds_survey_answers(client, trainer, scored_cohort):
    client.force_login(trainer)
    response = client.get(reverse("learning_cohort_results_csv", args=[scored_cohort.pk]))
    content = response.content.decode("utf-8-sig")
    assert "abricot" not in content
    assert "Satisfaction globale" not in content


def test_the_survey_csv_is_anonymous_undated_and_sorted_by_content(
    client, trainer, scored_cohort, settings
):
    settings.SURVEY_MIN_RESPONSES = 1
    client.force_login(trainer)
    response = client.get(reverse("learning_cohort_survey_csv", args=[scored_cohort.pk]))
    rows = _csv(response)
    content = response.content.decode("utf-8-sig")

    assert rows[0] == ["Satisfaction globale", "Rythme", "Le plus utile"]
    submitted = [
        ["5", "3", "Zèbre : les jeux de rôle"],
        ["4", "4", "abricot"],
        ["2", "4", "Mangue"],
    ]
    submitted.append(["", "5", ""])
    assert sorted(rows[1:]) == sorted(submitted)
    assert rows[1:] != submitted
    assert rows[1:] == sorted(rows[1:])
    for name, *_scores in SCORES:
        assert name not in content
    assert "2026" not in content


def _count_queries(client, cohort):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("learning_cohort_results", args=[cohort.pk]))
    assert response.status_code == 200
    return len(queries)


def test_the_page_runs_as_many_queries_for_12_trainees_as_for_3(client, trainer, module):
    small = factories.CohortFactory(
        name="Petite", orientation_point__city="Rabat", trainers=[trainer], module=module
    )
    large = factories.CohortFactory(
        name="Grande", orientation_point__city="Rabat", trainers=[trainer], module=module
    )
    for cohort, size in ((small, 3), (large, 12)):
        for number in range(size):
            _enrol(cohort, trainer, f"Apprenant {number:02d}", 40 + number, 60 + 2 * number)
            _respond(cohort, 1 + number % 5, 3, f"Réponse {number}")
    client.force_login(trainer)
    _count_queries(client, small)  # warm the caches (locales, content types, site)

    small_count, large_count = _count_queries(client, small), _count_queries(client, large)
    assert small_count == large_count
    assert small_count <= 20  # 15 today: session, user, roles, cohort, rows, survey, admin


def test_fewer_than_five_survey_answers_show_only_their_count(client, trainer, scored_cohort):
    page = _page(client, trainer, scored_cohort).get_text()
    assert "Moins de 5 réponses" in page
    assert "abricot" not in page and "Mangue" not in page
    csv_rows = client.get(reverse("learning_cohort_survey_csv", args=[scored_cohort.pk]))
    assert csv_rows.content.decode("utf-8-sig").strip().count("\n") == 0  # the header only


def test_from_five_answers_the_survey_is_shown(client, trainer, scored_cohort):
    _respond(scored_cohort, 4, 4, "Cinquième réponse", day=4)
    page = _page(client, trainer, scored_cohort).get_text()
    assert "Moins de 5 réponses" not in page
    assert "Cinquième réponse" in page


def test_a_gain_is_computed_from_the_unrounded_scores(client, trainer, cohort):
    profile = factories.TraineeFactory(cohort=cohort, display_name="Awa", by=trainer)
    enrolment = profile.enrolments.get()
    for phase, points, score in (("pre", 4, 26.7), ("post", 8, 53.3)):
        SubmittedAttemptFactory(
            enrolment=enrolment, phase=phase, points=points, max_points=15, score=score
        )

    soup = _page(client, trainer, cohort)
    rows = _csv(client.get(reverse("learning_cohort_results_csv", args=[cohort.pk])))

    assert _figure(soup, "mean_absolute_gain") == "26,7"  # 53.33 − 26.67, not 53.3 − 26.7
    assert rows[1][:5] == ["Awa", "inscrit", "26,7", "53,3", "26,7"]
