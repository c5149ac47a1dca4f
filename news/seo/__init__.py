"""Search-engine and social metadata of the public pages.

``page_metadata`` gathers what a page's ``<head>`` says about it: title,
description, canonical URL, OpenGraph and Twitter card, and a JSON-LD graph
(``NewsArticle`` on articles, ``BreadcrumbList`` below the home page,
``WebSite`` on the home page). templates/base.html asks for it through
``{% page_metadata %}`` (news/templatetags/seo_tags.py) and
templates/includes/meta.html prints it.

Canonical URLs are absolute, from the Wagtail Site of the page; lists keep
their valid filters and page number (news/seo/lists.py). What a page says of
itself (its breadcrumb, description and shared picture) the page tells
(news/models/base.py); an article's dates are news/dates.py.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site
from willow.image import UnrecognisedImageFormatError

from news import dates
from news.models import ArticlePage, HomePage, PortalSettings
from news.models.base import PortalPage
from news.text import clean, html_to_text

from .lists import feed_kind, list_qualifiers, list_query, routed_path
from .structured_data import breadcrumb_list, news_article, script_json, website

logger = logging.getLogger(__name__)

__all__ = ["Metadata", "ShareImage", "feed_kind", "page_metadata"]

DESCRIPTION_LENGTH = 160
HEADLINE_LENGTH = 110  # Google's limit for a NewsArticle headline
# The shared picture: 1.91:1, what Facebook, Zalo and X crop to.
SHARE_RENDITION = "fill-1200x630|format-jpeg"
# Facebook and Zalo show no picture smaller than this on either side.
MIN_SHARE_SIZE = 200
# Google asks for wide, 4:3 and square pictures of an article.
ARTICLE_RENDITIONS = [
    SHARE_RENDITION,
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
]
# The publisher's logo: at most 600 px, PNG to keep a transparent background.
LOGO_RENDITION = "max-600x600|format-png"
DEFAULT_PORTAL_NAME = PortalSettings._meta.get_field("portal_name").default


@dataclass
class ShareImage:
    """A rendition to share, with an absolute URL."""

    url: str
    width: int
    height: int
    alt: str


@dataclass
class Metadata:
    """What the <head> of one page says about it."""

    title: str
    description: str
    site_name: str
    headline: str = ""
    canonical: str | None = None
    og_type: str = "website"
    image: ShareImage | None = None
    published: datetime.datetime | None = None
    modified: datetime.datetime | None = None
    section: str = ""
    tags: list[str] = field(default_factory=list)
    json_ld: str = ""

    @property
    def full_title(self):
        """The <title>: "page | portal", or the portal's name alone."""
        if not self.title or self.title == self.site_name:
            return self.site_name
        return f"{self.title} | {self.site_name}"

    @property
    def published_iso(self):
        return iso(self.published)

    @property
    def modified_iso(self):
        return iso(self.modified)


def truncate(text, limit):
    """Plain text, whitespace collapsed, cut at a word boundary with "…"."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:  # the cut fell inside a word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


def iso(moment):
    """ISO 8601 in Vietnam time, to the second: 2019-01-09T00:00:00+07:00."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def absolute(root_url, url):
    """``url`` with the site's root in front, unless it has a host already."""
    if not url or "://" in url or url.startswith("//") or not root_url:
        return url
    return root_url.rstrip("/") + url


def portal_description(site):
    """The home page's introduction, else a sentence about the portal."""
    intro = ""
    if site is not None:
        intro = (
            HomePage.objects.filter(pk=site.root_page_id)
            .values_list("intro", flat=True)
            .first()
        )
    return clean(intro) or _("News of the emulation blocs and clusters.")


def page_description(page, context):
    """The editor's description, else the page's own summary, else ""."""
    unit = context.get("unit")
    if unit is not None and routed_path(page, context.get("request")):
        return _("%(unit)s: emulation blocs and roles by year, awards and news.") % {
            "unit": unit.name
        }
    if isinstance(page, PortalPage):
        return page.get_description()
    return page.search_description if clean(page.search_description) else ""


def page_breadcrumbs(page, context):
    """The pages of the visible breadcrumb above the current one: the list the
    page put in its context (``PortalPage.get_context``)."""
    if "breadcrumbs" in context:
        return list(context["breadcrumbs"])
    if isinstance(page, PortalPage):
        return list(page.breadcrumbs)
    return []


