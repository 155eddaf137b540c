"""The site's addresses plus the CV and business-plan exercises, which come in a later issue:
lets the tests see the exercise links appear once their views exist."""

from django.http import HttpResponse
from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns


def exercise(request, enrolment_id):
    return HttpResponse("exercise")


urlpatterns = [
    path("learn/cv/<int:enrolment_id>/", exercise, name="learn_cv"),
    path("learn/business-plan/<int:enrolment_id>/", exercise, name="learn_business_plan"),
    *site_urlpatterns,
]
