"""One rule for an article's date (news/dates.py): lists, feeds, JSON-LD, the
sitemap and the page agree, and an undated imported article is ordered by the
year it speaks of, never by the day it was imported."""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from news import dates
from news.models import ArticleActivity, ArticlePage, EventKind
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def imported(parent, title, years=(), **fields):
    """An article as the importer leaves it: created, given its activities,
    then published, all on the day of the import."""
    page = ArticlePageFactory(
        parent=parent,
        title=title,
        date=None,
        import_key=f"legacy/{title}.html",
        live=False,
        **fields,
    )
    kind = EventKind.objects.get(code="tong_ket")
    for year in years:
        ArticleActivity.objects.create(page=page, event_kind=kind, year=year)
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def written_here(parent, title, day):
    page = ArticlePageFactory(parent=parent, title=title, date=day, live=False)
    page.save_revision().publish()
    return page


@pytest.fixture
def news(site_tree):
    """Four dated articles around an undated import that speaks of 2017."""
    bloc = site_tree["a"]
    for title, day in [
        ("Tin 2018", datetime.date(2018, 2, 1)),
        ("Tin cuối 2017", datetime.date(2017, 11, 20)),
        ("Tin đầu 2017", datetime.date(2017, 3, 15)),
        ("Tin 2016", datetime.date(2016, 5, 5)),
    ]:
        written_here(bloc, title, day)
    undated = imported(bloc, "Tin cũ không ngày", years=[2019, 2017])
    return {**site_tree, "undated": undated}


def test_an_undated_import_is_listed_among_the_news_of_its_year(client, news):
    assert news["undated"].sort_date == datetime.date(2017, 12, 31)
    response = client.get(news["news"].url)
    titles = [article.title for article in response.context["articles"]]
    assert titles == [
        "Tin 2018",
        "Tin cũ không ngày",
        "Tin cuối 2017",
        "Tin đầu 2017",
        "Tin 2016",
    ]


def test_an_undated_import_says_so_on_its_page(client, news):
    response = client.get(news["undated"].url)
    header = response.content.decode().split('class="article-header"')[1]
    header = header.split("</header>")[0]
    assert "Không rõ ngày" in header
    assert "<time" not in header


def test_a_dated_article_does_not_say_undated(client, news):
    article = ArticlePage.objects.get(title="Tin 2018")
    html = client.get(article.url).content.decode()
    assert "Không rõ ngày" not in html
    assert '<time datetime="2018-02-01">01/02/2018</time>' in html


def test_feeds_give_an_undated_import_no_import_day(client, news):
    today = timezone.localdate()
    rss = ET.fromstring(client.get("/rss/").content)
    item = next(
        i for i in rss.iter("item") if i.findtext("title") == "Tin cũ không ngày"
    )
    assert item.find("pubDate") is None

    atom = ET.fromstring(client.get("/atom/").content)
    entry = next(
        e
        for e in atom.findall("a:entry", ATOM)
        if e.findtext("a:title", namespaces=ATOM) == "Tin cũ không ngày"
    )
    assert entry.find("a:published", ATOM) is None
    # An Atom entry needs <updated>: the date the lists order it by.
    assert entry.findtext("a:updated", namespaces=ATOM) == "2017-12-31T00:00:00+07:00"
    assert today.isoformat() not in ET.tostring(entry, encoding="unicode")


def test_feeds_date_an_import_by_its_event_not_by_its_import(client, site_tree):
    imported(site_tree["a"], "Hội nghị 2017", event_start=datetime.date(2017, 5, 10))
    rss = ET.fromstring(client.get("/rss/").content)
    item = next(i for i in rss.iter("item") if i.findtext("title") == "Hội nghị 2017")
    assert item.findtext("pubDate") == "Wed, 10 May 2017 00:00:00 +0700"
    atom = ET.fromstring(client.get("/atom/").content)
    entry = atom.find("a:entry", ATOM)
    assert entry.findtext("a:published", namespaces=ATOM) == "2017-05-10T00:00:00+07:00"
    assert entry.findtext("a:updated", namespaces=ATOM) == "2017-05-10T00:00:00+07:00"


def test_json_ld_of_an_undated_import_claims_no_date(client, news):
    soup = BeautifulSoup(client.get(news["undated"].url).content, "html.parser")
    graph = json.loads(soup.find("script", type="application/ld+json").string)
    article = next(n for n in graph["@graph"] if n["@type"] == "NewsArticle")
    assert "datePublished" not in article
    assert "dateModified" not in article
    assert timezone.localdate().isoformat() not in str(soup.head)


def test_the_sitemap_gives_imports_their_own_dates(client, site_tree):
    undated = imported(site_tree["a"], "Tin cũ", years=[2017])
    event = imported(site_tree["a"], "Hội nghị", event_start=datetime.date(2017, 5, 10))
    lastmod = {}
    index = ET.fromstring(client.get("/sitemap.xml").content)
    for location in index.findall("sm:sitemap/sm:loc", SITEMAP):
        path = location.text.removeprefix("http://testserver")
        for url in ET.fromstring(client.get(path).content).findall("sm:url", SITEMAP):
            lastmod[url.findtext("sm:loc", namespaces=SITEMAP)] = url.findtext(
                "sm:lastmod", namespaces=SITEMAP
            )
    assert lastmod[undated.get_full_url()] is None
    assert lastmod[event.get_full_url()].startswith("2017-05-10")


def test_the_ordering_date_of_each_kind_of_article(site_tree):
    bloc = site_tree["a"]
    event = imported(bloc, "Có ngày sự kiện", event_start=datetime.date(2016, 3, 8))
    assert event.sort_date == event.shown_date == datetime.date(2016, 3, 8)
    silent = imported(bloc, "Không năm nào")
    assert silent.shown_date is None
    assert silent.sort_date == dates.UNKNOWN_ORDERING_DATE
    here = ArticlePageFactory(parent=bloc, date=None, live=False)
    assert here.sort_date is None  # not live yet: no date at all
    here.save_revision().publish()
    here.refresh_from_db()
    first_day = timezone.localdate(here.first_published_at)
    assert here.sort_date == here.shown_date == first_day
