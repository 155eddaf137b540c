"""Create the role groups with the permissions each role needs (after every migrate).

Trainee data (cohorts, trainees, enrolments, results, the audit log) carries no Django model
permission at all: the access policies (``<app>/permissions.py``) decide from the role. What
is left here opens Wagtail itself (the admin, pages, images, documents, snippets) to a role.
"""

from django.contrib.auth.models import Group, Permission

from lms.roles import Role

MODEL_PERMISSIONS = {
    Role.TRAINEE: [],
    Role.TRAINER: ["wagtailadmin.access_admin"],
    Role.COORDINATOR: ["wagtailadmin.access_admin", "content.view_orientationpoint"],
    Role.EDITOR: [
        "wagtailadmin.access_admin",
        "content.add_orientationpoint",
        "content.change_orientationpoint",
        "content.delete_orientationpoint",
        "content.view_orientationpoint",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "courses.add_assessment",
        "courses.change_assessment",
        "courses.delete_assessment",
        "courses.view_assessment",
    ],
}

# Editors manage the whole page tree.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def _permission(dotted: str) -> Permission | None:
    app_label, codename = dotted.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def ensure_groups(sender=None, **kwargs) -> None:
    from django.apps import apps
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not None and sender is not with_models[-1]:
        return
    for role, dotted_names in MODEL_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = [p for p in map(_permission, dotted_names) if p is not None]
        group.permissions.set(wanted)

    editors = Group.objects.get(name=Role.EDITOR.value)
    root = Page.get_first_root_node()
    if root is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = _permission(f"wagtailcore.{codename}")
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=editors, page=root, permission=permission
                )
    collection = Collection.get_first_root_node()
    if collection is not None:
        for dotted in MODEL_PERMISSIONS[Role.EDITOR]:
            if dotted.startswith(("wagtailimages.", "wagtaildocs.")):
                permission = _permission(dotted)
                if permission:
                    GroupCollectionPermission.objects.get_or_create(
                        group=editors, collection=collection, permission=permission
                    )
