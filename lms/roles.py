"""The four roles of the platform and how to tell them apart.

Roles are Django groups (created after every migrate, lms/groups.py). What each role may do
to which rows is decided by the access policies (``<app>/permissions.py``), from these
questions. Superusers count as coordinators. Nothing here imports an app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    TRAINEE = "Trainee", _("Apprenant")
    TRAINER = "Trainer", _("Formateur")
    COORDINATOR = "Coordinator", _("Coordinateur")
    # Wagtail creates this group itself with page permissions; editors are its members.
    EDITOR = "Editors", _("Éditeur")


STAFF_ROLES = (Role.TRAINER, Role.COORDINATOR, Role.EDITOR)


def role_names(user) -> set[str]:
    """The names of the user's groups, read once per request (kept on the user object)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, role: Role) -> bool:
    return role in role_names(user)


def is_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.COORDINATOR))


def is_trainee(user) -> bool:
    return has_role(user, Role.TRAINEE)


def is_staff_member(user) -> bool:
    """Staff sign in with e-mail and password (and MFA); trainees with a PIN."""
    return user.is_authenticated and (
        user.is_superuser or bool(role_names(user) & {str(r) for r in STAFF_ROLES})
    )
