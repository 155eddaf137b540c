from django.urls import path

from cohorts import signin

# Trainee sign-in on shared tablets: /accounts/trainee/ (printed login cards point here).
urlpatterns = [
    path("", signin.pin_login, name="trainee_login"),
    path("pictures/", signin.picture_login, name="trainee_picture_login"),
    # The class list opened by a trainer on this tablet (cohorts/classroom.py).
    path("classroom/<int:pk>/", signin.classroom_pin_login, name="trainee_classroom_pin"),
    path(
        "classroom/<int:pk>/pictures/",
        signin.classroom_picture_login,
        name="trainee_classroom_pictures",
    ),
    path("logout/", signin.trainee_logout, name="trainee_logout"),
    path("still-here/", signin.still_here, name="trainee_still_here"),
]
