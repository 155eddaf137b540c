"""Background work of the cohorts app (django-q2). Every task may run twice: it must be
idempotent."""

from django.urls import reverse
from django.utils import translation

from cohorts.models import Cohort
from lms import documents
from lms.pdf import render_pdf
from lms.qr import qr_svg


def render_login_cards(document_id: str, cohort_id: int, base_url: str, language: str) -> None:
    """A4 sheets of login cards: name, username and a QR code to the sign-in page. No PIN."""
    if not documents.needs_rendering(document_id):
        return
    cohort = Cohort.objects.get(pk=cohort_id)
    with translation.override(language):
        sign_in = base_url.rstrip("/") + reverse("trainee_login")
        cards = [
            {
                "trainee": enrolment.trainee,
                "url": f"{sign_in}?username={enrolment.trainee.username}",
                "svg": qr_svg(f"{sign_in}?username={enrolment.trainee.username}", box_size=6),
            }
            for enrolment in cohort.enrolments.active().select_related("trainee__user")
        ]
        pdf = render_pdf("cohorts/admin/login_cards.html", {"cohort": cohort, "cards": cards})
    documents.store(document_id, pdf)
