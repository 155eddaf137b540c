"""allauth's URLs, as ``allauth.urls`` lays them out for the apps installed here (accounts and
MFA with TOTP and recovery codes), with its MFA sign-in views imported by their first request.

``allauth.mfa.base.views`` imports allauth's WebAuthn flows, and with them fido2 and
cryptography (about 7 MiB in every web worker), although this site offers no WebAuthn
(``MFA_SUPPORTED_TYPES``). Only staff signing in reach these views: a web worker that serves
trainees and guides never imports them. ``tests/lms/test_account_urls.py`` keeps these routes
and names equal to allauth's own.
"""

from allauth.mfa import app_settings as mfa_settings
from django.urls import include, path
from django.utils.module_loading import import_string


def view_imported_when_called(dotted_path: str):
    """A view that imports ``dotted_path`` on its first call and hands the request to it."""

    def view(request, *args, **kwargs):
        return import_string(dotted_path)(request, *args, **kwargs)

    view.__name__ = view.__qualname__ = dotted_path.rsplit(".", 1)[-1]
    view.__module__ = dotted_path.rsplit(".", 1)[0]
    return view


def _base_view(name: str):
    return view_imported_when_called(f"allauth.mfa.base.views.{name}")


mfa_patterns = [
    path("", _base_view("index"), name="mfa_index"),
    path("authenticate/", _base_view("authenticate"), name="mfa_authenticate"),
    path("reauthenticate/", _base_view("reauthenticate"), name="mfa_reauthenticate"),
]
if mfa_settings._TRUST_STAGE_ENABLED:
    mfa_patterns.append(path("trust/", _base_view("trust"), name="mfa_trust"))
if "totp" in mfa_settings.SUPPORTED_TYPES:
    mfa_patterns.append(path("totp/", include("allauth.mfa.totp.urls")))
if "recovery_codes" in mfa_settings.SUPPORTED_TYPES:
    mfa_patterns.append(path("recovery-codes/", include("allauth.mfa.recovery_codes.urls")))
if "webauthn" in mfa_settings.SUPPORTED_TYPES:
    mfa_patterns.append(path("webauthn/", include("allauth.mfa.webauthn.urls")))

urlpatterns = [
    path("", include("allauth.account.urls")),
    path("2fa/", include(mfa_patterns)),
]
