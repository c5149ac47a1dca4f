"""sitemap.xml lists every live public page; robots.txt names it."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from news.sitemaps import PageSitemap
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    """{address: lastmod element} of every file the sitemap index names."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    index = ET.fromstring(response.content)
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    entries = {}
    for location in index.findall("sm:sitemap/sm:loc", NS):
        part = urlsplit(location.text)
        response = client.get(part.path + (f"?{part.query}" if part.query else ""))
        assert response.status_code == 200
        for url in ET.fromstring(response.content).findall("sm:url", NS):
            entries[url.find("sm:loc", NS).text] = url.find("sm:lastmod", NS)
    return entries


def test_sitemap_lists_live_pages_with_last_modified(client, site_tree):
    live = ArticlePageFactory(parent=site_tree["a"], title="Tin đã đăng")
    live.save_revision().publish()
    draft = ArticlePageFactory(parent=site_tree["a"], title="Tin nháp", live=False)

    entries = sitemap_entries(client)

    assert any(loc.endswith(live.url) for loc in entries)
    assert not any(loc.endswith(draft.url_path.split("/", 2)[-1]) for loc in entries)
    published = next(v for k, v in entries.items() if k.endswith(live.url))
    assert published is not None and published.text[:4].isdigit()
    assert any(loc.endswith(site_tree["news"].url) for loc in entries)


def test_a_large_site_is_split_into_several_sitemap_files(
    client, site_tree, monkeypatch
):
    monkeypatch.setattr(PageSitemap, "limit", 3)
    pages = [
        ArticlePageFactory(parent=site_tree["a"], title=f"Tin {n}") for n in range(7)
    ]
    index = ET.fromstring(client.get("/sitemap.xml").content)
    files = index.findall("sm:sitemap/sm:loc", NS)
    assert len(files) >= 4  # home, 2 indexes, 2 blocs and 7 articles, 3 a file
    entries = sitemap_entries(client)
    for page in pages:
        assert any(loc.endswith(page.url) for loc in entries), page.url


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
