"""Certificate codes: random, 80 bits, short enough to type from the paper.

Sixteen characters of Crockford's base 32 (digits and capitals without I, L, O, U), printed in
four groups of four. What a reader types is folded back: case, spaces and dashes do not
matter, and the letters people mistake for digits (O, I, L) read as those digits.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 16  # 16 × 5 bits = 80 bits
GROUP = 4
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SHAPE = re.compile(f"^[{ALPHABET}]{{{LENGTH}}}$")


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def fold(text: str) -> str:
    """What a reader typed, folded as codes are stored (also part of a code, to search)."""
    return re.sub(r"[\s\-_.]", "", str(text or "")).upper().translate(_CONFUSABLE)


def normalise(text: str) -> str | None:
    """The stored form of what a reader typed, or None if it cannot be a code."""
    folded = fold(text)
    return folded if _SHAPE.match(folded) else None


def grouped(code: str) -> str:
    """The printed form: 7Q2K-9XW4-M3FA-0RTB."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
