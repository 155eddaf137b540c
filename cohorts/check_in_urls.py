from django.urls import path

from cohorts import check_in_views

# The trainee's check-in, mounted at /checkin/ (the trainer's screen shows these addresses).
urlpatterns = [
    path("", check_in_views.check_in_by_code, name="check_in"),
    path("<int:window_id>/<str:token>/", check_in_views.check_in_by_qr, name="check_in_qr"),
]
