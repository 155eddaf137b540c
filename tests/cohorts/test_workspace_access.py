"""Every URL of the trainer workspace, asked by every persona.

Answers: "ok" (200, or a redirect after a POST that did its work), "login" (sent to sign in),
"denied" (403, or Wagtail's redirect to the dashboard), "hidden" (404: the object is not
even revealed).
"""

import pytest
from django.urls import reverse

from lms.models import AuditEntry

PERSONAS = [
    "anonymous",
    "trainee",
    "other_trainee",
    "trainer",
    "other_trainer",
    "coordinator",
    "editor",
]


def workspace_urls(cohort, trainee):
    enrolment = trainee.enrolments.get()
    return {
        "list": ("get", reverse("cohorts_list")),
        "detail": ("get", reverse("cohorts_detail", args=[cohort.pk])),
        "add trainee": ("get", reverse("cohorts_trainee_add", args=[cohort.pk])),
        "login cards": ("get", reverse("cohorts_login_cards", args=[cohort.pk])),
        "import": ("get", reverse("cohorts_roster_import", args=[cohort.pk])),
        "trainee": ("get", reverse("cohorts_trainee", args=[trainee.pk])),
        "reset pin": ("post", reverse("cohorts_trainee_pin", args=[trainee.pk])),
        "pictures": ("post", reverse("cohorts_trainee_pictures", args=[trainee.pk])),
        "withdraw": ("post", reverse("cohorts_enrolment_withdraw", args=[enrolment.pk])),
        "manage cohorts": ("get", reverse("cohorts_manage:index")),
        "edit cohort": ("get", reverse("cohorts_manage:edit", args=[cohort.pk])),
    }


OBJECT_URLS = {
    "detail",
    "add trainee",
    "login cards",
    "import",
    "trainee",
    "reset pin",
    "pictures",
    "withdraw",
}
COORDINATOR_ONLY = {"manage cohorts", "edit cohort"}


def expected(persona, name):
    if persona == "anonymous":
        return "login"
    if persona in ("trainee", "other_trainee"):
        return "login"  # no admin access at all: Wagtail sends them to sign in
    if persona == "editor":
        return "denied"
    if name in COORDINATOR_ONLY:
        return "ok" if persona == "coordinator" else "denied"
    if persona == "other_trainer" and name in OBJECT_URLS:
        return "hidden"
    return "ok"


def answer(response):
    if response.status_code in (301, 302):
        location = response["Location"]
        if "/login/" in location:
            return "login"
        # Wagtail turns a PermissionDenied inside the admin into a redirect to the dashboard
        # with an error message.
        if location == reverse("wagtailadmin_home"):
            return "denied"
        return "ok"
    return {200: "ok", 403: "denied", 404: "hidden"}.get(response.status_code, response.status_code)


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_workspace_url(
    persona, client, request, cohort, trainee, other_trainee
):
    if persona != "anonymous":
        user = request.getfixturevalue(persona)
        client.force_login(getattr(user, "user", user))
    answers = {}
    for name, (method, url) in workspace_urls(cohort, trainee).items():
        response = getattr(client, method)(url)
        answers[name] = answer(response)
    assert answers == {name: expected(persona, name) for name in answers}


def test_another_trainer_does_not_see_the_cohort_in_their_list(client, other_trainer, cohort):
    client.force_login(other_trainer)
    response = client.get(reverse("cohorts_list"))
    assert cohort.name not in response.content.decode()


def test_the_trainer_sees_the_roster_of_their_cohort(client, trainer, cohort, trainee):
    client.force_login(trainer)
    page = client.get(reverse("cohorts_detail", args=[cohort.pk])).content.decode()
    assert trainee.display_name in page
    assert trainee.username in page


def test_coordinators_filter_cohorts_by_orientation_point(
    client, coordinator, cohort, other_cohort
):
    client.force_login(coordinator)
    url = reverse("cohorts_list") + f"?orientation_point={cohort.orientation_point_id}"
    page = client.get(url).content.decode()
    assert cohort.name in page
    assert other_cohort.name not in page


def test_a_bad_filter_value_is_a_form_error_not_a_500(client, coordinator, cohort):
    client.force_login(coordinator)
    response = client.get(reverse("cohorts_list") + "?starts_after=not-a-date&module=abc")
    assert response.status_code == 200
    assert cohort.name in response.content.decode()


def test_viewing_a_trainee_is_written_to_the_audit_log(client, trainer, trainee):
    client.force_login(trainer)
    client.get(reverse("cohorts_trainee", args=[trainee.pk]))
    assert AuditEntry.objects.filter(
        actor=trainer, action="viewed", subject_id=str(trainee.pk)
    ).exists()