def share_image(image, root_url, specs=(SHARE_RENDITION,)):
    """The shared picture and the JSON-LD pictures of an image, in one query."""
    if image is None:
        return None, []
    try:
        renditions = list(image.get_renditions(*specs).values())
    except (SourceImageIOError, OSError, UnrecognisedImageFormatError) as error:
        # A missing, cut or unreadable file: share no picture rather than fail
        # every page (the logo and default image are on all of them).
        logger.warning("No share picture from image %s: %s", image.pk, error)
        return None, []
    first = renditions[0]
    shared = ShareImage(
        url=absolute(root_url, first.url),
        width=first.width,
        height=first.height,
        alt=image.default_alt_text,
    )
    return shared, [absolute(root_url, r.url) for r in renditions]


def add_article_metadata(meta, article, context, default_image, root_url):
    """Fill in an article's OpenGraph fields; return its pictures' URLs."""
    meta.og_type = "article"
    meta.headline = truncate(article.title, HEADLINE_LENGTH)
    meta.image, images = share_image(
        article.get_share_image(), root_url, ARTICLE_RENDITIONS
    )
    if meta.image is None or min(meta.image.width, meta.image.height) < MIN_SHARE_SIZE:
        # No cover, or one too small for the networks to show: the default.
        fallback, fallback_images = share_image(
            default_image(), root_url, ARTICLE_RENDITIONS
        )
        if fallback is not None:
            meta.image, images = fallback, fallback_images
    # news/dates.py: an undated import claims no date, never its import day.
    meta.published = dates.published_at(article)
    meta.modified = dates.modified_at(article)
    # The article's context (ArticlePage.get_context) has its bloc and its
    # activities with their kinds already.
    bloc = context.get("bloc")
    activities = context.get("activities") or []
    if bloc is not None:
        meta.section = bloc.title
    elif activities:
        meta.section = activities[0].event_kind.name
    names = [tag.name for tag in article.tags.all()]
    names += [activity.event_kind.name for activity in activities]
    meta.tags = list(dict.fromkeys(names))
    return images


def page_metadata(context, title="", description=""):
    """The metadata of the page a template renders.

    ``title`` and ``description`` are the rendered ``title`` and
    ``description`` blocks of templates/base.html; pages outside the tree
    (search results, error pages) have only these.
    """
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    site = Site.find_for_request(request) if request is not None else None
    portal = PortalSettings.for_request(request) if site is not None else None
    site_name = clean(getattr(portal, "portal_name", "")) or DEFAULT_PORTAL_NAME
    root_url = site.root_url if site is not None else ""

    def default_image():
        return getattr(portal, "default_share_image", None)

    title = html_to_text(str(title or ""))
    qualifiers = list_qualifiers(context) if page is not None else []
    description = html_to_text(str(description or ""))
    if not description and page is not None:
        description = page_description(page, context)
    meta = Metadata(
        title=" – ".join([title, *qualifiers]) if title else site_name,
        description=truncate(
            description or portal_description(site), DESCRIPTION_LENGTH
        ),
        site_name=site_name,
    )
    if page is None:
        meta.image, _images = share_image(default_image(), root_url)
        return meta

    url_parts = page.get_url_parts(request)
    if url_parts is None:  # a page outside every site: nothing to link to
        meta.image, _images = share_image(default_image(), root_url)
        return meta
    root_url = url_parts[1]
    sub_path = routed_path(page, request)
    page_url = root_url + url_parts[2] + sub_path
    query = list_query(context)
    meta.canonical = f"{page_url}?{query}" if query else page_url

    publisher = {"@type": "Organization", "name": site_name, "url": f"{root_url}/"}
    logo, _urls = share_image(
        getattr(portal, "logo", None), root_url, (LOGO_RENDITION,)
    )
    if logo is not None:
        publisher["logo"] = {
            "@type": "ImageObject",
            "url": logo.url,
            "width": logo.width,
            "height": logo.height,
        }
    graph = []
    if isinstance(page, ArticlePage):
        images = add_article_metadata(meta, page, context, default_image, root_url)
        graph.append(news_article(page, meta, images, publisher))
    else:
        own = page.get_share_image() if isinstance(page, PortalPage) else None
        meta.image, _images = share_image(own or default_image(), root_url)
    if page.depth <= 2 and not sub_path:
        graph.append(website(meta, root_url, publisher))
    else:
        # The visible breadcrumb ends with the page's title, or with a routed
        # view's own title (a unit's name).
        current = title if sub_path else page.title
        pages = page_breadcrumbs(page, context)
        graph.append(breadcrumb_list(pages, request, current, page_url))
    meta.json_ld = script_json({"@context": "https://schema.org", "@graph": graph})
    return meta
