"""What every page of the portal shares, asked by its templates and by the
metadata code (news/seo/) rather than guessed there."""

from django.utils.functional import cached_property
from wagtail.models import Page

from news.text import clean, html_to_text


class PortalPage(Page):
    """A page of the portal: its breadcrumb, description and shared picture.

    Methods only, no fields: an abstract page adds no table and no migration.
    """

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = self.breadcrumbs
        return context

    @cached_property
    def breadcrumbs(self):
        """The live pages above this one, from the home page down; the tree's
        root, which no reader sees, is left out. The visible breadcrumb
        (news/includes/breadcrumb.html) and the JSON-LD BreadcrumbList both
        read ``breadcrumbs`` from the page's context, which holds this list
        (a routed view adds its own page, see ``BlocIndexPage.unit``)."""
        if self.depth <= 2:  # the home page has nothing above it
            return []
        return list(self.get_ancestors().live().filter(depth__gt=1))

    def get_summary(self):
        """The page's own words about itself, as plain text or "": its
        introduction, lead or body, each page type saying which."""
        return ""

    def get_description(self):
        """What search engines and shares show: the editor's search
        description, else the page's summary."""
        if clean(self.search_description):
            return self.search_description
        return self.get_summary()

    def get_share_image(self):
        """The picture the page is shared with, or None for the portal's
        default picture."""
        return None


def first_text(*texts):
    """The first of plain ``texts`` with words in it, else ""."""
    return next((text for text in texts if clean(text)), "")


def rich_text_summary(html):
    """Rich text (HTML) as plain text for a summary."""
    return html_to_text(html) if isinstance(html, str) else ""
