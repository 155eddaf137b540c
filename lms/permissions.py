"""The shape of every access policy of the platform: actions granted by role, rows by scope.

Each model that holds trainee data has one policy (``<app>/permissions.py``), a Wagtail
permission policy, so the same object answers Wagtail's generic views, our own views, the
dashboard, exports and background jobs: "may this user do this to that row?" and "which rows
may this user do this to?". A list and a detail page asking the same policy cannot disagree.

Decisions come from the user's role (lms/roles.py), never from Django's model permissions:
a model-level "view" permission granted for one screen would silently open every row in
another. This module names no app; subclasses say which roles may do what and how a role's
rows are found.
"""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from lms.roles import Role, is_coordinator, role_names


class RolePermissionPolicy(ModelPermissionPolicy):
    """A policy whose actions are granted by role and whose rows are scoped per role.

    ``actions_by_role`` maps a role to the actions it may take; coordinators (and superusers)
    take theirs on every row, any other role only on the rows ``scoped`` returns for it.
    """

    actions_by_role: dict[Role, frozenset[str]] = {}

    def roles_of(self, user) -> list[Role]:
        if not user.is_authenticated or not user.is_active:
            return []
        roles = [Role(name) for name in role_names(user) if name in Role.values]
        if is_coordinator(user) and Role.COORDINATOR not in roles:
            roles.append(Role.COORDINATOR)
        return roles

    def _roles_for(self, user, actions: Iterable[str]) -> list[Role]:
        wanted = set(actions)
        return [
            role for role in self.roles_of(user) if wanted & self.actions_by_role.get(role, set())
        ]

    def scoped(self, user, role: Role, queryset: QuerySet) -> QuerySet:
        """The rows of ``queryset`` that ``user``, acting as ``role``, may act on.

        Coordinators see every row unless a subclass says otherwise.
        """
        if role == Role.COORDINATOR:
            return queryset
        return queryset.none()

    # Model-level questions: "may this user do this to some row?"

    def user_has_permission(self, user, action):
        return bool(self._roles_for(user, [action]))

    def user_has_any_permission(self, user, actions):
        return bool(self._roles_for(user, actions))

    def users_with_any_permission(self, actions):
        roles = [role for role, granted in self.actions_by_role.items() if set(actions) & granted]
        users = get_user_model().objects.filter(is_active=True)
        query = Q(groups__name__in=[role.value for role in roles])
        if Role.COORDINATOR in roles:
            query |= Q(is_superuser=True)
        return users.filter(query).distinct()

    # Row-level questions: "may this user do this to that row?" and "to which rows?"

    def instances_user_has_any_permission_for(self, user, actions):
        rows = self.model._default_manager.all()
        roles = self._roles_for(user, actions)
        if not roles:
            return rows.none()
        if Role.COORDINATOR in roles:
            return self.scoped(user, Role.COORDINATOR, rows)
        if len(roles) == 1:
            return self.scoped(user, roles[0], rows)
        scoped = [self.scoped(user, role, rows).values("pk") for role in roles]
        query = Q()
        for pks in scoped:
            query |= Q(pk__in=pks)
        return rows.filter(query)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        return get_user_model().objects.filter(
            pk__in=[
                user.pk
                for user in self.users_with_any_permission(actions)
                if self.user_has_any_permission_for_instance(user, actions, instance)
            ]
        )
