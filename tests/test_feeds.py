"""RSS and Atom feeds: parsed as XML, fields checked."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from news.models import ArticleActivity, EventKind
from tests.factories import ArticlePageFactory, ImageFactory

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture
def articles(site_tree):
    review = ArticlePageFactory(
        parent=site_tree["a"],
        title="Tổng kết <năm> 2018 & ký kết",
        lead="Khối thi đua tổng kết năm 2018 “đoàn kết” & phát triển.",
        cover=ImageFactory(),
        date=datetime.date(2019, 1, 9),
    )
    ArticleActivity.objects.create(
        page=review, event_kind=EventKind.objects.get(code="tong_ket"), year=2018
    )
    other = ArticlePageFactory(parent=site_tree["b"], title="Tin khối B")
    return review, other


def test_rss_feed_of_the_site(client, articles):
    review, other = articles
    response = client.get("/rss/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    items = {item.findtext("title"): item for item in channel.findall("item")}
    assert set(items) == {review.title, other.title}
    item = items[review.title]  # "<" and "&" survived escaping
    assert item.findtext("link").endswith(review.url)
    assert item.findtext("description") == review.lead
    assert item.findtext("pubDate").startswith("Wed, 09 Jan 2019 00:00:00 +0700")
    assert item.findtext("category") == "Tổng kết năm"
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("url").startswith("http://testserver/media/images/")
    assert int(enclosure.get("length")) > 0


def test_atom_feed_of_a_bloc_and_of_an_event_kind(client, site_tree, articles):
    review, other = articles
    bloc_feed = ET.fromstring(client.get(f"/atom/bloc/{site_tree['a'].slug}/").content)
    titles = [
        e.findtext("a:title", namespaces=ATOM)
        for e in bloc_feed.findall("a:entry", ATOM)
    ]
    assert titles == [review.title]
    kind_feed = ET.fromstring(client.get("/rss/kind/tong_ket/").content)
    assert [i.findtext("title") for i in kind_feed.iter("item")] == [review.title]


@pytest.mark.parametrize(
    "url", ["/rss/bloc/khong-co/", "/rss/kind/khong-co/", "/rss/other/x/"]
)
def test_unknown_feeds_are_404(client, site_tree, url):
    assert client.get(url).status_code == 404


def test_pages_link_their_feeds(client, site_tree, articles):
    home = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in home
    bloc = client.get(site_tree["a"].url).content.decode()
    assert f'href="/rss/bloc/{site_tree["a"].slug}/"' in bloc


@pytest.mark.parametrize("missing", ["rendition", "original and rendition"])
def test_a_cover_missing_from_storage_drops_its_enclosure_not_the_feed(
    client, articles, missing
):
    """A lost file (a restore without media, a disk fault) used to answer 500
    for the whole feed: the feed reads each cover's size."""
    review, other = articles
    assert client.get("/rss/").status_code == 200  # the rendition exists now
    for rendition in review.cover.renditions.all():
        rendition.file.storage.delete(rendition.file.name)
    if missing == "original and rendition":
        review.cover.renditions.all().delete()
        review.cover.file.storage.delete(review.cover.file.name)

    for url in ("/rss/", "/atom/"):
        response = client.get(url)
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        titles = [t.text for t in root.iter() if t.tag.endswith("title")]
        assert review.title in titles and other.title in titles
        assert b"enclosure" not in response.content
