"""Admin hooks of the import: the report "Articles to review"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from legacy.review import NeedsReviewReportView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/can-xem-lai/",
            NeedsReviewReportView.as_view(),
            name="news_needs_review",
        ),
        path(
            "reports/can-xem-lai/results/",
            NeedsReviewReportView.as_view(results_only=True),
            name="news_needs_review_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_needs_review_menu_item():
    return MenuItem(
        _("Articles to review"),
        reverse("news_needs_review"),
        icon_name="warning",
        order=50,
    )
