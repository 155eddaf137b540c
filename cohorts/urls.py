from django.urls import path

from cohorts import signin

# Trainee sign-in on shared tablets: /accounts/trainee/ (printed login cards point here).
urlpatterns = [
    path("", signin.pin_login, name="trainee_login"),
    path("pictures/", signin.picture_login, name="trainee_picture_login"),
    path("logout/", signin.trainee_logout, name="trainee_logout"),
    path("still-here/", signin.still_here, name="trainee_still_here"),
]
