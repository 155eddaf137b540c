"""Account rules shared by every kind of user."""

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from lms.roles import is_staff_member, is_trainee

# The trainee's learning space (a fixed point: tablets and printed material point there).
TRAINEE_HOME = "/learn/"


class ClosedSignupAdapter(DefaultAccountAdapter):
    """Nobody signs themselves up: trainers create trainees, coordinators create staff."""

    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        """Staff go to the admin (LOGIN_REDIRECT_URL), trainees to their learning space."""
        user = request.user
        if is_trainee(user) and not is_staff_member(user):
            return TRAINEE_HOME
        return super().get_login_redirect_url(request)

    def get_reset_password_from_key_url(self, key: str) -> str:
        """The set-password link of reset and invitation e-mails, on SITE_BASE_URL when set.

        E-mails leave the request behind: a link built from the request's host would carry
        whatever address the sender happened to use (a local one, or a proxy's).
        """
        url = super().get_reset_password_from_key_url(key)
        if settings.SITE_BASE_URL:
            return settings.SITE_BASE_URL + urlsplit(url).path
        return url
