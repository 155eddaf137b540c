"""Every URL of the exercises, asked by every persona (see tests/permissions.py): the
trainee's pages (/learn/cv/…, /learn/plan/…) and the trainer's review in the admin
(/admin/exercises/…). And the trainee's CV text never reaches anyone outside its scope."""

import json

import pytest
from django.urls import reverse

from courses.exercises import EXERCISES
from learning import exercise_pdf
from learning import exercise_services as services
from learning.models import Document, Status
from tests.courses.factories import plan_day
from tests.permissions import PERSONAS, answer, sign_in_as

CV_TEXT = "Maçon à Kindia"
PLAN_TEXT = "Boutique de pagnes à Kindia"
SEES_THE_WORK = {"trainee", "trainer", "coordinator"}
NEVER_SEES_IT = set(PERSONAS) - SEES_THE_WORK - {"anonymous"}


@pytest.fixture(autouse=True)
def skip_pdf_rendering(monkeypatch):
    """The render itself is skipped: these tests are about who is answered;
    tests/learning/test_review.py reads a real PDF."""
    monkeypatch.setattr(exercise_pdf, "document_pdf", lambda document, language: b"%PDF-1.4")


def with_text(kind: str, text: str) -> dict:
    """The exercise's empty data with ``text`` in one of its text fields."""
    data = EXERCISES[kind].empty()
    if kind == "plan":
        return {**data, "texts": {**data.get("texts", {}), "summary": text}}
    return {**data, "objective": text}


@pytest.fixture
def work(trainee):
    """The trainee's CV and business plan, each with an earlier version; their module has
    the plan."""
    enrolment = trainee.enrolments.get()
    plan_day(enrolment.cohort.module)
    documents = {}
    for kind, text in (("cv", CV_TEXT), ("plan", PLAN_TEXT)):
        document = services.get_or_start_document(trainee, kind, enrolment)
        data = with_text(kind, text)
        documents[kind] = services.save_document(document, data, 0, by=trainee.user)
    return {"enrolment": enrolment, **documents}


def ask(client, method: str, url: str, body: dict | None = None):
    """A GET or a POST; ``post_json`` sends ``body`` as JSON (the autosave), ``post`` as a form."""
    if method == "post_json":
        return client.post(url, json.dumps(body), content_type="application/json")
    return getattr(client, method)(url, body or {})


def trainee_page_urls(work) -> dict[str, tuple]:
    enrolment = work["enrolment"].pk
    urls = {
        "cv page": ("get", reverse("learn_cv", args=[enrolment])),
        "plan page": ("get", reverse("learn_business_plan", args=[enrolment])),
        "plan chart": ("get", reverse("learn_plan_chart", args=[enrolment])),
    }
    for kind in ("cv", "plan"):
        document = work[kind]
        version = document.versions.get()
        args = [kind, enrolment]
        save = {"version": document.version, "answers": document.data}
        urls |= {
            f"{kind} save": ("post_json", reverse("learn_exercise_save", args=args), save),
            f"{kind} history": ("get", reverse("learn_exercise_history", args=args)),
            f"{kind} version": (
                "get",
                reverse("learn_exercise_history", args=args) + f"?version={version.pk}",
            ),
            f"{kind} pdf": ("get", reverse("learn_exercise_pdf", args=args)),
            f"{kind} restore": (
                "post",
                reverse("learn_exercise_restore", args=[*args, version.pk]),
            ),
            f"{kind} submit": ("post", reverse("learn_exercise_submit", args=args)),
        }
    return urls


def expected_on_trainee_pages(persona: str) -> str:
    if persona == "anonymous":
        return "login"
    if persona == "trainee":
        return "ok"
    if persona == "other_trainee":
        return "hidden"  # another trainee's enrolment: not even told it exists
    return "denied"  # staff are sent to their admin


def expected_in_admin(persona: str, name: str) -> str:
    if persona in ("anonymous", "trainee", "other_trainee"):
        return "login"  # no admin access at all: Wagtail sends them to sign in
    if persona == "editor":
        return "denied"
    if persona == "other_trainer" and not name.startswith("list"):
        return "hidden"
    return "ok"


