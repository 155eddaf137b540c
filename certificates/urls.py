from django.urls import path

from certificates import views

# /verify/ (fixed point: printed certificates point to /verify/<code>/), not language-prefixed.
# Any text is accepted as a code, so that whatever a reader types gets a clear answer of ours.
urlpatterns = [
    path("", views.verify_form, name="certificate_verify_form"),
    path("<path:code>.json", views.verify_json, name="certificate_verify_json"),
    path("<path:code>/", views.verify_code, name="certificate_verify"),
]
