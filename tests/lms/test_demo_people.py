"""The demo people (lms/demo/data/people.yaml): staff who sign in with the demo password, two
cohorts of twelve trainees who sign in with the demo PIN, their scored attempts and anonymous
survey answers, and what loading again leaves alone."""

import datetime

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from cohorts import services as cohort_services
from cohorts.models import AttendanceMark, Cohort, ConsentRecord, TraineeProfile
from courses.scoring import normalise_answers, score_answers
from learning import services as learning_services
from learning.models import Attempt, LessonProgress, SurveyCompletion, SurveyResponse
from lms import demo
from lms.demo import files
from lms.roles import Role, has_role

STAFF_PASSWORD = "foras-demo-2026"
PIN = "2468"
RABAT = "Rabat — Développement personnel"
CASABLANCA = "Casablanca — Entrepreneuriat"
TRAINEE_SIGN_IN = "/accounts/trainee/"


@pytest.fixture(scope="module")
def demo_programme(django_db_setup, django_db_blocker):
    """The whole demo, loaded once for this module; each test still runs in its own
    transaction, rolled back after it."""
    # The people need DEBUG on. This load runs before the suite's per-test cheap hasher: 28
    # accounts with the real one would take half a minute.
    demo_settings = override_settings(
        DEBUG=True, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with django_db_blocker.unblock(), demo_settings, transaction.atomic():
        demo.load()
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_programme")]


def people() -> dict:
    return files.read("people.yaml")


def user(username: str):
    return get_user_model().objects.get(username=username)


# --- Staff and trainees -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "role"),
    [
        ("coordinator@example.org", Role.COORDINATOR),
        ("editor@example.org", Role.EDITOR),
        ("trainer.rabat@example.org", Role.TRAINER),
        ("trainer.casablanca@example.org", Role.TRAINER),
        ("trainer.oujda@example.org", Role.TRAINER),
    ],
)
def test_the_demo_staff_sign_in_with_the_demo_password(email, role):
    signed_in = authenticate(username=email, password=STAFF_PASSWORD)

    assert signed_in is not None
    assert has_role(signed_in, role)
    assert signed_in.emailaddress_set.get().verified


@pytest.mark.parametrize(
    ("name", "trainer", "prefix"),
    [
        (RABAT, "trainer.rabat@example.org", "rabat"),
        (CASABLANCA, "trainer.casablanca@example.org", "casa"),
    ],
)
def test_each_demo_cohort_has_twelve_trainees_taught_by_its_trainer(name, trainer, prefix):
    cohort = Cohort.objects.get(name=name)

    usernames = cohort.enrolments.active().values_list("trainee__user__username", flat=True)

    assert sorted(usernames) == [f"{prefix}{number:02d}" for number in range(1, 13)]
    assert list(cohort.trainers.values_list("username", flat=True)) == [trainer]
    assert not TraineeProfile.objects.filter(enrolments__cohort=cohort).exclude(
        created_by=user(trainer)
    )


def test_every_demo_trainee_signs_in_with_the_demo_pin():
    trainees = TraineeProfile.objects.select_related("user")

    assert trainees.count() == 34  # Rabat 12, Casablanca 12, Oujda (finished) 10
    assert all(trainee.user.check_password(PIN) for trainee in trainees)


@pytest.mark.parametrize("username", ["rabat01", "casa12"])
def test_a_demo_trainee_signs_in_on_the_tablet_page(client, username):
    client.post(TRAINEE_SIGN_IN, {"username": username, "pin": PIN})

    assert client.session.get("_auth_user_id") == str(user(username).pk)


def test_the_demo_trainees_consents_are_those_of_the_data():
    rabat03 = TraineeProfile.objects.get(user__username="rabat03")

    consents = dict(rabat03.consents.values_list("purpose", "granted"))

    assert consents == {"data_processing": True, "share_with_origin": False, "photos": False}
    assert ConsentRecord.objects.filter(recorded_by__isnull=True).count() == 0


@pytest.mark.parametrize(("name", "code"), [(RABAT, "dp"), (CASABLANCA, "ec")])
def test_the_demo_cohorts_run_the_french_modules(name, code):
    module = Cohort.objects.get(name=name).module

    assert module.code == code
    assert module.locale.language_code == "fr"


def test_the_demo_cohorts_run_for_two_weeks_from_this_weeks_monday():
    today = timezone.localdate()

    for cohort in Cohort.objects.filter(name__in=[RABAT, CASABLANCA]):
        assert cohort.start_date.weekday() == 0
        assert cohort.start_date <= today <= cohort.end_date
        assert cohort.end_date - cohort.start_date == datetime.timedelta(days=13)
        assert cohort.status == "running"


# --- Attempts and survey answers ----------------------------------------------------------------


def test_the_demo_attempts_are_scored_from_their_answers_with_varied_results():
    attempts = list(Attempt.objects.select_related("assessment"))

    for attempt in attempts:
        assert attempt.is_submitted
        assert (attempt.points, attempt.max_points) == score_answers(
            attempt.assessment.questions, attempt.answers
        )
    pre_scores = [a.score for a in attempts if a.phase == "pre"]
    assert 100 in pre_scores
    assert len(set(pre_scores)) > 5
    assert sum(a.phase == "post" for a in attempts) < len(pre_scores)


def test_a_demo_cohort_with_post_tests_taken_had_its_post_test_opened_by_the_trainer():
    # The demo cohorts are running: their trainees took the post-test before the last day.
    for name in (RABAT, CASABLANCA):
        cohort = Cohort.objects.get(name=name)
        assert Attempt.objects.filter(enrolment__cohort=cohort, phase="post").exists()
        assert cohort.post_test_opened_at is not None, name


