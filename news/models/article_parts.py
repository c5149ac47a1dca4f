"""The parts of an article kept in tables of their own: its activities, the
units it names and its tags (ArticlePage is in articles.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldRowPanel
from wagtail.models import Orderable

from .records import validate_emulation_year


class ArticlePageTag(TaggedItemBase):
    """The tags of an article."""

    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticleActivity(Orderable):
    """One activity an article reports: an event kind for an emulation year."""

    page = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="activities"
    )
    event_kind = models.ForeignKey(
        "news.EventKind",
        verbose_name=_("event kind"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    year = models.PositiveSmallIntegerField(
        _("emulation year"), validators=[validate_emulation_year]
    )

    panels = [FieldRowPanel(["event_kind", "year"])]

    class Meta(Orderable.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "event_kind", "year"],
                name="unique_article_activity",
                violation_error_message=_("This activity is already listed."),
            )
        ]

    def __str__(self):
        return f"{self.event_kind} {self.year}"


class ArticleOrganization(Orderable):
    """A unit an article names, with its part in the news."""

    class Role(models.TextChoices):
        HOST = "host", _("host")
        VENUE = "venue", _("venue")
        PARTICIPANT = "participant", _("participant")
        SUPERVISOR = "supervisor", _("supervisor")
        MENTIONED = "mentioned", _("mentioned")
        AUTHOR_UNIT = "author_unit", _("author's unit")

    page = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="organizations"
    )
    organization = models.ForeignKey(
        "news.Organization",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="article_links",
    )
    role = models.CharField(
        _("role in the news"),
        max_length=20,
        choices=Role.choices,
        default=Role.PARTICIPANT,
    )

    panels = [FieldRowPanel(["organization", "role"])]

    class Meta(Orderable.Meta):
        verbose_name = _("unit in the news")
        verbose_name_plural = _("units in the news")

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"
