"""Every URL of the trainer workspace, asked by every persona (see tests/permissions.py)."""

import pytest
from django.urls import reverse

from cohorts import guessing
from lms import audit
from tests.permissions import PERSONAS, answers, sign_in_as


def workspace_urls(cohort, trainee):
    enrolment = trainee.enrolments.get()
    return {
        "list": ("get", "/admin/cohorts/"),
        "export list": ("get", "/admin/cohorts/?export=xlsx"),
        "detail": ("get", f"/admin/cohorts/{cohort.pk}/"),
        "add trainee": ("get", f"/admin/cohorts/{cohort.pk}/trainees/add/"),
        "login cards": ("get", f"/admin/cohorts/{cohort.pk}/login-cards/"),
        "import": ("get", f"/admin/cohorts/{cohort.pk}/import/"),
        "trainee": ("get", f"/admin/cohorts/trainees/{trainee.pk}/"),
        "reset pin": ("post", f"/admin/cohorts/trainees/{trainee.pk}/pin/"),
        "pictures": ("post", f"/admin/cohorts/trainees/{trainee.pk}/pictures/"),
        "withdraw": ("get", f"/admin/cohorts/enrolments/{enrolment.pk}/withdraw/"),
        "re-enrol": ("post", f"/admin/cohorts/enrolments/{enrolment.pk}/reenrol/"),
        "new cohort": ("get", "/admin/cohorts/new/"),
        "edit cohort": ("get", f"/admin/cohorts/edit/{cohort.pk}/"),
        "delete cohort": ("get", f"/admin/cohorts/delete/{cohort.pk}/"),
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
    "re-enrol",
}
COORDINATOR_ONLY = {"new cohort", "edit cohort", "delete cohort"}


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


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_workspace_url(
    persona, client, request, cohort, trainee, other_trainee
):
    sign_in_as(client, request, persona)
    got = answers(client, workspace_urls(cohort, trainee))
    assert got == {name: expected(persona, name) for name in got}


@pytest.mark.parametrize(
    ("old", "new"), [("/admin/cohorts/manage/", "/admin/cohorts/"), ("edit", "edit")]
)
def test_the_old_manage_addresses_lead_to_the_cohort_screens(client, coordinator, cohort, old, new):
    client.force_login(coordinator)
    if old == "edit":
        old, new = f"/admin/cohorts/manage/edit/{cohort.pk}/", f"/admin/cohorts/edit/{cohort.pk}/"
    response = client.get(old)
    assert response.status_code in (301, 302) and response["Location"] == new


def test_another_trainer_does_not_see_the_cohort_in_their_list(client, other_trainer, cohort):
    client.force_login(other_trainer)
    response = client.get(reverse("cohorts:index"))
    assert cohort.name not in response.content.decode()


def test_the_trainer_sees_the_roster_of_their_cohort(client, trainer, cohort, trainee):
    client.force_login(trainer)
    page = client.get(reverse("cohorts:detail", args=[cohort.pk])).content.decode()
    assert trainee.display_name in page
    assert trainee.username in page


def test_coordinators_filter_cohorts_by_orientation_point(
    client, coordinator, cohort, other_cohort
):
    client.force_login(coordinator)
    url = reverse("cohorts:index") + f"?orientation_point={cohort.orientation_point_id}"
    page = client.get(url).content.decode()
    assert cohort.name in page
    assert other_cohort.name not in page


