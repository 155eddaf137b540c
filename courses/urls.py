from django.urls import path

from courses import views

# The trainee's learning space: /learn/
urlpatterns = [
    path("", views.home, name="learn_home"),
]
