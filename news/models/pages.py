"""Page types of the portal's tree that list articles, and plain pages: the
home page, the news lists, the list of blocs with its units' pages, and the
standard page. A bloc is in blocs.py, an article in articles.py; the lists'
filters and pagination are news/listing.py."""

from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from news.forms import PortalPageForm
from news.listing import filtered_page

from .articles import ArticlePage
from .base import PortalPage, first_text, rich_text_summary
from .blocs import BlocPage, attach_blocs
from .records import Award, BlocMembership
from .vocabularies import EventKind, Organization


class HomePage(PortalPage):
    """The site's root page: lead story, latest news, blocs, announcements."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the portal's name."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    base_form_class = PortalPageForm
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "news.BlocIndexPage", "news.StandardPage"]
    max_count = 1

    #: Event kinds with a box of their own on the home page, in this order.
    featured_kinds = ["tong_ket", "ky_ket_giao_uoc", "giao_luu_the_thao_van_nghe"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_summary(self):
        return first_text(self.intro)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kinds = {
            k.code: k for k in EventKind.objects.filter(code__in=self.featured_kinds)
        }
        context["news_index"] = (
            NewsIndexPage.objects.child_of(self)
            .live()
            .filter(event_kind__isnull=True)
            .first()
        )
        notices = (
            NewsIndexPage.objects.child_of(self)
            .live()
            .filter(event_kind__isnull=False)
            .first()
        )
        context["announcements_index"] = notices

        # Each box asks only for the ids of its articles (the view restrictions
        # read once), then one query fetches every card with what it shows: five
        # boxes cost one fetch, not five.
        listed = ArticlePage.objects.live().public().newest_first()
        boxes = {"latest": listed[:7]}
        for code in self.featured_kinds:
            if code in kinds:
                boxes[code] = listed.of_kind(kinds[code])[:3]
        if notices:
            # The articles of the announcements' list (NewsIndexPage.get_articles).
            boxes["notices"] = listed.of_kind(notices.event_kind_id)[:5]
        ids = {
            name: list(qs.values_list("pk", flat=True)) for name, qs in boxes.items()
        }
        wanted = {pk for box_ids in ids.values() for pk in box_ids}
        cards = ArticlePage.objects.filter(pk__in=wanted).with_card_parts()
        cards = {card.pk: card for card in attach_blocs(cards)}

        def box(name):
            return [cards[pk] for pk in ids.get(name, ()) if pk in cards]

        latest = box("latest")
        context["lead_article"] = latest[0] if latest else None
        context["latest_articles"] = latest[1:]
        sections = [
            (kinds[code], box(code)) for code in self.featured_kinds if code in kinds
        ]
        context["kind_sections"] = [(k, a) for k, a in sections if a]
        context["announcements"] = box("notices")
        context["blocs"] = BlocPage.objects.live().public().order_by("title")
        return context


class NewsIndexPage(PortalPage):
    """A news listing of every article on the site ("Tin tức"), or of one
    event kind only ("Thông báo" lists the announcements)."""

    intro = models.TextField(_("introduction"), blank=True)
    event_kind = models.ForeignKey(
        "news.EventKind",
        verbose_name=_("only this event kind"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: every article of the site."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("event_kind"),
    ]
    base_form_class = PortalPageForm
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_summary(self):
        return first_text(self.intro)

    def get_articles(self):
        articles = ArticlePage.objects.for_cards()
        if self.event_kind_id:
            articles = articles.of_kind(self.event_kind_id)
        return articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_page(request, self.get_articles()))
        return context


class BlocIndexPage(RoutablePageMixin, PortalPage):
    """The directory of emulation blocs and clusters, and the units' pages
    (``don-vi/<slug>/``)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    base_form_class = PortalPageForm
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.BlocPage"]
    max_count = 1

    class Meta:
        verbose_name = _("bloc index")
        verbose_name_plural = _("bloc indexes")

    def get_summary(self):
        return first_text(self.intro)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        blocs = (
            BlocPage.objects.child_of(self)
            .live()
            .public()
            .select_related("organiser", "province")
            .order_by("level", "title")
        )
        levels = dict(BlocPage.Level.choices)
        groups = {}
        for bloc in blocs:
            groups.setdefault(bloc.level, []).append(bloc)
        context["bloc_groups"] = [
            (levels[level], items) for level, items in groups.items()
        ]
        return context

    @path("don-vi/<slug:slug>/", name="unit")
    def unit(self, request, slug):
        """A unit's page: its blocs and roles by year, awards, news naming it."""
        unit = get_object_or_404(
            Organization.objects.select_related("province", "province__merged_into"),
            slug=slug,
        )
        memberships = (
            BlocMembership.objects.filter(organization=unit)
            .select_related("bloc_year__bloc")
            .order_by("-bloc_year__year", "bloc_year__bloc__title")
        )
        awards = (
            Award.objects.filter(recipient_organization=unit)
            .select_related("award_type", "bloc_year__bloc")
            .order_by("-bloc_year__year", "award_type__sort_order")
        )
        news = ArticlePage.objects.for_cards().naming(unit)
        context = {
            "unit": unit,
            "breadcrumbs": [*self.breadcrumbs, self],
            "memberships": memberships,
            "awards": awards,
            **filtered_page(request, news),
        }
        return self.render(
            request,
            context_overrides=context,
            template="news/unit_page.html",
        )

    def bloc_news(self, request, bloc):
        """The context of a bloc's filtered, paginated list of news."""
        return filtered_page(
            request, ArticlePage.objects.for_cards().descendant_of(bloc)
        )


class StandardPage(PortalPage):
    """A plain page: about, contact."""

    body = RichTextField(_("body"), blank=True)

    search_fields = Page.search_fields + [index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("body")]
    base_form_class = PortalPageForm
    parent_page_types = ["news.HomePage", "news.StandardPage"]
    subpage_types = ["news.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_summary(self):
        return rich_text_summary(self.body)
