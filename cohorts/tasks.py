"""Background work of the cohorts app (django-q2). Every task may run twice: it must be
idempotent."""

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from cohorts.guessing import generate_pin
from cohorts.models import Cohort
from lms import documents
from lms.pdf import render_pdf
from lms.qr import qr_svg


def render_login_cards(
    document_id: str,
    cohort_id: int,
    base_url: str,
    language: str,
    trainee_ids: list[int] | None = None,
    new_pins: bool = False,
) -> None:
    """A4 sheets of login cards: name, username and a QR code to the sign-in page, for the
    trainees chosen (every active one when none are named).

    With ``new_pins``, each card also carries a new PIN, made here, at the last moment: it
    exists in clear only in the PDF, which is deleted once downloaded (a single-download
    document), and the trainees' passwords change in the same transaction as the PDF is
    stored. A run after the PDF was stored changes nothing; a run that failed before left the
    old PINs in place (the new ones were never printed).
    """
    if not documents.needs_rendering(document_id):
        return
    cohort = Cohort.objects.get(pk=cohort_id)
    enrolments = cohort.enrolments.active().select_related("trainee__user")
    if trainee_ids is not None:
        enrolments = enrolments.filter(trainee_id__in=trainee_ids)
    trainees = [enrolment.trainee for enrolment in enrolments.order_by("trainee__display_name")]
    pins = {trainee.pk: generate_pin() for trainee in trainees} if new_pins else {}
    with translation.override(language):
        sign_in = base_url.rstrip("/") + reverse("trainee_login")
        cards = [
            {
                "trainee": trainee,
                "pin": pins.get(trainee.pk, ""),
                "url": f"{sign_in}?username={trainee.username}",
                "svg": qr_svg(f"{sign_in}?username={trainee.username}", box_size=6),
            }
            for trainee in trainees
        ]
        pdf = render_pdf("cohorts/admin/login_cards.html", {"cohort": cohort, "cards": cards})
    with transaction.atomic():
        if not documents.needs_rendering(document_id, lock=True):
            return
        for trainee in trainees:
            if trainee.pk in pins:
                trainee.user.password = make_password(pins[trainee.pk])
                trainee.user.save(update_fields=["password"])
        documents.store(document_id, pdf)
