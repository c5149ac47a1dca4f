"""Articles: the page, its activities, units and tags."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from news.admin_review import review_panel
from news.blocks import ArticleBodyBlock
from news.forms import ArticlePageForm
from news.preview_images import DeferredPreviewMixin

from .blocs import BlocPage
from .snippets import validate_emulation_year


class ArticlePageTag(TaggedItemBase):
    """The tags of an article."""

    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def _with_related(manager, field):
    """``manager.all()``, joined to ``field`` unless it was prefetched (or is a
    modelcluster relation held in memory, as in a preview or a publish)."""
    items = manager.all()
    if getattr(items, "_result_cache", None) is None and hasattr(items, "query"):
        items = items.select_related(field)
    return items


class ArticlePage(DeferredPreviewMixin, Page):
    """A news article about one or more events of a bloc."""

    date = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_(
            "The date shown with the article. Empty for an old article "
            "whose date is unknown: lists then use the event date."
        ),
    )
    lead = models.TextField(
        _("lead"), help_text=_("Two or three plain sentences that sum the news up.")
    )
    cover = models.ForeignKey(
        "news.PortalImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and when the article is shared."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    event_start = models.DateField(_("event start"), null=True, blank=True)
    event_end = models.DateField(
        _("event end"),
        null=True,
        blank=True,
        help_text=_("Only for an event of several days."),
    )
    venue = models.CharField(
        _("venue"), max_length=255, blank=True, help_text=_("Where the event was held.")
    )
    byline_person = models.CharField(
        _("author"), max_length=200, blank=True, help_text=_("The writer's name.")
    )
    byline_unit = models.ForeignKey(
        "news.Organization",
        verbose_name=_("author's unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authored_articles",
    )
    awards = ParentalManyToManyField(
        "news.Award",
        verbose_name=_("awards reported"),
        blank=True,
        related_name="articles",
        help_text=_("Awards proposed, decided or presented in this news."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=ArticlePageTag,
        blank=True,
        help_text=_("Keywords separated by commas, e.g. “giao ước, thể thao”."),
    )
    source_portal = models.CharField(
        _("source portal"),
        max_length=200,
        blank=True,
        help_text=_("The old portal an imported article comes from."),
    )
    source_url = models.URLField(_("original address"), max_length=1000, blank=True)
    import_key = models.CharField(
        _("import key"),
        max_length=1000,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("The original address, or the old portal and file it came from."),
    )
    import_checksum = models.CharField(
        _("import checksum"),
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Identifies the imported file, so a re-import updates this page."),
    )
    section = models.CharField(
        _("section"),
        max_length=100,
        blank=True,
        help_text=_("The old portal's section label, e.g. “Tin trong tỉnh”."),
    )
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Imported with facts missing: an editor should check it."),
    )
    sort_date = models.DateField(
        _("date in lists"),
        null=True,
        editable=False,
        db_index=True,
        help_text=_("Publication date, else event date, else first publication."),
    )
    review_notes = models.TextField(
        _("what to check"),
        blank=True,
        help_text=_("What the importer could not find in the old article."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("byline_person"),
        index.SearchField("venue"),
        index.SearchField("search_context"),
        index.FilterField("date"),
        index.FilterField("sort_date"),
        index.FilterField("needs_review"),
    ]

    def search_context(self):
        """What the search index knows of the article besides its own text: the
        names and aliases of its bloc, of the units it names and of its author's
        unit, its event kinds and its tags. A citizen who searches a bloc's or a
        unit's other name finds its news."""
        parts = []
        bloc = BlocPage.objects.filter(
            path=self.path[: -self.steplen], depth=self.depth - 1
        ).first()
        if bloc is not None:
            parts += [bloc.title, bloc.short_name, *bloc.alias_list]
        links = _with_related(self.organizations, "organization")
        units = [link.organization for link in links]
        if self.byline_unit_id:
            units.append(self.byline_unit)
        for unit in units:
            parts += [unit.name, unit.short_name, *unit.alias_list]
        activities = _with_related(self.activities, "event_kind")
        parts += [activity.event_kind.name for activity in activities]
        parts += [tag.name for tag in self.tags.all()]
        return "\n".join(part for part in parts if part)

    @classmethod
    def get_indexed_objects(cls):
        """What update_index and reindex_articles read, with the relations
        search_context needs, so a batch costs a few queries, not a few per page."""
        return (
            super()
            .get_indexed_objects()
            .select_related("byline_unit")
            .prefetch_related(
                "organizations__organization", "activities__event_kind", "tags"
            )
            .order_by("pk")
        )

    # What the import left to check comes first, on the tab the editor works in.
    content_panels = [review_panel("needs_review", "review_notes")] + [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("cover"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel(
                    "activities",
                    label=_("activity"),
                    min_num=0,
                    help_text=_(
                        "What happened, and for which emulation year: a review "
                        "of 2018 and a pact for 2019 are two activities."
                    ),
                ),
                FieldRowPanel(["event_start", "event_end"]),
                FieldPanel("venue"),
            ],
            heading=_("Event"),
        ),
        InlinePanel("organizations", heading=_("Units in the news"), label=_("unit")),
        MultiFieldPanel(
            [FieldRowPanel(["byline_person", "byline_unit"])], heading=_("Byline")
        ),
        FieldPanel("awards", widget=forms.SelectMultiple(attrs={"size": 6})),
        FieldPanel("tags"),
    ]
    provenance_panels = [
        MultiFieldPanel(
            [
                FieldPanel("source_portal"),
                FieldPanel("source_url"),
                FieldPanel("section"),
            ],
            heading=_("Import"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels + provenance_panels, heading=_("Settings")),
        ]
    )
    base_form_class = ArticlePageForm
    parent_page_types = ["news.NewsIndexPage", "news.BlocPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def get_context(self, request, *args, **kwargs):
        from news import listing

        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent().specific
        context["bloc"] = parent if isinstance(parent, BlocPage) else None
        context["breadcrumbs"] = self.get_ancestors().live().filter(depth__gt=1)
        activities = list(self.activities.select_related("event_kind"))
        context["activities"] = activities
        context["units"] = self.organizations.select_related("organization")
        others = listing.articles().exclude(pk=self.pk)
        if context["bloc"] is not None:
            others = others.child_of(parent)
        elif activities:
            others = others.filter(
                pk__in=ArticleActivity.objects.filter(
                    event_kind__in=[a.event_kind_id for a in activities]
                ).values("page_id")
            )
        context["other_articles"] = listing.attach_blocs(others[:5])
        return context

    def save_revision(self, *args, **kwargs):
        revision = super().save_revision(*args, **kwargs)
        # The review flag and notes are the editors' to-do list, not content:
        # a draft saved with the flag cleared leaves the report at once, as
        # the report reads the page's row, which a draft does not change.
        if self.pk:
            ArticlePage.objects.filter(pk=self.pk).update(
                needs_review=self.needs_review, review_notes=self.review_notes
            )
        return revision

    def save(self, *args, **kwargs):
        # Only a full save (creation, publication) moves the article in lists;
        # saving a draft revision (update_fields) must not.
        if kwargs.get("update_fields") is None:
            self.sort_date = self.display_date
        return super().save(*args, **kwargs)

    @property
    def shown_date(self):
        """The date readers see: never the day an old article was imported."""
        if self.date or self.event_start or not self.import_key:
            return self.display_date
        return None

    @property
    def display_date(self):
        """The date to show: publication, else event, else first publication."""
        if self.date:
            return self.date
        if self.event_start:
            return self.event_start
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        return None

    def clean(self):
        super().clean()
        if self.event_start and self.event_end and self.event_end < self.event_start:
            raise ValidationError(
                {"event_end": _("The event cannot end before it starts.")}
            )


class ArticleActivity(Orderable):
    """One activity an article reports: an event kind for an emulation year."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="activities")
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
        ArticlePage, on_delete=models.CASCADE, related_name="organizations"
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