def test_adding_a_trainee_shows_the_pin_once(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(
        reverse("cohorts_trainee_add", args=[cohort.pk]),
        {
            "display_name": "  Nouvelle   Apprenante ",
            "sex": "F",
            "birth_year": "1998",
            "nationality": "sn",
            "preferred_language": "fr",
            "phone": "",
            "consent_data_processing": "on",
        },
        follow=True,
    )
    page = response.content.decode()
    trainee = cohort.enrolments.get(trainee__display_name="Nouvelle Apprenante").trainee
    assert trainee.username in page
    pin = response.context["new_pin"]
    assert pin and pin in page and trainee.user.check_password(pin)
    again = client.get(reverse("cohorts_trainee", args=[trainee.pk]))
    assert again.context["new_pin"] is None


def test_a_trainee_without_data_consent_is_not_created(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(
        reverse("cohorts_trainee_add", args=[cohort.pk]),
        {
            "display_name": "Sans Consentement",
            "sex": "M",
            "birth_year": "1990",
            "nationality": "ml",
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["consent_data_processing"]
    assert not cohort.enrolments.filter(trainee__display_name="Sans Consentement").exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {
            "display_name": "x" * 500,
            "sex": "Z",
            "birth_year": "deux mille",
            "nationality": "zz",
            "consent_data_processing": "on",
        },
        {
            "display_name": "Ok",
            "sex": "F",
            "birth_year": "1800",
            "nationality": "ml",
            "preferred_language": "fr",
            "consent_data_processing": "on",
        },
    ],
)
def test_bad_trainee_data_gives_form_errors_and_changes_nothing(client, trainer, cohort, data):
    client.force_login(trainer)
    before = cohort.enrolments.count()
    response = client.post(reverse("cohorts_trainee_add", args=[cohort.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert cohort.enrolments.count() == before


def test_resetting_a_pin_replaces_the_old_one(client, trainer, trainee):
    client.force_login(trainer)
    response = client.post(reverse("cohorts_trainee_pin", args=[trainee.pk]), follow=True)
    new_pin = response.context["new_pin"]
    trainee.user.refresh_from_db()
    assert trainee.user.check_password(new_pin)
    assert new_pin == "2468" or not trainee.user.check_password("2468")


def test_setting_a_picture_password(client, trainer, trainee):
    client.force_login(trainer)
    client.post(
        reverse("cohorts_trainee_pictures", args=[trainee.pk]),
        {"first": "sun", "second": "goat", "third": "mango"},
    )
    trainee.refresh_from_db()
    assert trainee.check_picture_password(["sun", "goat", "mango"])
    assert not trainee.check_picture_password(["goat", "sun", "mango"])


def test_login_cards_are_a_pdf_that_never_contains_the_pin(client, trainer, cohort, trainee):
    import pypdfium2

    client.force_login(trainer)
    response = client.get(reverse("cohorts_login_cards", args=[cohort.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(response.content)
    text = " ".join(" ".join(page.get_textpage().get_text_range() for page in pdf).split())
    assert trainee.username in text
    assert trainee.display_name in text
    assert "2468" not in text
    assert AuditEntry.objects.filter(action="exported", subject_id=str(trainee.pk)).exists()


# The trainee area, asked by the same people. Staff who open a trainee page are sent to their
# admin (shown as "denied" above); staff may read lessons.


@pytest.fixture
def lesson(cohort):
    from courses.models import LessonPage, ModulePage

    module = ModulePage.objects.get(pk=cohort.module_id)
    return module.add_child(
        instance=LessonPage(title="Jour 1 — accès", slug="jour-1-acces", day_number=1)
    )


def trainee_area_urls(trainee, lesson):
    enrolment = trainee.enrolments.get()
    return {
        "home": ("get", reverse("learn_home")),
        "lesson": ("get", lesson.url),
        "lesson done": ("post", reverse("learn_lesson_done", args=[lesson.pk])),
        "pre-test": ("get", reverse("learn_assessment", args=[enrolment.pk, "pre"])),
        "save answers": ("post", reverse("learn_assessment_save", args=[enrolment.pk, "pre"])),
        "submit": ("post", reverse("learn_assessment_submit", args=[enrolment.pk, "pre"])),
    }


def expected_in_trainee_area(persona, name):
    if persona == "anonymous":
        return "login"
    if persona == "trainee":
        # No pre-test is set on the module: the trainee is told so (a 404 page of its own).
        return "hidden" if name in ("pre-test", "save answers", "submit") else "ok"
    if persona == "other_trainee":
        # Another cohort of the same module: the lessons are the module's, theirs too (a
        # trainee of another module gets a 404: tests/courses/test_lessons.py); the tests
        # belong to the first trainee's enrolment.
        return "ok" if name in ("home", "lesson", "lesson done") else "hidden"
    return "ok" if name == "lesson" else "denied"


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_trainee_area_url(
    persona, client, request, trainee, other_trainee, lesson
):
    if persona != "anonymous":
        user = request.getfixturevalue(persona)
        client.force_login(getattr(user, "user", user))
    answers = {}
    for name, (method, url) in trainee_area_urls(trainee, lesson).items():
        answers[name] = answer(getattr(client, method)(url))
    assert answers == {name: expected_in_trainee_area(persona, name) for name in answers}
