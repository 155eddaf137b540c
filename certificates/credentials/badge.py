"""A certificate as an Open Badges 3.0 credential (``OpenBadgeCredential``), signed.

Read from the certificate's snapshot only, and only what its public verification page
shows: the holder's name as printed, the training (module, dates, duration, place), the
kind of certificate, the issuer and the issue date. A statement of attendance also says how
many days and hours were attended: that is what it certifies.
"""

import uuid

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from certificates.credentials import addresses, documents, keys, proof, status_list
from certificates.models import Certificate, CertificateKind
from certificates.snapshot import date_in
from lms.dates import long_date

# Names the achievements (one per module and kind) without a database id in sight.
_ACHIEVEMENTS = uuid.UUID("9b0c6f4e-51f4-4d55-9d0e-2f1c1e0a7f3d")


def _texts(certificate: Certificate, snapshot: dict) -> dict:
    kind = str(CertificateKind(certificate.kind).label)
    details = {
        "module": snapshot["module"],
        "start": long_date(date_in(snapshot, "start_date")),
        "end": long_date(date_in(snapshot, "end_date")),
        "days": snapshot["days"],
        "place": snapshot["place"],
        "city": snapshot["city"],
        "modality": snapshot["modality"],
    }
    description = (
        _(
            "Formation « %(module)s » du %(start)s au %(end)s (%(days)s jours), "
            "%(place)s, %(city)s — %(modality)s."
        )
        % details
    )
    if snapshot.get("hours"):
        description += " " + _("Durée : %(hours)s heures.") % {"hours": snapshot["hours"]}
    if certificate.kind == CertificateKind.STATEMENT:
        description += " " + _("Présence : %(days)s jours, %(hours)s heures.") % {
            "days": snapshot.get("days_attended", 0),
            "hours": snapshot.get("hours_attended", 0),
        }
        criteria = _(
            "Attestation d'assiduité : elle indique les jours et les heures de présence à la "
            "formation. Ce n'est pas un diplôme."
        )
    else:
        criteria = _(
            "Attestation de participation, délivrée à qui a suivi la formation selon la règle "
            "d'assiduité du module et terminé ses évaluations et exercices demandés. "
            "Ce n'est pas un diplôme."
        )
    return {
        "name": f"{kind} — {snapshot['module']}",
        "description": description,
        "achievement_description": _("Formation « %(module)s » (%(days)s jours).")
        % {"module": snapshot["module"], "days": snapshot["days"]},
        "criteria": criteria,
    }


def unsigned(certificate: Certificate, issuer: keys.Issuer) -> dict:
    snapshot = certificate.snapshot
    language = snapshot.get("language", certificate.language)
    with translation.override(language):
        texts = _texts(certificate, snapshot)
    achievement_id = uuid.uuid5(
        _ACHIEVEMENTS,
        f"{addresses.base_url()}|{certificate.enrolment.cohort.module_id}|{certificate.kind}",
    )
    credential = {
        "@context": [documents.CREDENTIALS_V2, documents.OPEN_BADGES_V3],
        "id": addresses.absolute(reverse("certificate_verify", args=[certificate.code])),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": texts["name"],
        "description": texts["description"],
        "issuer": {"id": issuer.did, "type": ["Profile"], "name": snapshot["issuer"]},
        "validFrom": proof.xsd_datetime(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": snapshot["holder_name"],
            # Open Badges asks for an id or an identifier of the holder: the name as printed.
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": snapshot["holder_name"],
                }
            ],
            "activityStartDate": snapshot["start_date"],
            "activityEndDate": snapshot["end_date"],
            "achievement": {
                "id": f"urn:uuid:{achievement_id}",
                "type": ["Achievement"],
                "name": snapshot["module"],
                "description": texts["achievement_description"],
                "criteria": {"narrative": texts["criteria"]},
                "inLanguage": language,
            },
        },
    }
    if certificate.status_index is not None:
        url = status_list.status_list_url()
        credential["credentialStatus"] = {
            "id": f"{url}#{certificate.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": status_list.PURPOSE,
            "statusListIndex": str(certificate.status_index),
            "statusListCredential": url,
        }
    return credential


def signed(certificate: Certificate) -> dict:
    """The certificate's credential with its proof; the same every time it is asked for."""
    issuer = keys.issuer()
    return proof.sign(unsigned(certificate, issuer), issuer, created=certificate.issued_at)


def filename(certificate: Certificate) -> str:
    return f"attestation-{certificate.code}.json"
