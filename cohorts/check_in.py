"""The rotating check-in codes: derived from a window's secret and the clock, never stored.

The screen shows a QR code and a short code that change every ``STEP_SECONDS``. A code is
the HMAC of the window's secret and the step's number, so rotating it writes nothing and any
worker can check it. A code is accepted during its own step and the next one (a trainee who
scanned just before it changed is not refused); once a trainee has used it, another trainee
may use it only during its own step — a photo of the screen sent to someone outside the room
comes too late.
"""

import hashlib
import hmac
import re
import time

STEP_SECONDS = 15
# Short codes use digits only: typed on a phone's number pad.
SHORT_CODE_LENGTH = 6
QR_CODE_LENGTH = 16


def step_at(timestamp: float | None = None) -> int:
    return int((time.time() if timestamp is None else timestamp) // STEP_SECONDS)


def _digest(secret: str, step: int) -> bytes:
    return hmac.new(secret.encode(), f"check-in:{step}".encode(), hashlib.sha256).digest()


def qr_code(secret: str, step: int) -> str:
    """The token in the QR code's URL for ``step``."""
    return _digest(secret, step).hex()[:QR_CODE_LENGTH]


def short_code(secret: str, step: int) -> str:
    """The code to type for ``step``: six digits."""
    number = int.from_bytes(_digest(secret, step)[-8:], "big")
    return f"{number % 10**SHORT_CODE_LENGTH:0{SHORT_CODE_LENGTH}d}"


def normalise(code: str) -> str:
    """What a trainee typed or scanned, without spaces, dashes and case."""
    return re.sub(r"[\s\-]", "", str(code or "")).lower()[:64]


def matching_step(secret: str, code: str, now_step: int) -> int | None:
    """The step whose code ``code`` is, among the current and the previous one (else None)."""
    code = normalise(code)
    if not code:
        return None
    for step in (now_step, now_step - 1):
        for expected in (qr_code(secret, step), short_code(secret, step)):
            if hmac.compare_digest(code, expected):
                return step
    return None


def was_ever_valid(secret: str, code: str, now_step: int, lookback_steps: int) -> bool:
    """Whether ``code`` was the window's code some time in the last ``lookback_steps`` (to say
    "expired" rather than "wrong code")."""
    code = normalise(code)
    return any(
        hmac.compare_digest(code, qr_code(secret, step))
        or hmac.compare_digest(code, short_code(secret, step))
        for step in range(now_step - lookback_steps, now_step - 1)
    )
