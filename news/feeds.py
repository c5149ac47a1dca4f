"""RSS 2.0 and Atom feeds of the news: the whole site, one bloc, one event kind."""

import logging

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from news import dates
from news.models import ArticlePage, BlocPage, EventKind

logger = logging.getLogger(__name__)

FEED_LENGTH = 30
COVER_RENDITION = "fill-800x533|format-jpeg"


class ArticleRssFeed(Feed):
    """The latest articles; ``scope`` narrows them to a bloc or an event kind."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, scope=None, slug=None):
        self.request = request
        if scope == "bloc":
            return get_object_or_404(BlocPage.objects.live().public(), slug=slug)
        if scope == "kind":
            return get_object_or_404(EventKind, code=slug)
        if scope is not None:
            raise Http404
        return None

    def title(self, obj):
        site = _("Emulation News")
        return (
            f"{obj.title} – {site}"
            if isinstance(obj, BlocPage)
            else (f"{obj.name} – {site}" if obj is not None else site)
        )

    def link(self, obj):
        if isinstance(obj, BlocPage):
            return obj.get_url(self.request)
        return "/"

    def description(self, obj):
        return _("News of the emulation blocs and clusters.")

    def items(self, obj):
        articles = ArticlePage.objects.for_cards(renditions=[COVER_RENDITION])
        if isinstance(obj, BlocPage):
            articles = articles.descendant_of(obj)
        elif obj is not None:
            articles = articles.of_kind(obj)
        return articles[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        """When the article was published (news/dates.py); an undated import
        has no <pubDate> or <published> rather than the day it was imported."""
        return dates.published_at(item)

    def item_updateddate(self, item):
        """When the article last changed (news/dates.py). An Atom entry needs
        an <updated>: an undated import gets the date lists order it by
        (``sort_date``, from the year it speaks of), never its import day."""
        modified = dates.modified_at(item)
        if modified is None and item.sort_date:
            return dates.midnight(item.sort_date)
        return modified

    def item_categories(self, item):
        return [activity.event_kind.name for activity in item.activities.all()]

    def _enclosure(self, item):
        """(absolute URL, size in bytes) of the item's cover, or None: a cover
        whose file is missing from storage drops the enclosure, not the feed."""
        if item.cover is None:
            return None
        if not hasattr(item, "_feed_enclosure"):  # asked three times an item
            try:
                cover = item.cover.get_rendition(COVER_RENDITION)
                found = (self.request.build_absolute_uri(cover.url), cover.file.size)
            except OSError:  # Wagtail's SourceImageIOError is one too
                logger.warning("Feed: the cover of article %s is missing", item.pk)
                found = None
            item._feed_enclosure = found
        return item._feed_enclosure

    def item_enclosure_url(self, item):
        enclosure = self._enclosure(item)
        return enclosure[0] if enclosure else None

    def item_enclosure_length(self, item):
        enclosure = self._enclosure(item)
        return enclosure[1] if enclosure else None

    def item_enclosure_mime_type(self, item):
        return "image/jpeg" if self._enclosure(item) else None


class ArticleAtomFeed(ArticleRssFeed):
    """The same articles as an Atom 1.0 feed."""

    feed_type = Atom1Feed
    subtitle = ArticleRssFeed.description