def ask_all(client, urls) -> tuple[dict[str, str], str]:
    """The answer to each URL, and everything the persona was shown."""
    got, shown = {}, []
    for name, (method, url, *body) in urls.items():
        response = ask(client, method, url, *body)
        got[name] = answer(response)
        if not response.streaming:
            shown.append(response.content.decode("utf-8", "replace"))
    return got, "\n".join(shown)


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_trainee_exercise_url(
    persona, client, request, work, other_trainee
):
    sign_in_as(client, request, persona)
    urls = trainee_page_urls(work)
    got, shown = ask_all(client, urls)
    assert got == {name: expected_on_trainee_pages(persona) for name in urls}
    if persona == "trainee":
        assert CV_TEXT in shown and PLAN_TEXT in shown
    else:
        assert CV_TEXT not in shown and PLAN_TEXT not in shown


def review_urls(work, cohort) -> dict[str, tuple]:
    cv, plan = work["cv"], work["plan"]
    version = cv.versions.order_by("pk").first()
    review = reverse("exercises:review", args=[cv.pk])
    return {
        "list": ("get", reverse("exercises:index")),
        "list of the cohort": ("get", reverse("exercises:index") + f"?cohort={cohort.pk}"),
        "list searched": ("get", reverse("exercises:index") + "?q=Awa"),
        "list results": ("get", reverse("exercises:index_results")),
        "review cv": ("get", review),
        "review plan": ("get", reverse("exercises:review", args=[plan.pk])),
        "review a version": ("get", review + f"?version={version.pk}"),
        "pdf": ("get", reverse("exercises:pdf", args=[cv.pk])),
        # While the CV waits for the trainer it cannot change: the trainer is told so.
        "restore": ("post", reverse("exercises:restore", args=[cv.pk, version.pk])),
        "return with comments": (
            "post",
            reverse("exercises:review_post", args=[cv.pk]),
            {
                "decision": "return",
                f"comment-{EXERCISES['cv'].sections[0].key}": "Précisez la ville.",
            },
        ),
        "mark reviewed": (
            "post",
            reverse("exercises:review_post", args=[plan.pk]),
            {"decision": "reviewed"},
        ),
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_review_url(
    persona, client, request, work, cohort, other_trainee
):
    for kind in ("cv", "plan"):
        services.submit_document(work[kind], by=work[kind].trainee.user)
    sign_in_as(client, request, persona)
    urls = review_urls(work, cohort)
    got, shown = ask_all(client, urls)
    assert got == {name: expected_in_admin(persona, name) for name in urls}
    if persona in SEES_THE_WORK - {"trainee"}:
        assert CV_TEXT in shown and PLAN_TEXT in shown
        assert "Awa Test" in shown
    else:
        assert CV_TEXT not in shown and PLAN_TEXT not in shown
    # Only the trainer and the coordinator changed anything.
    work["cv"].refresh_from_db()
    returned = persona in ("trainer", "coordinator")
    assert work["cv"].status == (Status.RETURNED if returned else Status.SUBMITTED)


def test_another_trainer_does_not_find_the_trainee_in_the_list(
    client, other_trainer, work, other_trainee
):
    services.get_or_start_document(other_trainee, "cv")
    client.force_login(other_trainer)
    page = client.get(reverse("exercises:index")).content.decode()
    assert "Moussa Test" in page
    assert "Awa Test" not in page


def test_a_cohort_the_trainer_does_not_teach_is_no_filter_and_shows_nothing_more(
    client, other_trainer, work, cohort, other_trainee
):
    client.force_login(other_trainer)
    response = client.get(reverse("exercises:index") + f"?cohort={cohort.pk}&status=zz&kind=x")
    assert response.status_code == 200
    assert "Awa Test" not in response.content.decode()


# --- The CV's photo ------------------------------------------------------------------------


@pytest.fixture
def photographed(trainee, trainer, settings, tmp_path):
    """The trainee's CV with a photo (consent to photos recorded)."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from cohorts.services import record_consent

    settings.MEDIA_ROOT = tmp_path
    record_consent(by=trainer, trainee=trainee, purpose="photos", granted=True)
    picture = io.BytesIO()
    Image.new("RGB", (40, 40), (10, 120, 200)).save(picture, "JPEG")
    cv = services.get_or_start_document(trainee, "cv")
    photo = SimpleUploadedFile("photo.jpg", picture.getvalue(), content_type="image/jpeg")
    return services.set_photo(cv, photo, by=trainee.user)


PHOTO_FILE = {
    "anonymous": "denied",
    "trainee": "ok",
    "other_trainee": "hidden",
    "trainer": "ok",
    "other_trainer": "hidden",
    "coordinator": "ok",
    "editor": "denied",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_the_cv_photo_urls(
    persona, client, request, trainee, photographed, other_trainee
):
    sign_in_as(client, request, persona)
    enrolment = trainee.enrolments.get()
    shown = answer(client.get(reverse("learn_cv_photo_file", args=[photographed.pk])))
    assert shown == PHOTO_FILE[persona]
    # Taking the photo away: the trainee's own CV only (anyone else is refused, nothing changes).
    removed = answer(client.post(reverse("learn_cv_photo", args=[enrolment.pk]), {"remove": "1"}))
    assert removed == expected_on_trainee_pages(persona)
    photographed.refresh_from_db()
    assert bool(photographed.photo) == (persona != "trainee")


# --- A business plan belongs to an enrolment in a module that has it -------------------------


@pytest.fixture
def two_modules(trainee, trainer):
    """The trainee in Développement personnel (their cohort, no plan in its days) and in
    Entrepreneuriat, whose day 6 links to the business plan."""
    from cohorts.services import enrol
    from tests.cohorts.factories import CohortFactory
    from tests.courses.factories import lesson, module_page

    personal = trainee.enrolments.get()
    lesson(personal.cohort.module, 8, body=[("exercise", {"exercise": "cv", "text": ""})])
    entrepreneurship = module_page("ec", "Entrepreneuriat et commercialisation")
    plan_day(entrepreneurship)
    cohort = CohortFactory(name="Rabat — EC", module=entrepreneurship, trainers=[trainer])
    return {
        "personal": personal,
        "entrepreneurship": enrol(by=trainer, trainee=trainee, cohort=cohort),
    }


def plan_urls(enrolment) -> dict[str, tuple]:
    args = ["plan", enrolment.pk]
    save = {"version": 0, "answers": EXERCISES["plan"].empty()}
    return {
        "page": ("get", reverse("learn_business_plan", args=[enrolment.pk])),
        "chart": ("get", reverse("learn_plan_chart", args=[enrolment.pk])),
        "history": ("get", reverse("learn_exercise_history", args=args)),
        "pdf": ("get", reverse("learn_exercise_pdf", args=args)),
        "save": ("post_json", reverse("learn_exercise_save", args=args), save),
        "submit": ("post", reverse("learn_exercise_submit", args=args)),
    }


def test_a_plan_is_refused_on_an_enrolment_whose_module_has_none_and_nothing_is_started(
    client, trainee, two_modules
):
    client.force_login(trainee.user)

    got, _shown = ask_all(client, plan_urls(two_modules["personal"]))

    assert set(got.values()) == {"hidden"}
    assert not Document.objects.filter(kind="plan").exists()
    # The CV is the trainee's: it opens from either enrolment.
    for enrolment in two_modules.values():
        assert client.get(reverse("learn_cv", args=[enrolment.pk])).status_code == 200


def test_the_plan_opens_from_the_entrepreneurship_enrolment(client, trainee, two_modules):
    client.force_login(trainee.user)
    entrepreneurship = two_modules["entrepreneurship"]

    got, _shown = ask_all(client, plan_urls(entrepreneurship))

    assert set(got.values()) == {"ok"}
    (plan,) = Document.objects.filter(kind="plan")
    assert plan.enrolment == entrepreneurship


def test_the_modules_with_the_plan_are_those_whose_live_days_link_to_it(trainee, two_modules):
    from cohorts.models import Enrolment
    from courses.models import LessonPage, ModulePage

    entrepreneurship = two_modules["entrepreneurship"]
    assert list(Enrolment.objects.offering_exercise("plan")) == [entrepreneurship]
    assert list(Enrolment.objects.offering_exercise("cv")) == [two_modules["personal"]]
    # The rule in the database and the one the trainee's space reads agree.
    for module in ModulePage.objects.all():
        linked = {kind for day in module.lessons() for kind in day.linked_exercises()}
        offering = {
            kind
            for kind in ("cv", "plan")
            if ModulePage.objects.offering_exercise(kind).filter(pk=module.pk).exists()
        }
        assert offering == linked, module
    # A day taken offline takes the plan away with it.
    LessonPage.objects.child_of(entrepreneurship.cohort.module).get().unpublish()
    assert not Enrolment.objects.offering_exercise("plan").exists()
