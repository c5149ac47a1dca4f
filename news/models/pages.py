"""Page types of the portal's tree (DESIGN.md §2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The site's root page: lead story, latest news, blocs, announcements."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the portal's name."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class NewsIndexPage(Page):
    """A news listing ("Tin tức") or the announcements ("Thông báo")."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")


class BlocIndexPage(Page):
    """The directory of emulation blocs and clusters."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("bloc index")
        verbose_name_plural = _("bloc indexes")


class StandardPage(Page):
    """A plain page: about, contact."""

    body = RichTextField(_("body"), blank=True)

    search_fields = Page.search_fields + [index.SearchField("body")]
    content_panels = Page.content_panels + [FieldPanel("body")]
    parent_page_types = ["news.HomePage", "news.StandardPage"]
    subpage_types = ["news.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
