"""Page types of the portal's tree (DESIGN.md §2): home, news lists and plain
pages. Blocs are in blocs.py, articles in articles.py."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from news.forms import PortalPageForm

from .articles import ArticleActivity
from .blocs import BlocPage


class HomePage(Page):
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

    def get_context(self, request, *args, **kwargs):
        from news import listing
        from news.models.snippets import EventKind

        context = super().get_context(request, *args, **kwargs)
        latest = listing.attach_blocs(listing.articles()[:7])
        context["lead_article"] = latest[0] if latest else None
        context["latest_articles"] = latest[1:]
        kinds = {
            k.code: k for k in EventKind.objects.filter(code__in=self.featured_kinds)
        }
        sections = []
        for code in self.featured_kinds:
            if code in kinds:
                kind_articles = listing.articles().filter(
                    pk__in=ArticleActivity.objects.filter(
                        event_kind=kinds[code]
                    ).values("page_id")
                )[:3]
                sections.append((kinds[code], list(kind_articles)))
        context["kind_sections"] = [(k, a) for k, a in sections if a]
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
        context["announcements"] = list(notices.get_articles()[:5]) if notices else []
        context["blocs"] = BlocPage.objects.live().public().order_by("title")
        return context


class NewsIndexPage(Page):
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

    def get_articles(self):
        from news import listing

        articles = listing.articles()
        if self.event_kind_id:
            articles = articles.filter(
                pk__in=ArticleActivity.objects.filter(
                    event_kind=self.event_kind_id
                ).values("page_id")
            )
        return articles

    def get_context(self, request, *args, **kwargs):
        from news import listing

        context = super().get_context(request, *args, **kwargs)
        context.update(listing.filtered_page(request, self.get_articles()))
        return context


class StandardPage(Page):
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
