"""The roster's certificate column: who may be given an attestation, why not, what was issued.

Added to the cohort's roster (cohorts/admin_views.py) through its ``register_roster_columns``
hook — cohorts may not import certificates — in a fixed number of queries whatever the
number of trainees: eligibility reads the whole cohort at once (certificates/evidence.py),
the certificates one more query.
"""

from django.utils.translation import gettext as _

from certificates.evidence import eligibility_for
from certificates.models import Certificate
from cohorts.admin_views import RosterColumn


def _lines(eligibility, issued) -> list[str]:
    if issued:
        lines = []
        for certificate in issued:
            lines.append(_("Délivrée") if certificate.kind == "attestation" else _("Assiduité"))
            lines.append(certificate.printed_code)
        return lines
    if eligibility.eligible:
        return [_("Éligible")]
    return eligibility.reasons


def roster_columns(cohort, enrolments) -> list[RosterColumn]:
    enrolments = list(enrolments)
    if not enrolments:
        return []
    eligibility = eligibility_for(cohort, enrolments)
    issued: dict[int, list[Certificate]] = {}
    for certificate in Certificate.objects.valid().filter(enrolment__in=enrolments):
        issued.setdefault(certificate.enrolment_id, []).append(certificate)
    lines = {
        enrolment.pk: _lines(eligibility[enrolment.pk], issued.get(enrolment.pk, []))
        for enrolment in enrolments
    }
    # The reasons are sentences: they wrap, so that the roster fits an 800 px tablet.
    return [RosterColumn(_("Attestation"), lines, wrap=True)]
