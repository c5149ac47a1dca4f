"""The import review report, "Articles to review": imported articles with
facts the old text did not state, each row with its moderation state and the
workflow actions the user may take there, and the blocs whose editors' group
is still empty (blocs the importer created)."""

import datetime

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, WorkflowState

from news.models import ArticlePage, BlocPage


def bloc_editor_group(bloc):
    """The bloc's own editors: the group with "add" on exactly this page and
    not "publish" (news/permissions.py ensure_bloc_groups)."""
    return (
        Group.objects.filter(
            page_permissions__page=bloc,
            page_permissions__permission__codename="add_page",
        )
        .exclude(
            page_permissions__page=bloc,
            page_permissions__permission__codename="publish_page",
        )
        .order_by("pk")
        .first()
    )


def blocs_without_editors(articles):
    """(bloc, its editors' group) for the blocs holding these articles whose
    editors' group has nobody in it (or that have none)."""
    paths = {
        path[: -ArticlePage.steplen] for path in articles.values_list("path", flat=True)
    }
    result = []
    for bloc in BlocPage.objects.filter(path__in=paths).order_by("title"):
        group = bloc_editor_group(bloc)
        if group is None or not group.user_set.filter(is_active=True).exists():
            result.append((bloc, group))
    return result


def review_rows(pages, user):
    """Attach to each page its workflow state in progress
    (``workflow_state_in_progress``), its current task's state
    (``workflow_task_state``) and the actions this user may take on that task
    (``workflow_actions``: name, label, whether it asks for a comment), as
    Wagtail's dashboard panel "Awaiting your review" does."""
    page_type = ContentType.objects.get_for_model(Page)
    states = {
        state.object_id: state
        for state in WorkflowState.objects.active()
        .filter(
            base_content_type=page_type,
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state__task", "workflow")
    }
    tasks = {}  # one specific task per task, not a query per row
    for page in pages:
        state = states.get(str(page.pk))
        page.workflow_state_in_progress = state
        page.workflow_actions = []
        task_state = state.current_task_state if state else None
        if task_state is not None:
            page.workflow_task_state = task_state
            if task_state.task_id not in tasks:
                tasks[task_state.task_id] = task_state.task.specific
            task = tasks[task_state.task_id]
            actions = task.get_actions(page, user)
            # "Approve" first, the ones asking for a comment after.
            page.workflow_actions = sorted(
                actions, key=lambda action: (action[0] != "approve", action[2])
            )
    return pages


class NeedsReviewReportView(PageReportView):
    """Imported articles with facts the old text did not state."""

    page_title = _("Articles to review")
    header_icon = "warning"
    index_url_name = "news_needs_review"
    index_results_url_name = "news_needs_review_results"
    results_template_name = "legacy/needs_review_results.html"
    permission_required = "change"
    list_export = [*PageReportView.list_export, "review_notes"]
    export_headings = {**PageReportView.export_headings, "review_notes": _("To check")}

    def decorate_paginated_queryset(self, object_list):
        # Each row's moderation state and the actions the user may take there.
        return review_rows(list(object_list), self.request.user)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        # Who adds people to groups learns which blocs have no editor yet
        # (blocs the importer created): only administrators and the
        # site-wide groups reach their articles until then.
        if self.request.user.has_perm("auth.change_user"):
            context["blocs_without_editors"] = blocs_without_editors(
                self.get_queryset()
            )
        return context

    def get_filename(self):
        return f"bai-viet-can-xem-lai-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = (
            ArticlePage.objects.filter(needs_review=True, pk__in=editable.values("pk"))
            .select_related("content_type")
            .order_by("-latest_revision_created_at", "-pk")
        )
        return super().get_queryset()
