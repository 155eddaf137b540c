"""Multibase base58btc (the ``z…`` strings of proofs and keys) and Ed25519 multikeys."""

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
# The multicodec prefix of an Ed25519 public key (0xed, as an unsigned varint).
ED25519_PUB_PREFIX = b"\xed\x01"


def base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, digit = divmod(number, 58)
        encoded = _ALPHABET[digit] + encoded
    # Each leading zero byte is written as the alphabet's first character.
    zeros = len(data) - len(data.lstrip(b"\0"))
    return _ALPHABET[0] * zeros + encoded


def decode_base58btc(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + _ALPHABET.index(char)
    zeros = len(text) - len(text.lstrip(_ALPHABET[0]))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def encode(data: bytes) -> str:
    """``data`` as multibase base58btc: ``z`` then base58."""
    return "z" + base58btc(data)


def ed25519_multikey(public_key: bytes) -> str:
    """The ``publicKeyMultibase`` of an Ed25519 key (``z6Mk…``), also its did:key name."""
    return encode(ED25519_PUB_PREFIX + public_key)


def ed25519_public_key(multikey: str) -> bytes | None:
    """The 32 bytes of an Ed25519 ``publicKeyMultibase``, or None if it is not one."""
    if not isinstance(multikey, str) or not multikey.startswith("z"):
        return None
    try:
        data = decode_base58btc(multikey[1:])
    except ValueError:
        return None
    if not data.startswith(ED25519_PUB_PREFIX) or len(data) != len(ED25519_PUB_PREFIX) + 32:
        return None
    return data[len(ED25519_PUB_PREFIX) :]
