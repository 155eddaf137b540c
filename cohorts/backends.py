"""Loading the signed-in user of a trainee's session, with their profile, in one query.

Every trainee request needs both (the trainee space hands the profile to its views,
learning/decorators.py): Django's model backend would read the user, then the profile.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend


class TraineeSessionBackend(BaseBackend):
    """Signs nobody in (the PIN and picture checks do, cohorts/signin.py) and grants no
    permission: it only loads the user of the sessions it opened, as ModelBackend would,
    with the trainee profile (or its absence) already read."""

    def get_user(self, user_id):
        user = (
            get_user_model()._default_manager.select_related("trainee").filter(pk=user_id).first()
        )
        # As ModelBackend.user_can_authenticate: a deactivated account is signed out.
        return user if user is not None and user.is_active else None
