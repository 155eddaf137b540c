"""One versioned-document mechanism for every exercise: autosave with versions, conflicts
that lose nothing, earlier versions kept and restored, sent → returned → sent again."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.exercises import ExerciseError
from learning import exercise_services as services
from learning.models import Document, DocumentVersion, Status, VersionReason
from lms import audit
from tests.concurrency import at_once


@pytest.fixture
def enrolment(trainee):
    return trainee.enrolments.get()


@pytest.fixture
def cv(trainee):
    return services.get_or_start_document(trainee, "cv")


def test_a_trainee_has_one_cv_across_modules_and_one_plan_per_enrolment(trainee, enrolment):
    cv = services.get_or_start_document(trainee, "cv", enrolment)
    assert cv.enrolment is None
    assert services.get_or_start_document(trainee, "cv") == cv
    plan = services.get_or_start_document(trainee, "plan", enrolment)
    assert plan.enrolment == enrolment
    assert services.get_or_start_document(trainee, "plan", enrolment) == plan
    assert Document.objects.count() == 2


def test_a_save_names_its_version_and_a_stale_one_keeps_both_texts(cv):
    first = services.save_document(cv, {"objective": "Maçon à Dakar"}, 0)
    assert first.version == 1
    # A second tablet opened at version 0 too, and saves something else.
    stale = Document.objects.get(pk=cv.pk)
    stale.version = 0
    with pytest.raises(services.VersionConflict) as refused:
        services.save_document(stale, {"objective": "Couturière à Thiès"}, 0)
    current = Document.objects.get(pk=cv.pk)
    assert current.data["objective"] == "Maçon à Dakar"
    assert current.version == 1
    copy = refused.value.copy
    assert copy.reason == VersionReason.CONFLICT
    assert copy.data["objective"] == "Couturière à Thiès"
    # The tablet sends its refused text again until its trainee chooses: still one copy.
    with pytest.raises(services.VersionConflict):
        services.save_document(stale, {"objective": "Couturière à Thiès"}, 0)
    assert cv.versions.filter(reason=VersionReason.CONFLICT).count() == 1


def test_a_conflict_keeps_the_newer_text_too_whichever_the_trainee_keeps(cv):
    # Tablet A saves twice within the few minutes between autosave copies.
    services.save_document(cv, {"objective": "A1"}, 0)
    services.save_document(cv, {"objective": "A2"}, 1)
    stale = Document.objects.get(pk=cv.pk)
    with pytest.raises(services.VersionConflict):
        services.save_document(stale, {"objective": "B"}, 0)
    # Tablet B keeps its own text ("keep mine"): A2 must still be in the versions.
    services.save_document(Document.objects.get(pk=cv.pk), {"objective": "B"}, 2)
    kept = [version.data["objective"] for version in cv.versions.all()]
    assert {"A1", "A2", "B"} <= set(kept)


@pytest.mark.django_db(transaction=True)
def test_two_tablets_saving_from_the_same_version_at_once_keep_both_texts(trainee):
    """Two real transactions at the same moment, each from its own copy of the document at
    version 1 (taken less than SNAPSHOT_EVERY ago: no autosave copy keeps the winner's text)."""
    cv = services.get_or_start_document(trainee, "cv")
    services.save_document(cv, {"objective": "Écrit avant"}, 0, by=trainee.user)
    texts = {"A": "Maçon à Dakar (tablette A)", "B": "Couturière à Thiès (tablette B)"}
    # Each tablet's request has read the document at version 1 before either saves.
    documents = {tablet: Document.objects.get(pk=cv.pk) for tablet in texts}

    def save(tablet: str):
        try:
            services.save_document(
                documents[tablet], {"objective": texts[tablet]}, 1, by=trainee.user
            )
        except services.VersionConflict as conflict:
            return "refused", conflict.copy.pk
        return "saved", None

    outcomes = dict(
        zip(texts, at_once(*(lambda tablet=tablet: save(tablet) for tablet in texts)), strict=True)
    )

    assert sorted(outcome for outcome, _copy in outcomes.values()) == ["refused", "saved"]
    (winner,) = [tablet for tablet, (outcome, _copy) in outcomes.items() if outcome == "saved"]
    (loser,) = set(texts) - {winner}
    current = Document.objects.get(pk=cv.pk)
    assert current.version == 2
    assert current.data["objective"] == texts[winner]
    # The refused text is kept as a copy, the one the refusal names...
    copy = DocumentVersion.objects.get(pk=outcomes[loser][1])
    assert copy.reason == VersionReason.CONFLICT
    assert copy.data["objective"] == texts[loser]
    # ...and the winner's as an earlier version too, should the trainee then keep theirs.
    kept = current.versions.exclude(reason=VersionReason.CONFLICT)
    assert texts[winner] in [version.data["objective"] for version in kept]
    # Keeping the refused text ("keep mine") loses neither.
    services.save_document(current, copy.data, current.version, by=trainee.user)
    objectives = {version.data["objective"] for version in current.versions.all()}
    assert set(texts.values()) <= objectives
    assert Document.objects.get(pk=cv.pk).data["objective"] == texts[loser]


def test_sending_again_what_the_server_has_is_no_conflict(cv):
    services.save_document(cv, {"objective": "Maçon"}, 0)
    again = Document.objects.get(pk=cv.pk)
    assert services.save_document(again, {"objective": "Maçon"}, 0).version == 1


def test_autosaves_keep_a_copy_at_most_every_few_minutes(cv):
    services.save_document(cv, {"objective": "a"}, 0)
    services.save_document(cv, {"objective": "ab"}, 1)
    services.save_document(cv, {"objective": "abc"}, 2)
    assert cv.versions.filter(reason=VersionReason.SNAPSHOT).count() == 1
    Document.objects.filter(pk=cv.pk).update(
        snapshot_at=timezone.now() - services.SNAPSHOT_EVERY - datetime.timedelta(seconds=1)
    )
    cv.refresh_from_db()
    services.save_document(cv, {"objective": "abcd"}, 3)
    assert cv.versions.filter(reason=VersionReason.SNAPSHOT).count() == 2


@pytest.mark.parametrize(
    "data",
    [
        "not an object",
        {"objective": 12},
        {"objective": "x" * 10_001},
        {"objective": ["nested", {"deep": True}]},
    ],
)
def test_bad_data_is_refused_and_leaves_the_work_untouched(cv, data):
    services.save_document(cv, {"objective": "Maçon"}, 0)
    with pytest.raises(ExerciseError) as refused:
        services.save_document(cv, data, 1)
    assert refused.value.message
    cv.refresh_from_db()
    assert (cv.version, cv.data["objective"]) == (1, "Maçon")


def test_emoji_and_arabic_text_are_kept(cv):
    services.save_document(cv, {"objective": "نجار 🪚 à Conakry"}, 0)
    cv.refresh_from_db()
    assert cv.data["objective"] == "نجار 🪚 à Conakry"


def test_sent_returned_with_comments_and_sent_again(cv, trainee, trainer):
    services.save_document(cv, {"objective": "Maçon"}, 0)
    services.submit_document(cv, by=trainee.user)
    cv.refresh_from_db()
    assert cv.status == Status.SUBMITTED
    assert cv.versions.filter(reason=VersionReason.SUBMITTED).count() == 1
    # While it is with the trainer, the trainee's tablet cannot change it, and loses nothing.
    with pytest.raises(services.NotEditable):
        services.save_document(cv, {"objective": "Maçon et carreleur"}, 1)
    assert cv.versions.filter(reason=VersionReason.CONFLICT).get().data["objective"] == (
        "Maçon et carreleur"
    )
    services.review_document(
        cv, by=trainer, returned=True, comments={"objective": "Précisez la ville.", "x": "?"}
    )
    cv.refresh_from_db()
    assert cv.status == Status.RETURNED
    assert list(cv.comments.values_list("section", "text")) == [("objective", "Précisez la ville.")]
    services.save_document(cv, {"objective": "Maçon à Dakar"}, cv.version)
    services.submit_document(cv, by=trainee.user)
    cv.refresh_from_db()
    assert cv.status == Status.SUBMITTED
    assert not cv.comments.filter(resolved_at__isnull=True).exists()
    services.review_document(cv, by=trainer, returned=False)
    cv.refresh_from_db()
    assert cv.status == Status.REVIEWED
    actions = list(audit.entries_about(cv).order_by("timestamp").values_list("action", flat=True))
    assert actions == [
        audit.Action.WORK_SUBMITTED,
        audit.Action.WORK_RETURNED,
        audit.Action.WORK_SUBMITTED,
        audit.Action.WORK_REVIEWED,
    ]


def test_returning_a_draft_is_refused(cv, trainer):
    with pytest.raises(services.WrongStatus):
        services.review_document(cv, by=trainer, returned=True)


def test_restoring_an_earlier_version_keeps_the_text_it_replaces(cv, trainee):
    services.save_document(cv, {"objective": "Première idée"}, 0)
    first = cv.versions.get()
    Document.objects.filter(pk=cv.pk).update(snapshot_at=timezone.now())
    cv.refresh_from_db()
    services.save_document(cv, {"objective": "Seconde idée"}, 1)
    restored = services.restore_version(cv, first, by=trainee.user)
    assert restored.data["objective"] == "Première idée"
    assert restored.version == 3
    kept = cv.versions.get(reason=VersionReason.BEFORE_RESTORE)
    assert kept.data["objective"] == "Seconde idée"
    assert audit.entries_about(cv).filter(action=audit.Action.WORK_RESTORED).count() == 1


# --- Through the trainee's pages ---------------------------------------------------------


def _save(client, enrolment, version, answers, kind="cv"):
    return client.post(
        reverse("learn_exercise_save", args=[kind, enrolment.pk]),
        json.dumps({"version": version, "answers": answers}),
        content_type="application/json",
    )


def test_the_page_saves_and_answers_a_stale_tablet_with_the_newer_text(client, trainee, enrolment):
    client.force_login(trainee.user)
    page = client.get(reverse("learn_cv", args=[enrolment.pk]))
    assert page.status_code == 200
    saved = _save(client, enrolment, 0, {"objective": "Maçon"})
    assert saved.status_code == 200
    assert saved.json()["version"] == 1
    stale = _save(client, enrolment, 0, {"objective": "Couturière"})
    assert stale.status_code == 409
    body = stale.json()
    assert body["version"] == 1
    assert body["answers"]["objective"] == "Maçon"
    assert DocumentVersion.objects.get(pk=body["copy"]).data["objective"] == "Couturière"


@pytest.mark.parametrize(
    "body",
    [b"{", b"[]", b'{"version": "1", "answers": {}}', b'{"version": 0, "answers": 5}'],
)
def test_garbage_is_a_clear_400(client, trainee, enrolment, body):
    client.force_login(trainee.user)
    response = client.post(
        reverse("learn_exercise_save", args=["cv", enrolment.pk]),
        body,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]


def test_the_history_page_shows_a_version_and_brings_it_back(client, trainee, enrolment):
    client.force_login(trainee.user)
    _save(client, enrolment, 0, {"objective": "Première idée"})
    document = Document.objects.get()
    first = document.versions.get()
    page = client.get(
        reverse("learn_exercise_history", args=["cv", enrolment.pk]), {"version": first.pk}
    )
    assert "Première idée" in page.content.decode()
    Document.objects.filter(pk=document.pk).update(snapshot_at=timezone.now())
    _save(client, enrolment, 1, {"objective": "Seconde"})
    response = client.post(reverse("learn_exercise_restore", args=["cv", enrolment.pk, first.pk]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.data["objective"] == "Première idée"


# --- Work left on a tablet after a sign-out (learning/delivery.py) ------------------------


def _deliver(client, document, version, answers):
    from learning import delivery

    token = delivery.token_for_document(document, document.trainee.user_id)
    payload = json.dumps({"version": version, "answers": answers}).encode()
    return client.post(
        reverse("learn_deliver"),
        json.dumps(delivery.encrypt(token, payload)),
        content_type="application/json",
    )


def test_work_left_after_a_sign_out_is_delivered_without_a_session(client, cv):
    response = _deliver(client, cv, 0, {"objective": "Électricien à Bamako"})
    assert response.status_code == 200
    cv.refresh_from_db()
    assert (cv.version, cv.data["objective"]) == (1, "Électricien à Bamako")


def test_stale_work_delivered_later_is_kept_as_an_earlier_version(client, cv):
    services.save_document(cv, {"objective": "Plus récent"}, 0)
    response = _deliver(client, cv, 0, {"objective": "Laissé sur la tablette"})
    assert response.status_code == 409  # the tablet forgets it: the server has kept it
    cv.refresh_from_db()
    assert cv.data["objective"] == "Plus récent"
    kept = cv.versions.get(reason=VersionReason.CONFLICT)
    assert kept.data["objective"] == "Laissé sur la tablette"


def test_a_document_token_cannot_write_another_trainees_work(client, cv, other_trainee):
    from learning import delivery

    other = services.get_or_start_document(other_trainee, "cv")
    token = delivery.token_for_document(other, cv.trainee.user_id)  # the wrong person's
    payload = json.dumps({"version": 0, "answers": {"objective": "x"}}).encode()
    response = client.post(
        reverse("learn_deliver"),
        json.dumps(delivery.encrypt(token, payload)),
        content_type="application/json",
    )
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.version == 0
