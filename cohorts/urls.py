from django.urls import path

urlpatterns: list = [
    # Trainee sign-in (username + PIN keypad, picture password) lives here: /accounts/trainee/
]
