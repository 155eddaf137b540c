from django.urls import path

from courses import views

# The trainee's learning space: /learn/
urlpatterns = [
    path("", views.home, name="learn_home"),
    path("lessons/<int:lesson_id>/done/", views.lesson_done, name="learn_lesson_done"),
]

# Pre-test, post-test and satisfaction survey (courses/attempt_views.py).
from courses import attempt_views  # noqa: E402

urlpatterns += [
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