def test_a_bad_filter_value_is_a_form_error_not_a_500(client, coordinator, cohort):
    client.force_login(coordinator)
    response = client.get(
        reverse("cohorts:index") + "?start_date_after=not-a-date&module=abc&status=zz"
    )
    assert response.status_code == 200


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_cohort_list_exports_what_the_user_sees(client, trainer, cohort, other_cohort, fmt):
    client.force_login(trainer)
    response = client.get(reverse("cohorts:index") + f"?export={fmt}")
    assert response.status_code == 200
    assert f"cohortes.{fmt}" in response["Content-Disposition"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        assert cohort.name in content.decode("utf-8")
        assert other_cohort.name not in content.decode("utf-8")
    else:
        import io

        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert names == [cohort.name]


def test_viewing_a_trainee_is_written_to_the_audit_log(client, trainer, trainee):
    client.force_login(trainer)
    client.get(reverse("cohorts:trainee", args=[trainee.pk]))
    assert audit.entries_about(trainee).filter(user=trainer, action=audit.Action.VIEWED).exists()


def test_adding_a_trainee_shows_the_pin_once(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(
        reverse("cohorts:trainee_add", args=[cohort.pk]),
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
    again = client.get(reverse("cohorts:trainee", args=[trainee.pk]))
    assert again.context["new_pin"] is None


def test_a_trainee_without_data_consent_is_not_created(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(
        reverse("cohorts:trainee_add", args=[cohort.pk]),
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
    response = client.post(reverse("cohorts:trainee_add", args=[cohort.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert cohort.enrolments.count() == before


def test_resetting_a_pin_replaces_the_old_one(client, trainer, trainee):
    client.force_login(trainer)
    response = client.post(reverse("cohorts:trainee_pin", args=[trainee.pk]), follow=True)
    new_pin = response.context["new_pin"]
    trainee.user.refresh_from_db()
    assert trainee.user.check_password(new_pin)
    assert new_pin == "2468" or not trainee.user.check_password("2468")


def test_a_picture_password_is_drawn_by_the_platform_and_shown_once(
    client, trainer, trainee, monkeypatch
):
    drawn = ["moon", "camel", "sun", "moon"]
    monkeypatch.setattr(guessing, "generate_pictures", lambda: list(drawn))
    client.force_login(trainer)
    page = reverse("cohorts:trainee", args=[trainee.pk])
    assert 'name="picture1"' not in client.get(page).content.decode()

    # A trainer who posts a sequence of their choice (the old form) gets a drawn one.
    chosen = {f"picture{p}": "sun" for p in range(1, 5)}
    response = client.post(
        reverse("cohorts:trainee_pictures", args=[trainee.pk]), chosen, follow=True
    )

    trainee.refresh_from_db()
    assert trainee.check_picture_password(drawn)
    assert not trainee.check_picture_password(["sun", "sun", "sun", "sun"])
    assert [str(label) for _, label in response.context["new_pictures"]] == [
        "lune",
        "chameau",
        "soleil",
        "lune",
    ]
    html = response.content.decode()
    assert html.index("🌙") < html.index("🐪") < html.index("☀️")
    assert audit.entries_about(trainee).filter(action=audit.Action.PICTURES_SET).exists()
    # Shown once: the next visit to the trainee's page no longer has them.
    again = client.get(page)
    assert again.context["new_pictures"] == []
    assert "🐪" not in again.content.decode()


def test_login_cards_are_rendered_in_the_background_and_never_contain_the_pin(
    client, trainer, cohort, trainee, django_capture_on_commit_callbacks
):
    import pypdfium2

    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(
            reverse("cohorts:login_cards", args=[cohort.pk]), {"trainees": [trainee.pk]}
        )
    # The task ran inline once the request committed (Q_SYNC in the tests, a worker otherwise).
    waiting = client.get(queued["Location"])
    assert waiting.context["document"].is_ready
    response = client.get(waiting.context["download_url"])
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(response.content)
    text = " ".join(" ".join(page.get_textpage().get_text_range() for page in pdf).split())
    assert trainee.username in text
    assert trainee.display_name in text
    assert "2468" not in text
    entry = audit.entries_about(cohort).get(action=audit.Action.EXPORTED)
    assert entry.data["trainees"] == [trainee.pk]
    assert trainee.display_name not in entry.label


def test_a_document_waits_for_its_worker_then_only_its_owner_may_download_it(
    client, trainer, coordinator, cohort, trainee, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        waiting = client.post(
            reverse("cohorts:login_cards", args=[cohort.pk]),
            {"trainees": [trainee.pk]},
            follow=True,
        )
    assert not waiting.context["document"].is_ready
    status_url = reverse("lms_document", args=[waiting.context["document"].pk])
    assert client.get(status_url, HTTP_ACCEPT="application/json").json() == {"ready": False}
    assert client.get(waiting.context["download_url"]).status_code == 404
    for callback in queued:
        callback()
    assert client.get(waiting.context["download_url"]).status_code == 200
    assert client.get(status_url, HTTP_ACCEPT="application/json").json() == {"ready": True}
    client.force_login(coordinator)
    assert client.get(waiting.context["download_url"]).status_code == 404
    assert (
        client.get(reverse("lms_document", args=[waiting.context["document"].pk])).status_code
        == 404
    )


# The trainee area, asked by the same people. Staff who open a trainee page are sent to their
# admin (shown as "denied" above); staff may read lessons.


@pytest.fixture
def lesson(cohort):
    from tests.courses.factories import lesson

    return lesson(cohort.module.specific, 1, "Jour 1 — accès")


def trainee_area_urls(trainee, lesson):
    enrolment = trainee.enrolments.get()
    return {
        "home": ("get", reverse("learn_home")),
        "lesson": ("get", lesson.url),
        "lesson done": ("post", reverse("learn_lesson_done", args=[lesson.pk])),
        "lesson undone": ("post", reverse("learn_lesson_undone", args=[lesson.pk])),
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
        return "ok" if name in ("home", "lesson", "lesson done", "lesson undone") else "hidden"
    return "ok" if name == "lesson" else "denied"


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_the_expected_answer_from_every_trainee_area_url(
    persona, client, request, trainee, other_trainee, lesson
):
    sign_in_as(client, request, persona)
    got = answers(client, trainee_area_urls(trainee, lesson))
    assert got == {name: expected_in_trainee_area(persona, name) for name in got}


def test_the_cohort_list_csv_opens_in_a_french_spreadsheet(client, coordinator, cohort):
    client.force_login(coordinator)

    response = client.get(reverse("cohorts:index") + "?export=csv")

    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel reads the accents
    header, row = content.decode("utf-8-sig").splitlines()[:2]
    assert header.split(";")[:3] == ["Cohorte", "Module", "Point d'orientation"]
    assert row.split(";")[0] == cohort.name
