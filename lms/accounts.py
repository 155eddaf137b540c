"""Account rules shared by every kind of user."""

from allauth.account.adapter import DefaultAccountAdapter


class ClosedSignupAdapter(DefaultAccountAdapter):
    """Nobody signs themselves up: trainers create trainees, coordinators create staff."""

    def is_open_for_signup(self, request):
        return False
