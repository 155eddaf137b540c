from django.urls import path

from certificates import credential_views

# /credentials/: what a verifier fetches to check a certificate's signed credential.
urlpatterns = [
    path("status/revocation", credential_views.revocation_list, name="credential_status_list"),
]
