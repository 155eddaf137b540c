from django.urls import path, register_converter

from courses.exercises import EXERCISES
from learning import attempt_views, exercise_views, views


class ExerciseKindConverter:
    """An exercise's kind in an address (cv, plan): anything else is no address at all."""

    regex = "|".join(EXERCISES)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExerciseKindConverter, "exercise")

# The trainee's learning space: /learn/ (a fixed point: tablets and printed material point there)
urlpatterns = [
    path("", views.home, name="learn_home"),
    path("lessons/<int:lesson_id>/done/", views.lesson_done, name="learn_lesson_done"),
    # Answers left on a tablet after a sign-out (learning/delivery.py); no session needed.
    path("deliver/", attempt_views.deliver, name="learn_deliver"),
    # Scope /learn/: a test page reloaded offline comes back (templates/learning/offline-sw.js).
    path("offline-sw.js", attempt_views.service_worker, name="learn_service_worker"),
    path("lessons/<int:lesson_id>/undone/", views.lesson_undone, name="learn_lesson_undone"),
    # Pre-test, post-test and satisfaction survey.
    path(
        "assessments/<int:enrolment_id>/<str:phase>/",
        attempt_views.assessment_page,
        name="learn_assessment",
    ),
    path(
        "assessments/<int:enrolment_id>/<str:phase>/save/",
        attempt_views.save,
        name="learn_assessment_save",
    ),
    path(
        "assessments/<int:enrolment_id>/<str:phase>/submit/",
        attempt_views.submit,
        name="learn_assessment_submit",
    ),
    # The exercises: the CV and the business plan (learning/exercise_views.py).
    path("cv/<int:enrolment_id>/", exercise_views.page, {"kind": "cv"}, name="learn_cv"),
    path(
        "plan/<int:enrolment_id>/",
        exercise_views.page,
        {"kind": "plan"},
        name="learn_business_plan",
    ),
    path(
        "plan/<int:enrolment_id>/chart.svg",
        exercise_views.plan_chart,
        name="learn_plan_chart",
    ),
    path(
        "<exercise:kind>/<int:enrolment_id>/save/",
        exercise_views.save,
        name="learn_exercise_save",
    ),
    path(
        "<exercise:kind>/<int:enrolment_id>/submit/",
        exercise_views.submit,
        name="learn_exercise_submit",
    ),
    path(
        "<exercise:kind>/<int:enrolment_id>/history/",
        exercise_views.history,
        name="learn_exercise_history",
    ),
    path(
        "<exercise:kind>/<int:enrolment_id>/pdf/",
        exercise_views.pdf,
        name="learn_exercise_pdf",
    ),
    path(
        "<exercise:kind>/<int:enrolment_id>/history/<int:version_id>/restore/",
        exercise_views.restore,
        name="learn_exercise_restore",
    ),
    # The CV's photo: put on or taken away by the trainee, read by whoever may read the CV.
    path("cv/<int:enrolment_id>/photo/", exercise_views.cv_photo_upload, name="learn_cv_photo"),
    path("cv/photo/<int:document_id>/", exercise_views.cv_photo_file, name="learn_cv_photo_file"),
]
