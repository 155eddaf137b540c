from django.urls import path

urlpatterns: list = [
    # The trainee's learning space: /learn/
]
