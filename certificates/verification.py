"""Public verification of a certificate by its code (the code printed under its QR code).

What anyone may learn from a code: whether a certificate has it, whether it still stands (or
was revoked, when, and for which neutral reason), and what the paper itself shows — the
holder's name as printed, the module, the dates, the place, the issuer, the issue date, its
kind and whether it is a duplicate. All of it is read from the certificate's snapshot, so an
edited module or an anonymised trainee never changes the answer; nothing else about the person
(nationality, birth year, phone, username, programme status) is ever read.

Anyone may check a code, so lookups are rate limited per address in the shared cache: every
lookup counts against a generous limit, and a wrong code also against a much stricter one (a
code is 80 random bits, but trying codes by the thousand must still be impossible). A person
who scans or types a real code is never the one who runs out.
"""

import datetime
from dataclasses import dataclass

# The public allauth.core.ratelimit.consume() reads only allauth's own settings; the internal
# one takes this app's limits and also counts GET requests (a lookup is a GET).
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.conf import settings
from django.utils import timezone

from certificates import codes
from certificates import snapshot as snapshot_dates
from certificates.links import verification_url
from certificates.models import Certificate, CertificateKind, RevocationReason

RATE_LIMIT_ACTION = "verify"
MISS_RATE_LIMIT_ACTION = "verify_miss"
# Every lookup from one address, and (stricter) those of a code no certificate has.
DEFAULT_RATE_LIMIT = "60/m/ip"
DEFAULT_MISS_RATE_LIMIT = "10/m/ip,30/h/ip"

VALID = "valid"
REVOKED = "revoked"
UNKNOWN = "unknown"


def rate_limits() -> dict[str, str]:
    return {
        RATE_LIMIT_ACTION: getattr(settings, "CERTIFICATE_VERIFY_RATE_LIMIT", DEFAULT_RATE_LIMIT),
        MISS_RATE_LIMIT_ACTION: getattr(
            settings, "CERTIFICATE_VERIFY_MISS_RATE_LIMIT", DEFAULT_MISS_RATE_LIMIT
        ),
    }


@dataclass(frozen=True)
class Verification:
    """What the public may know of a certificate: that it is genuine, whether it still stands,
    and what its paper shows. Built from the snapshot only."""

    code: str
    kind: str
    duplicate: bool
    holder_name: str
    module: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    place: str
    city: str
    issuer: str
    issued_on: datetime.date
    revoked_on: datetime.date | None
    revocation_reason: str

    @classmethod
    def of(cls, certificate: Certificate) -> "Verification":
        snapshot = certificate.snapshot or {}
        revoked_at = certificate.revoked_at
        return cls(
            code=certificate.code,
            kind=certificate.kind,
            duplicate=certificate.duplicate_of_id is not None,
            holder_name=str(snapshot.get("holder_name", "")),
            module=str(snapshot.get("module", "")),
            start_date=snapshot_dates.date_in(snapshot, "start_date"),
            end_date=snapshot_dates.date_in(snapshot, "end_date"),
            place=str(snapshot.get("place", "")),
            city=str(snapshot.get("city", "")),
            issuer=str(snapshot.get("issuer", "")),
            issued_on=timezone.localdate(certificate.issued_at),
            revoked_on=timezone.localdate(revoked_at) if revoked_at else None,
            revocation_reason=certificate.revocation_reason if revoked_at else "",
        )

    @property
    def status(self) -> str:
        return REVOKED if self.revoked_on else VALID

    @property
    def valid(self) -> bool:
        return self.status == VALID

    @property
    def printed_code(self) -> str:
        return codes.grouped(self.code)

    @property
    def kind_label(self) -> str:
        try:
            return str(CertificateKind(self.kind).label)
        except ValueError:
            return self.kind

    @property
    def revocation_reason_label(self) -> str:
        try:
            return str(RevocationReason(self.revocation_reason).label)
        except ValueError:
            return ""

    def as_json(self) -> dict:
        """The machine-readable record; its keys are documented in docs/verification.md and
        only ever added to (labels are in the language asked for, codes never change)."""
        return {
            "code": self.code,
            "printed_code": self.printed_code,
            "status": self.status,
            "valid": self.valid,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "duplicate": self.duplicate,
            "holder_name": self.holder_name,
            "module": self.module,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "place": self.place,
            "city": self.city,
            "issuer": self.issuer,
            "issued_on": self.issued_on.isoformat(),
            "revoked_on": self.revoked_on.isoformat() if self.revoked_on else None,
            "revocation_reason": self.revocation_reason or None,
            "revocation_reason_label": self.revocation_reason_label or None,
            "verification_url": verification_url(self.code),
        }


def unknown_json(code: str) -> dict:
    """The JSON answer for a code no certificate has (served with a 404)."""
    return {"code": code, "status": UNKNOWN, "valid": False}


def normalise(code: str) -> str | None:
    """The code as stored, whatever the reader typed (case, spaces, dashes, O/I/L), or None if
    it cannot be a certificate's code at all."""
    return codes.normalise(code)


# Only what the record shows is read: one query, by the unique code.
_FIELDS = (
    "code",
    "kind",
    "snapshot",
    "issued_at",
    "duplicate_of_id",
    "revoked_at",
    "revocation_reason",
)


def verify(code: str | None) -> Verification | None:
    """The verification record of the (normalised) ``code``, or None when no certificate has
    it."""
    if not code:
        return None
    certificate = Certificate.objects.filter(code=code).only(*_FIELDS).first()
    return Verification.of(certificate) if certificate is not None else None


def allowed(request) -> bool:
    """Whether this address may look a code up now; counts the lookup. False once either
    every lookup or the wrong codes have used up the address's limit."""
    misses_left = allauth_ratelimit.consume(
        request,
        app="certificates",
        action=MISS_RATE_LIMIT_ACTION,
        config=rate_limits(),
        limit_get=True,
        dry_run=True,
    )
    if misses_left is None:
        return False
    usage = allauth_ratelimit.consume(
        request,
        app="certificates",
        action=RATE_LIMIT_ACTION,
        config=rate_limits(),
        limit_get=True,
    )
    return usage is not None


def record_miss(request) -> None:
    """Count a lookup of a code no certificate has against the stricter limit."""
    allauth_ratelimit.consume(
        request,
        app="certificates",
        action=MISS_RATE_LIMIT_ACTION,
        config=rate_limits(),
        limit_get=True,
    )
