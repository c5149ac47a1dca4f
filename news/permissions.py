"""Editors' and moderators' groups, page permissions and moderation workflows.

Two site-wide groups (Biên tập viên, Kiểm duyệt viên) cover the whole site, and
every bloc gets its own pair whose page permissions stop at the bloc's subtree.
Articles under a bloc go through that bloc's workflow; the rest of the site goes
through the site-wide one. Everything here is idempotent.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "choose_image"],
    "wagtaildocs": ["add_document", "choose_document"],
}
MODERATOR_COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
# Snippets the article form chooses from: bloc groups may see them, not change them.
SNIPPET_VIEW_PERMISSIONS = [
    ("news", "view_organization"),
    ("news", "view_eventkind"),
    ("news", "view_awardtype"),
    ("news", "view_province"),
    ("news", "view_blocyear"),
]
MAX_GROUP_NAME = 150


def site_editor_group_name():
    return _("Editors")


def site_moderator_group_name():
    return _("Moderators")


def bloc_editor_group_name(bloc):
    return (_("Editors – %(bloc)s") % {"bloc": bloc.title})[:MAX_GROUP_NAME]


def bloc_moderator_group_name(bloc):
    return (_("Moderators – %(bloc)s") % {"bloc": bloc.title})[:MAX_GROUP_NAME]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_common_permissions(group, collection_permissions, collection=None):
    """Admin access, a look at the snippets, and rights on a collection of
    images and documents (the root one, i.e. all, by default). Everyone may
    choose any image: changing one is limited to the collection."""
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        *(_permission(app, codename) for app, codename in SNIPPET_VIEW_PERMISSIONS),
    )
    root = Collection.get_first_root_node()
    grants = [
        (root, "wagtailimages", "choose_image"),
        (root, "wagtaildocs", "choose_document"),
    ]
    grants += [
        (collection or root, app_label, codename)
        for app_label, codenames in collection_permissions.items()
        for codename in codenames
    ]
    for where, app_label, codename in grants:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=where, permission=_permission(app_label, codename)
        )


def bloc_collection(bloc, editors):
    """The bloc's own collection of images and documents, where its people
    upload and which only they (and the site-wide groups) may change."""
    held = GroupCollectionPermission.objects.filter(
        group=editors, permission__codename="add_image"
    ).exclude(collection__depth=1)
    if held.exists():
        return held.first().collection
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=bloc.title[:255]).first()
    return existing or root.add_child(name=bloc.title[:255])


def _group_holding(page, codename, fallback_name):
    """The group with this permission on exactly this page, else one by name.

    Finding it through its permission keeps the link when a bloc is renamed.
    """
    existing = (
        Group.objects.filter(
            page_permissions__page=page,
            page_permissions__permission__codename=codename,
        )
        .order_by("pk")
        .first()
    )
    if existing:
        return existing
    group, _created = Group.objects.get_or_create(name=fallback_name)
    return group


def _ensure_workflow(page, name, groups):
    """The page's approval workflow; a new one-task workflow if it has none."""
    workflow_page = (
        WorkflowPage.objects.filter(page=page).select_related("workflow").first()
    )
    if workflow_page:
        workflow = workflow_page.workflow
    else:
        workflow = Workflow.objects.create(name=name)
        WorkflowPage.objects.create(page=page, workflow=workflow)
    tasks = list(GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow))
    if not tasks:
        task = GroupApprovalTask.objects.create(name=name)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        tasks = [task]
    for task in tasks:
        task.groups.add(*groups)
    return workflow


def _renamed_or_created(old_name, new_name):
    group = Group.objects.filter(name=new_name).first()
    if group:
        return group
    group = Group.objects.filter(name=old_name).first()
    if group:
        group.name = new_name
        group.save(update_fields=["name"])
        return group
    return Group.objects.create(name=new_name)


@transaction.atomic
def ensure_site_groups():
    """The site-wide editors and moderators, with the site-wide workflow.

    Wagtail's own "Editors" and "Moderators" groups (permissions on the whole
    tree) are renamed rather than duplicated.
    """
    root = Page.get_first_root_node()
    editors = _renamed_or_created("Editors", site_editor_group_name())
    moderators = _renamed_or_created("Moderators", site_moderator_group_name())
    _grant_page_permissions(editors, root, EDITOR_PAGE_PERMISSIONS)
    _grant_page_permissions(moderators, root, MODERATOR_PAGE_PERMISSIONS)
    _grant_common_permissions(editors, EDITOR_COLLECTION_PERMISSIONS)
    _grant_common_permissions(moderators, MODERATOR_COLLECTION_PERMISSIONS)
    workflow = _ensure_workflow(root, _("Moderation"), [moderators])
    # Wagtail's default workflow and task carry an English name: translate it.
    for item in [
        workflow,
        *GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow),
    ]:
        if item.name == "Moderators approval":
            item.name = _("Moderation")
            item.save(update_fields=["name"])
    return editors, moderators


@transaction.atomic
def ensure_bloc_groups(bloc):
    """A bloc's own editors and moderators, limited to its subtree."""
    _site_editors, site_moderators = ensure_site_groups()
    editors = _group_holding(bloc, "add_page", bloc_editor_group_name(bloc))
    moderators = _group_holding(bloc, "publish_page", bloc_moderator_group_name(bloc))
    if editors == moderators:  # an admin merged them by hand: keep two roles apart
        editors, _created = Group.objects.get_or_create(
            name=bloc_editor_group_name(bloc)
        )
    _grant_page_permissions(editors, bloc, EDITOR_PAGE_PERMISSIONS)
    _grant_page_permissions(moderators, bloc, MODERATOR_PAGE_PERMISSIONS)
    collection = bloc_collection(bloc, editors)
    _grant_common_permissions(editors, EDITOR_COLLECTION_PERMISSIONS, collection)
    _grant_common_permissions(moderators, MODERATOR_COLLECTION_PERMISSIONS, collection)
    workflow_name = (_("Moderation – %(bloc)s") % {"bloc": bloc.title})[:255]
    _ensure_workflow(bloc, workflow_name, [moderators, site_moderators])
    return editors, moderators
