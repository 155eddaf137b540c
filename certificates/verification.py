"""Public verification of a certificate by its code (the code printed under its QR code).

Anyone may check a code, so lookups are rate limited per address: a code is long and random,
but it must not be possible to try codes by the thousand. Until certificates are issued (they
come with this app's models) no code is known, and every lookup answers "no certificate".
"""

import re
from dataclasses import dataclass

# The public allauth.core.ratelimit.consume() reads only allauth's own settings; the internal
# one takes this app's limit and also counts GET requests (a lookup is a GET).
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.conf import settings

CODE_PATTERN = re.compile(r"^[A-Za-z0-9-]{4,64}$")
RATE_LIMIT_ACTION = "verify"


def rate_limits() -> dict[str, str]:
    return {RATE_LIMIT_ACTION: getattr(settings, "CERTIFICATE_VERIFY_RATE_LIMIT", "60/m/ip")}


@dataclass(frozen=True)
class Verification:
    """What the public may know of a certificate: only that it is genuine, and for what."""

    code: str
    valid: bool

    def as_json(self) -> dict:
        return {"code": self.code, "valid": self.valid}


def normalise(code: str) -> str | None:
    """The code as stored (upper case, no spaces), or None if it cannot be a code at all."""
    code = code.strip().replace(" ", "").upper()
    return code if CODE_PATTERN.match(code) else None


def verify(code: str) -> Verification | None:
    """The verification record of ``code``, or None when no certificate has this code."""
    # No certificate has been issued yet: no code is known.
    return None


def allowed(request) -> bool:
    """Count this lookup against the address's limit; False once it is used up."""
    usage = allauth_ratelimit.consume(
        request,
        app="certificates",
        action=RATE_LIMIT_ACTION,
        config=rate_limits(),
        limit_get=True,
    )
    return usage is not None
