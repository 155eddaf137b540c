from django.urls import path

from certificates import views

# /verify/ (fixed point: printed certificates point to /verify/<code>/), not language-prefixed.
urlpatterns = [
    path("", views.verify_form, name="certificate_verify_form"),
    path("<slug:code>.json", views.verify_json, name="certificate_verify_json"),
    path("<slug:code>/", views.verify_code, name="certificate_verify"),
]
