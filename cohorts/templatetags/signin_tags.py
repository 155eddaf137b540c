"""Template tags of the trainee sign-in's admin side."""

from django import template

from cohorts import guessing
from cohorts.permissions import trainee_policy

register = template.Library()


@register.inclusion_tag("cohorts/admin/_sign_in_unlock.html", takes_context=True)
def sign_in_unlock(context, trainee):
    """Whether a trainee's sign-in is locked after wrong tries, and the trainer's unlock button
    (for those who may reset the trainee's PIN)."""
    user = context["request"].user
    return {
        "trainee": trainee,
        "locked": guessing.is_locked(trainee.username),
        "can_unlock": trainee_policy.user_has_permission_for_instance(user, "change", trainee),
        "csrf_token": context.get("csrf_token"),
    }
