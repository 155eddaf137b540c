"""A trainee's own certificates, as their space (/learn/) and their CV show them.

Only the valid ones: a revoked certificate is no longer something to show an employer (a
reissued one appears in its place). The trainee reaches them by their own code and only
through ``held_by``: anyone else's code is a 404, whoever asks.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from certificates.models import Certificate, CertificateKind
from learning import cv_trainings, home_panels


def held_by(trainee):
    return (
        Certificate.objects.valid()
        .filter(enrolment__trainee=trainee)
        .select_related("enrolment__cohort")
        .order_by("-issued_at")
    )


def get_own_certificate(trainee, code: str) -> Certificate:
    return get_object_or_404(held_by(trainee), code=code)


def home_panel(trainee) -> home_panels.Panel | None:
    certificates = list(held_by(trainee))
    if not certificates:
        return None
    cards = [
        {
            "certificate": certificate,
            "module": certificate.snapshot.get("module", ""),
            "kind": certificate.get_kind_display(),
            "pdf_url": reverse("learn_certificate_pdf", args=[certificate.code]),
            "credential_url": reverse("learn_certificate_credential", args=[certificate.code]),
        }
        for certificate in certificates
    ]
    return home_panels.Panel("certificates/trainee_panel.html", {"cards": cards})


def cv_trainings_of(trainee) -> list[cv_trainings.Training]:
    trainings = []
    for certificate in held_by(trainee):
        snapshot = certificate.snapshot
        title = snapshot.get("module", "")
        if certificate.kind == CertificateKind.STATEMENT:
            title = _("%(module)s (attestation d'assiduité)") % {"module": title}
        trainings.append(
            cv_trainings.Training(
                title=title,
                where=snapshot.get("city") or snapshot.get("place", ""),
                year=(snapshot.get("end_date") or "")[:4],
            )
        )
    return trainings


def register() -> None:
    home_panels.register(home_panel)
    cv_trainings.register(cv_trainings_of)
