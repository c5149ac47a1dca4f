"""Admin reports of the portal."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView

from news.admin_review import blocs_without_editors, review_rows
from news.models import ArticlePage


class NeedsReviewReportView(PageReportView):
    """Imported articles with facts the old text did not state."""

    page_title = _("Articles to review")
    header_icon = "warning"
    index_url_name = "news_needs_review"
    index_results_url_name = "news_needs_review_results"
    results_template_name = "news/admin/needs_review_results.html"
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
