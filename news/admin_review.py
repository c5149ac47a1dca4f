"""The import review, as an editor works through it in the admin.

- ``ReviewPanel``: the "needs review" flag and the importer's notes, at the top
  of the content tab, only on pages the importer flagged.
- ``blocs_without_editors``: the blocs holding articles to review whose own
  editors' group is still empty (blocs the importer created), for the report.
- ``review_rows``: each row's moderation state and the workflow actions the
  user may take from the report.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

# The models are imported where used: news.models imports this module.

REVIEW_HELP = _(
    "The import could not find everything in the old article. Do what each "
    "line says, then untick “needs review” and save: the article leaves the "
    "report “Articles to review”."
)


class ReviewPanel(MultiFieldPanel):
    """A group of panels shown only while the page is flagged or has notes."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        def is_shown(self):
            instance = self.instance
            flagged = getattr(instance, "needs_review", False) or getattr(
                instance, "review_notes", ""
            )
            return bool(flagged) and super().is_shown()


def review_panel(*fields):
    return ReviewPanel(
        [FieldPanel(name) for name in fields],
        heading=_("To review after the import"),
        help_text=REVIEW_HELP,
        classname="news-review",
    )


def bloc_editor_group(bloc):
    """The bloc's own editors: the group with "add" on exactly this page and
    not "publish" (news/permissions.py ensure_bloc_groups)."""
    from django.contrib.auth.models import Group

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
    from news.models import ArticlePage, BlocPage

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
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, WorkflowState

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
