"""The import review on the article's edit page: the "needs review" flag and
the importer's notes, at the top of the content tab, only on pages the importer
flagged. The report listing them is legacy/review.py."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

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
