"""The trainer's review of exercise work in the admin: return with comments, the trainee sees
them on the section, sends again, the trainer marks it reviewed or brings back a version."""

import io

import pypdfium2
import pytest
from django.urls import reverse

from courses.exercises import EXERCISES
from learning import exercise_services as services
from learning.models import Comment, Status, VersionReason
from lms import audit
from tests.cohorts.factories import TraineeFactory

CV_TEXT = "Maçon à Kindia"


def keys(kind="cv"):
    return [section.key for section in EXERCISES[kind].sections]


@pytest.fixture
def cv(trainee):
    document = services.get_or_start_document(trainee, "cv")
    data = {**EXERCISES["cv"].empty(), "objective": CV_TEXT}
    return services.save_document(document, data, 0, by=trainee.user)


@pytest.fixture
def sent_cv(cv, trainee):
    return services.submit_document(cv, by=trainee.user)


def review_url(document):
    return reverse("exercises:review", args=[document.pk])


def post_review(client, document, decision, **comments):
    data = {"decision": decision} | {f"comment-{key}": text for key, text in comments.items()}
    return client.post(reverse("exercises:review_post", args=[document.pk]), data)


def told(response) -> str:
    """The messages shown on the page a POST led to."""
    return " ".join(str(message) for message in response.context["messages"])


def trainee_page(client, trainee):
    client.force_login(trainee.user)
    return client.get(reverse("learn_cv", args=[trainee.enrolments.get().pk])).content.decode()


def section_html(page: str, key: str) -> str:
    """The trainee page's step for ``key`` (up to the next step)."""
    start = page.index(f'id="step-{key}"')
    end = page.find('class="exercise-step', start + 1)
    return page[start : end if end > 0 else len(page)]


def test_the_trainer_returns_the_cv_with_comments_the_trainee_reads_them_on_the_section(
    client, trainer, trainee, sent_cv
):
    first, second = keys()[:2]
    client.force_login(trainer)
    page = client.get(review_url(sent_cv)).content.decode()
    assert CV_TEXT in page
    assert "Rendre avec des commentaires" in page

    response = post_review(client, sent_cv, "return", **{second: "Ajoutez la maçonnerie."})

    assert response.status_code == 302 and response["Location"] == review_url(sent_cv)
    sent_cv.refresh_from_db()
    assert sent_cv.status == Status.RETURNED
    assert list(sent_cv.comments.values_list("section", "text", "author")) == [
        (second, "Ajoutez la maçonnerie.", trainer.pk)
    ]
    assert (
        audit.entries_about(sent_cv)
        .filter(user=trainer, action=audit.Action.WORK_RETURNED)
        .exists()
    )
    page = trainee_page(client, trainee)
    assert "Ajoutez la maçonnerie." in section_html(page, second)
    assert "Ajoutez la maçonnerie." not in section_html(page, first)


