"""Articles: the page and the queries of the public lists (its activities, units
and tags are in article_parts.py)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from news import dates
from news.admin_review import review_panel
from news.blocks import ArticleBodyBlock
from news.forms import ArticleActivityFormSet, ArticlePageForm, CheckedInlinePanel
from news.preview_images import DeferredPreviewMixin

from .article_parts import ArticleActivity, ArticleOrganization, ArticlePageTag
from .article_search import ArticleSearchMixin
from .base import PortalPage, first_text
from .blocs import BlocPage, attach_blocs
from .images import PortalImage

# Newest first: the date in lists (ArticlePage.sort_date, news/dates.py), then
# first publication; "id" rather than "pk", which search results cannot be
# sorted by.
NEWEST_FIRST = ("-sort_date", "-first_published_at", "-id")

# The renditions of a card's cover, as the card template asks for them
# (news/includes/article_card.html): the spec strings must match exactly.
CARD_RENDITIONS = [
    f"fill-{size}|format-{fmt}"
    for size in ("400x267", "800x533")
    for fmt in ("webp", "jpeg")
]


class ArticlePageQuerySet(PageQuerySet):
    """The articles the public site lists, and the ways it narrows them."""

    def for_cards(self, renditions=CARD_RENDITIONS):
        """Live, public articles, newest first, with what a card shows: the
        cover's renditions and the activities with their kinds, so a list costs
        the same queries for 5 or 50 articles."""
        return self.live().public().with_card_parts(renditions).newest_first()

    def with_card_parts(self, renditions=CARD_RENDITIONS):
        """What a card shows besides the page's row, prefetched: the cover's
        renditions and the activities with their kinds."""
        covers = PortalImage.objects.prefetch_renditions(*renditions)
        activities = ArticleActivity.objects.select_related("event_kind").order_by(
            "sort_order"
        )
        return self.defer_streamfields().prefetch_related(
            Prefetch("cover", queryset=covers),
            Prefetch("activities", queryset=activities),
        )

    def newest_first(self):
        """By the date in lists, newest first (NEWEST_FIRST)."""
        return self.order_by(*NEWEST_FIRST)

    def of_kind(self, *kinds):
        """Articles with an activity of one of these event kinds (or their ids)."""
        activities = ArticleActivity.objects.filter(event_kind__in=kinds)
        return self.filter(pk__in=activities.values("page_id"))

    def in_year(self, year):
        """Articles with an activity of this emulation year."""
        activities = ArticleActivity.objects.filter(year=year)
        return self.filter(pk__in=activities.values("page_id"))

    def naming(self, unit):
        """Articles that name this unit, or that its staff wrote."""
        links = ArticleOrganization.objects.filter(organization=unit)
        return self.filter(Q(pk__in=links.values("page_id")) | Q(byline_unit=unit))


class ArticlePage(ArticleSearchMixin, DeferredPreviewMixin, PortalPage):
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
        help_text=_(
            "Publication date, else event date, else first publication; an "
            "undated imported article: 31 December of its earliest emulation year."
        ),
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

    # What the import left to check comes first, on the tab the editor works in.
    content_panels = [review_panel("needs_review", "review_notes")] + [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("cover"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                CheckedInlinePanel(
                    "activities",
                    formset=ArticleActivityFormSet,
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
    objects = PageManager.from_queryset(ArticlePageQuerySet)()
    parent_page_types = ["news.NewsIndexPage", "news.BlocPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(event_start=None)
                | models.Q(event_end=None)
                | models.Q(event_end__gte=models.F("event_start")),
                name="article_event_ends_after_it_starts",
                violation_error_message=_("The event cannot end before it starts."),
            )
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent().specific
        context["bloc"] = parent if isinstance(parent, BlocPage) else None
        activities = list(self.activities.select_related("event_kind"))
        context["activities"] = activities
        context["units"] = self.organizations.select_related("organization")
        # Related news: the bloc's other articles, else those of the same kinds.
        others = ArticlePage.objects.for_cards().exclude(pk=self.pk)
        if context["bloc"] is not None:
            others = others.child_of(parent)
        elif activities:
            others = others.of_kind(*[a.event_kind_id for a in activities])
        context["other_articles"] = attach_blocs(others[:5])
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
            self.sort_date = self.ordering_date
        return super().save(*args, **kwargs)

    @property
    def shown_date(self):
        """The date readers see; None: undated (news/dates.py)."""
        return dates.shown_date(self)

    @property
    def ordering_date(self):
        """The date lists order the article by (news/dates.py)."""
        return dates.ordering_date(self)

    def get_summary(self):
        return first_text(self.lead)

    def get_share_image(self):
        return self.cover

    def get_sitemap_urls(self, request=None):
        # The article's own dates (news/dates.py), never the day of an import.
        return [
            {"location": self.get_full_url(request), "lastmod": dates.modified_at(self)}
        ]

    def clean(self):
        super().clean()
        if self.event_start and self.event_end and self.event_end < self.event_start:
            raise ValidationError(
                {"event_end": _("The event cannot end before it starts.")}
            )