def test_each_demo_attempt_gets_the_number_of_right_answers_of_the_data():
    for cohort in people()["cohorts"]:
        for trainee in cohort["trainees"]:
            attempts = Attempt.objects.filter(
                enrolment__trainee__user__username=trainee["username"]
            )
            points = dict(attempts.values_list("phase", "points"))
            assert points == trainee["right_answers"], trainee["username"]


def test_demo_survey_answers_are_valid_and_match_the_completions():
    responses = list(SurveyResponse.objects.select_related("assessment", "cohort"))

    assert len(responses) == SurveyCompletion.objects.count() == 14
    for response in responses:
        assert response.assessment == response.cohort.module.survey
        assert normalise_answers(response.assessment.questions, response.answers)


def test_the_demo_marks_days_done_in_the_finished_cohort_only():
    done = LessonProgress.objects.values_list("enrolment__trainee__user__username", flat=True)
    attended = AttendanceMark.objects.filter(
        enrolment__trainee__user__username="oujda01", status__in=["present", "late"]
    )

    assert done and all(username.startswith("oujda") for username in done)
    # A day attended is a day done, one each.
    assert list(done).count("oujda01") == attended.count()


# --- Loading again ------------------------------------------------------------------------------


def test_loading_again_leaves_a_pin_a_trainer_reset_alone():
    rabat01 = TraineeProfile.objects.get(user__username="rabat01")
    cohort_services.reset_pin(by=None, trainee=rabat01, pin="1357")

    demo.load()

    assert user("rabat01").check_password("1357")


def test_loading_again_leaves_a_trainees_own_attempt_alone():
    enrolment = TraineeProfile.objects.get(user__username="rabat01").enrolments.get()
    Attempt.objects.filter(enrolment=enrolment, phase="post").delete()
    started = learning_services.get_or_start_attempt(enrolment, "post")
    first = started.assessment.questions[0]
    learning_services.save_answers(started, {first.id: 0}, started.version)

    demo.load()

    attempt = Attempt.objects.get(enrolment=enrolment, phase="post")
    assert not attempt.is_submitted
    assert attempt.answers == {first.id: 0}


def test_loading_again_finds_a_cohort_a_coordinator_renamed():
    cohort = Cohort.objects.get(name=RABAT)
    cohort_services.update_cohort(by=None, cohort=cohort, name="Rabat — DP, session de mars")
    cohorts = Cohort.objects.count()

    demo.load()

    assert Cohort.objects.count() == cohorts
    assert not Cohort.objects.filter(name=RABAT).exists()


def test_one_demo_trainee_also_signs_in_with_four_pictures(demo_programme, client):
    data = {"username": "rabat02"}
    data.update({f"picture{n}": key for n, key in enumerate(["sun", "goat", "mango", "bird"], 1)})

    response = client.post(TRAINEE_SIGN_IN + "pictures/", data)

    assert response.status_code == 302
    assert response["Location"] == "/learn/"


# --- Exercise work (data/exercises.yaml) ---------------------------------------------------


def _document(username: str, kind: str):
    from learning.models import Document

    return Document.objects.get(trainee__user__username=username, kind=kind)


def test_the_demo_cvs_are_in_every_state_one_returned_with_comments(demo_programme):
    from learning.models import Status

    states = {name: _document(name, "cv").status for name in ("rabat01", "rabat03", "rabat07")}
    assert states == {
        "rabat01": Status.DRAFT,
        "rabat03": Status.RETURNED,
        "rabat07": Status.REVIEWED,
    }
    assert _document("rabat09", "cv").status == Status.SUBMITTED
    returned = _document("rabat03", "cv")
    assert sorted(returned.comments.values_list("section", flat=True)) == [
        "experience",
        "objective",
    ]
    assert returned.comments.get(section="objective").author.email == "trainer.rabat@example.org"
    assert "couturière" in _document("rabat01", "cv").data["objective"]


def test_the_demo_plans_add_up_one_loses_money(demo_programme):
    from courses.business_plan import figures, parse_plan
    from learning.models import Status

    bakery = _document("casa03", "plan")
    tailor = _document("casa05", "plan")
    assert (bakery.status, tailor.status) == (Status.SUBMITTED, Status.RETURNED)
    assert bakery.enrolment.cohort.name == CASABLANCA
    assert figures(parse_plan(bakery.data)).average_monthly_profit > 0
    losing = figures(parse_plan(tailor.data))
    assert losing.average_monthly_profit < 0
    assert losing.funding_gap > 0
    assert tailor.data["currency"] == "GNF"
    assert tailor.comments.filter(resolved_at__isnull=True).count() == 2


def test_loading_again_leaves_the_exercise_work_alone(demo_programme):
    from learning.models import Document

    before = dict(Document.objects.values_list("pk", "version"))
    with override_settings(DEBUG=True):
        demo.load()
    assert dict(Document.objects.values_list("pk", "version")) == before


def test_the_fullest_demo_cv_prints_on_one_page(demo_programme):
    import pypdfium2

    from learning.exercise_pdf import document_pdf

    cv = _document("rabat07", "cv")
    pdf = pypdfium2.PdfDocument(document_pdf(cv, "fr"))
    assert len(pdf) == 1
    text = pdf[0].get_textpage().get_text_range()
    assert "Mariam" in text
    assert "Coiffeuse dans un salon" in text
