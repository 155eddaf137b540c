"""Staff accounts: every change of state about them, one transaction and one audit entry each.

Coordinators invite staff (the person then chooses a password from an e-mailed link); the demo
loader creates its demo staff through ``create_staff`` too.
"""

from collections.abc import Callable

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.db import transaction
from django_q.tasks import async_task

from lms import audit
from lms.roles import Role


@transaction.atomic
def create_staff(
    *,
    by,
    email: str,
    first_name: str,
    last_name: str,
    role: Role,
    password: str | None = None,
) -> AbstractUser:
    """A staff account signing in with ``email``; without a password until one is chosen."""
    User = get_user_model()
    user = User(username=email, email=email, first_name=first_name, last_name=last_name)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=role.value))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    audit.record(by, audit.Action.CREATED, user, role=role.value)
    return user


@transaction.atomic
def invite_staff(
    *,
    by,
    email: str,
    first_name: str,
    last_name: str,
    role: Role,
    message: Callable[[AbstractUser, Role], tuple[str, str]],
) -> AbstractUser:
    """Create a staff account and e-mail its set-password link (``message`` writes the mail).

    The mail is sent by a worker once the account is committed: a mail server that is down
    must not undo the account (the person can still ask for a new link with "Mot de passe
    oublié ?").
    """
    user = create_staff(by=by, email=email, first_name=first_name, last_name=last_name, role=role)
    audit.record(by, audit.Action.INVITED, user, role=role.value)
    subject, body = message(user, role)
    transaction.on_commit(lambda: async_task("lms.tasks.send_invitation", user.pk, subject, body))
    return user
