"""The dates of an article, decided here and nowhere else.

Lists (``ArticlePage.sort_date``), feeds (news/feeds.py), the metadata and
JSON-LD (news/seo/), the sitemap (``ArticlePage.get_sitemap_urls``) and the
article's page all ask these functions.

- The *shown date* is what readers are told: the publication date, else the
  day the event started. An article written here without either shows the day
  it first went live. An imported article without either is undated ("Không rõ
  ngày"): the day it was imported says nothing about the news.
- The *ordering date* places an article in lists. It is the shown date; an
  undated imported article is ordered by what it says instead: 31 December of
  the earliest emulation year among its activities, so it comes below the
  news of the following years and above that year's dated news (an emulation
  year is reviewed at its end). One that says no year at all comes last, on
  1 January of the first emulation year.
- The *publication moment* of the metadata and feeds is the shown date, at the
  time the article first went live when that was on the same day, else at
  midnight; undated articles have none. The *modification moment* is the last
  publication for articles written here; an import claims its own date only,
  since importing does not change the news.
"""

import datetime

from django.utils import timezone

from news.models.records import FIRST_EMULATION_YEAR

#: Where an imported article that names no date and no year is ordered: last.
UNKNOWN_ORDERING_DATE = datetime.date(FIRST_EMULATION_YEAR, 1, 1)


def shown_date(article):
    """The date readers see, or None when an imported article has none."""
    if article.date:
        return article.date
    if article.event_start:
        return article.event_start
    if article.import_key or article.first_published_at is None:
        return None
    return timezone.localdate(article.first_published_at)


def ordering_date(article):
    """The date lists order the article by (see the module docstring); None
    only for an article written here that has not gone live yet."""
    shown = shown_date(article)
    if shown is not None or not article.import_key:
        return shown
    years = [activity.year for activity in article.activities.all()]
    if not years:
        return UNKNOWN_ORDERING_DATE
    return datetime.date(min(years), 12, 31)


def midnight(day):
    """The start of ``day`` in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def published_at(article):
    """When the article was published, as an aware datetime, or None."""
    shown = shown_date(article)
    if shown is None:
        return None
    first = article.first_published_at
    if first and timezone.localdate(first) == shown:
        return timezone.localtime(first)
    return midnight(shown)


def modified_at(article):
    """When the article last changed, as an aware datetime, or None."""
    published = published_at(article)
    last = article.last_published_at
    if published is None or article.import_key or last is None:
        return published
    return max(published, timezone.localtime(last))
