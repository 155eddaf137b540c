"""Reading the JSON a tablet posts (autosaves, outboxes, the register's marks), with bounds.

Every body that is not a small, shallow JSON object of UTF-8 text is refused with
``BadBody`` (the view answers 400 with its message) before anything is changed:
too large, too deep (``json.loads`` would raise ``RecursionError``), not UTF-8,
``NaN``/``Infinity``, a NUL character (PostgreSQL cannot store one in ``jsonb``), a wrong
content type, or anything but an object at the top. What the object's fields mean is checked
by the caller (``version`` with ``read_version``, answers by courses/scoring.py).
"""

import json
import math

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest
from django.utils.translation import gettext as _

#: The largest body accepted: a test of 100 open questions at their longest is ~200 KB.
MAX_BYTES = 256 * 1024
#: {"answers": {"<question id>": [0, 1]}} is three deep; a little room beyond.
MAX_DEPTH = 8
#: Versions count saves; 2**31 saves is beyond any trainee.
MAX_VERSION = 2**31 - 1


class BadBody(ValueError):
    """A body that cannot be read; ``message`` is for the user, in their language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _unreadable() -> BadBody:
    return BadBody(_("Les réponses envoyées sont illisibles."))


def _refuse_constant(name: str):
    raise ValueError(name)  # NaN, Infinity, -Infinity: not JSON


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):  # 1e999
        raise ValueError(text)
    return number


# Made once: json.loads with options would build a decoder on every call.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float)
_CONTAINERS = (dict, list)  # what json.loads makes: exact types, never subclasses


def _too_deep(value: dict) -> bool:
    """Whether containers nest deeper than MAX_DEPTH: walked level by level, containers only."""
    level = [value]
    for _depth in range(MAX_DEPTH):
        level = [
            item
            for container in level
            for item in (container.values() if type(container) is dict else container)
            if type(item) in _CONTAINERS
        ]
        if not level:
            return False
    return True


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def parse_object(raw: bytes) -> dict:
    """The JSON object in ``raw``; BadBody when it is not a small, shallow, clean one."""
    if len(raw) > MAX_BYTES:
        raise BadBody(_("Les réponses envoyées sont trop longues."))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _unreadable() from None
    try:
        data = _DECODER.decode(text)
    except (ValueError, RecursionError):  # RecursionError: nested beyond Python's own limit
        raise _unreadable() from None
    if not isinstance(data, dict):
        raise _unreadable()
    # Both walks only when the text says they could find something (counting is done in C).
    if text.count("[") + text.count("{") > MAX_DEPTH and _too_deep(data):
        raise _unreadable()
    if "\\u0000" in text and _has_nul(data):
        raise _unreadable()
    return data


def read_json_object(request: HttpRequest) -> dict:
    """The JSON object posted in ``request``; BadBody for anything else."""
    content_type = request.content_type or ""
    if content_type.lower() != "application/json":
        raise BadBody(_("Les réponses doivent être envoyées en JSON."))
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise _unreadable() from None
    if length > MAX_BYTES:
        raise BadBody(_("Les réponses envoyées sont trop longues."))
    try:
        raw = request.body
    except RequestDataTooBig:
        raise BadBody(_("Les réponses envoyées sont trop longues.")) from None
    return parse_object(raw)


def read_version(payload: dict) -> int:
    """The payload's ``version``: a whole number from 0 to MAX_VERSION; BadBody otherwise."""
    version = payload.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _unreadable()
    if not 0 <= version <= MAX_VERSION:
        raise _unreadable()
    return version
