"""``manage.py check --deploy``: production must have a key to sign credentials, and the
retired keys it still publishes must be public keys."""

from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

from certificates.credentials import keys


@register(Tags.security, deploy=True)
def credential_signing_key(app_configs, **kwargs) -> list[Error]:
    if keys.configured_key_source() is None:
        return [
            Error(
                "No key to sign certificates' credentials.",
                hint="Set CREDENTIAL_SIGNING_KEY_FILE (a PEM file with an Ed25519 private key) "
                "or CREDENTIAL_SIGNING_KEY (the PEM text, or the 32-byte key in base64).",
                id="certificates.E001",
            )
        ]
    try:
        keys.load_private_key()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="certificates.E002")]
    try:
        keys.retired_public_keys()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="certificates.E003")]
    return []