def test_sending_again_answers_the_comments_and_the_trainer_marks_it_reviewed(
    client, trainer, trainee, sent_cv
):
    client.force_login(trainer)
    post_review(client, sent_cv, "return", **{keys()[0]: "Précisez la ville."})
    services.submit_document(sent_cv, by=trainee.user)
    assert not Comment.objects.filter(document=sent_cv, resolved_at__isnull=True).exists()
    assert "Précisez la ville." not in trainee_page(client, trainee)

    client.force_login(trainer)
    page = client.get(review_url(sent_cv)).content.decode()
    assert "Précisez la ville." in page  # the trainer still reads what they wrote
    assert "l’apprenant a envoyé de nouveau depuis" in page
    response = post_review(client, sent_cv, "reviewed")

    assert response.status_code == 302
    sent_cv.refresh_from_db()
    assert sent_cv.status == Status.REVIEWED
    actions = list(
        audit.entries_about(sent_cv)
        .exclude(action=audit.Action.VIEWED)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        audit.Action.WORK_SUBMITTED,
        audit.Action.WORK_RETURNED,
        audit.Action.WORK_SUBMITTED,
        audit.Action.WORK_REVIEWED,
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"decision": "return"}, "Écrivez au moins un commentaire"),
        ({"decision": "return", "comment-FIRST": "x" * 2001}, "2000"),
        ({"decision": "maybe", "comment-FIRST": "Bien."}, "Sélectionnez un choix valide"),
        ({}, "Choisissez\u00a0: rendre ou marquer comme relu."),
    ],
)
def test_a_bad_review_is_a_clear_message_and_changes_nothing(
    client, trainer, sent_cv, data, message
):
    # The first section of the CV, whatever its key.
    data = {name.replace("FIRST", keys()[0]): value for name, value in data.items()}
    client.force_login(trainer)
    response = client.post(reverse("exercises:review_post", args=[sent_cv.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    sent_cv.refresh_from_db()
    assert sent_cv.status == Status.SUBMITTED
    assert not sent_cv.comments.exists()


def test_a_draft_cannot_be_reviewed_and_the_trainer_is_told_why(client, trainer, cv):
    client.force_login(trainer)
    page = client.get(review_url(cv)).content.decode()
    assert CV_TEXT in page
    assert "Rendre avec des commentaires" not in page  # no form for a work not sent

    response = post_review(client, cv, "return", **{keys()[0]: "Trop tôt."})

    assert "Ce travail n'attend pas de relecture" in told(client.get(response["Location"]))
    cv.refresh_from_db()
    assert cv.status == Status.DRAFT
    assert not cv.comments.exists()


def test_a_work_reviewed_by_another_trainer_meanwhile_is_not_reviewed_twice(
    client, trainer, coordinator, sent_cv
):
    services.review_document(sent_cv, by=coordinator, returned=False)
    client.force_login(trainer)
    response = post_review(client, sent_cv, "return", **{keys()[0]: "Encore."})
    assert response.status_code == 302
    sent_cv.refresh_from_db()
    assert sent_cv.status == Status.REVIEWED
    assert not sent_cv.comments.exists()


def test_the_trainer_brings_back_an_earlier_version(client, trainer, trainee, cv):
    earlier = cv.versions.get(reason=VersionReason.SNAPSHOT)
    changed = {**cv.data, "objective": "Couturier à Conakry"}
    cv.snapshot_at = None  # the next autosave keeps a copy too
    services.save_document(cv, changed, cv.version, by=trainee.user)
    client.force_login(trainer)
    page = client.get(review_url(cv) + f"?version={earlier.pk}").content.decode()
    assert "Faire revenir cette version" in page

    response = client.post(reverse("exercises:restore", args=[cv.pk, earlier.pk]))

    assert response.status_code == 302
    cv.refresh_from_db()
    assert cv.data["objective"] == CV_TEXT
    kept = cv.versions.get(reason=VersionReason.BEFORE_RESTORE)
    assert kept.data["objective"] == "Couturier à Conakry"
    assert kept.created_by == trainer
    assert audit.entries_about(cv).filter(user=trainer, action=audit.Action.WORK_RESTORED).exists()


def test_a_work_waiting_for_the_trainer_is_not_restored(client, trainer, sent_cv):
    earlier = sent_cv.versions.order_by("pk").first()
    version = sent_cv.version
    client.force_login(trainer)
    page = client.get(review_url(sent_cv) + f"?version={earlier.pk}").content.decode()
    assert "Faire revenir cette version" not in page

    response = client.post(reverse("exercises:restore", args=[sent_cv.pk, earlier.pk]))

    assert "relisez-le d'abord" in told(client.get(response["Location"]))
    sent_cv.refresh_from_db()
    assert (sent_cv.version, sent_cv.status) == (version, Status.SUBMITTED)


def test_another_documents_version_is_not_found(client, trainer, cv, trainee, cohort):
    classmate = TraineeFactory(cohort=cohort, display_name="Binta Test", by=trainer)
    other = services.get_or_start_document(classmate, "cv")
    other = services.save_document(other, {"objective": "Autre"}, 0, by=classmate.user)
    client.force_login(trainer)
    version = other.versions.get()
    assert client.post(reverse("exercises:restore", args=[cv.pk, version.pk])).status_code == 404


def test_each_reading_of_the_work_is_recorded_and_the_list_is_not(
    client, trainer, coordinator, sent_cv
):
    client.force_login(trainer)
    client.get(reverse("exercises:index"))
    client.get(review_url(sent_cv))
    client.get(review_url(sent_cv))
    client.force_login(coordinator)
    client.get(review_url(sent_cv))
    viewed = audit.entries_about(sent_cv).filter(action=audit.Action.VIEWED)
    assert sorted(viewed.values_list("user", flat=True)) == sorted(
        [trainer.pk, trainer.pk, coordinator.pk]
    )
    assert viewed.first().data == {"kind": "cv", "version": sent_cv.version}


def test_the_trainer_prints_the_cv_and_the_export_is_recorded(client, trainer, sent_cv):
    client.force_login(trainer)
    response = client.get(reverse("exercises:pdf", args=[sent_cv.pk]) + "?lang=xx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(io.BytesIO(response.content))
    text = "".join(page.get_textpage().get_text_range() for page in pdf)
    assert CV_TEXT in text
    entry = audit.entries_about(sent_cv).get(action=audit.Action.EXPORTED)
    assert entry.user == trainer
    assert entry.data["language"] == "fr"  # an unknown language falls back to French


def test_the_list_filters_by_cohort_kind_and_status_and_searches_by_name(
    client, coordinator, trainee, other_trainee, sent_cv, cohort
):
    services.get_or_start_document(other_trainee, "cv")
    services.get_or_start_document(trainee, "plan", trainee.enrolments.get())
    client.force_login(coordinator)
    index = reverse("exercises:index")

    def names(query):
        page = client.get(index + query).content.decode()
        return {name for name in ("Awa Test", "Moussa Test") if name in page}

    assert names("") == {"Awa Test", "Moussa Test"}
    assert names(f"?cohort={cohort.pk}") == {"Awa Test"}
    assert names("?status=submitted") == {"Awa Test"}
    assert names("?kind=plan") == {"Awa Test"}
    assert names("?q=mouss") == {"Moussa Test"}
    page = client.get(index + f"?cohort={cohort.pk}").content.decode()
    assert cohort.name in page  # the CV's row names the trainee's cohort
    assert review_url(sent_cv) in page


def test_the_cohort_page_leads_to_its_exercises(client, trainer, cohort):
    client.force_login(trainer)
    page = client.get(reverse("cohorts:detail", args=[cohort.pk])).content.decode()
    assert f'href="{reverse("exercises:index")}?cohort={cohort.pk}"' in page


def test_the_audit_log_links_the_work_to_its_review(client, coordinator, sent_cv):
    client.force_login(coordinator)
    client.get(review_url(sent_cv))
    response = client.get("/admin/audit/")
    assert response.status_code == 200
