"""Staff sign in with two factors: make sure every staff account has set one up.

Signing in with the second factor is allauth's work (its "authenticate" stage); this
middleware only sends staff who have not activated TOTP yet to the page that does it,
whatever else they asked for, until they have.
"""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.roles import is_staff_member

# Open without a second factor: signing in, setting MFA up and signing out (allauth, under
# /accounts/), the health check, and the public site with what it links to.
OPEN_PREFIXES = ("/accounts/", "/healthz", "/i18n/", "/g/", "/verify/", "/favicon.ico")


def _is_open(path: str) -> bool:
    if path == "/":
        return True
    language_prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return path.startswith(
        OPEN_PREFIXES
        + language_prefixes
        + (settings.STATIC_URL, settings.MEDIA_URL, reverse("wagtailadmin_logout"))
    )


def needs_totp_setup(user) -> bool:
    """True for a staff member who must use MFA and has no TOTP authenticator yet."""
    return (
        settings.MFA_REQUIRED_FOR_STAFF
        and is_staff_member(user)
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    )


class StaffMFAMiddleware:
    """Redirect staff without TOTP to its activation page (MFA_REQUIRED_FOR_STAFF)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The setting is read on every request: tests and operators may switch it.
        if not _is_open(request.path_info) and needs_totp_setup(request.user):
            if request.method == "GET":
                messages.warning(
                    request,
                    _(
                        "Les comptes du personnel donnent accès aux données des apprenants : "
                        "la connexion en deux étapes est obligatoire. Activez-la avec une "
                        "application d'authentification pour continuer."
                    ),
                )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
