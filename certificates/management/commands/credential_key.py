"""``manage.py credential_key``: who signs the credentials now, and with which public key.

Before the signing key is changed, its public key printed here goes into
CREDENTIAL_RETIRED_PUBLIC_KEYS, so that the DID document keeps publishing it and what it
signed still verifies (docs/verification.md, "Changing the signing key").
"""

from django.core.management.base import BaseCommand

from certificates.credentials import keys


class Command(BaseCommand):
    help = "Prints the credentials' issuer, its current public key and the retired ones."

    def handle(self, *args, **options):
        issuer = keys.issuer()
        self.stdout.write(f"issuer: {issuer.did}")
        self.stdout.write(f"public key: {issuer.public_key_multibase}")
        for public_key in keys.retired_public_keys():
            self.stdout.write(f"retired: {public_key}")
