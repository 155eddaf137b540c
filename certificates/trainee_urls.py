from django.urls import path

from certificates import trainee_views

# Under /learn/certificates/ (the trainee's space); a certificate by its code, never an id.
urlpatterns = [
    path("<slug:code>/pdf/", trainee_views.certificate_pdf, name="learn_certificate_pdf"),
    path(
        "<slug:code>/credential.json",
        trainee_views.certificate_credential,
        name="learn_certificate_credential",
    ),
]
