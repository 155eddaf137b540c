from django.urls import path

from learning import attempt_views, views

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
]
