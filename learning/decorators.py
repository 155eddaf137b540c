"""The door of the trainee space (/learn/)."""

from functools import wraps

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from learning.permissions import learner_policy
from lms.roles import is_staff_member


def trainee_required(view):
    """Lets only trainees in and hands the view their profile.

    Anonymous visitors go to the trainee sign-in page (/accounts/trainee/, where a signed-out
    or timed-out trainee belongs), staff to their admin; anyone else gets a 403.
    Pages are never cached: on a shared tablet, Back must not show the previous trainee's page.
    """

    @never_cache
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("trainee_login")
        if is_staff_member(request.user):
            return redirect("wagtailadmin_home")
        trainee = getattr(request.user, "trainee", None)
        if trainee is None or not learner_policy.user_has_permission(request.user, "learn"):
            return render(request, "learning/forbidden.html", status=403)
        return view(request, trainee, *args, **kwargs)

    return wrapper
