"""Signal receivers of the cohorts app (connected in CohortsConfig.ready)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from cohorts.middleware import remember_trainee_role
from lms.roles import is_trainee


@receiver(user_logged_in, dispatch_uid="cohorts.trainee_session_ends_with_the_browser")
def trainee_session_ends_with_the_browser(sender, request, user, **kwargs):
    """A trainee's session cookie lasts as long as the browser, not two weeks: on a shared
    tablet, closing the browser signs the trainee out. Staff keep the normal expiry."""
    if request is not None and hasattr(request, "session") and is_trainee(user):
        request.session.set_expiry(0)
        remember_trainee_role(request, user)
