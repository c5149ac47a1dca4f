"""sitemap.xml lists every live public page; robots.txt names it."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_live_pages_with_last_modified(client, site_tree):
    live = ArticlePageFactory(parent=site_tree["a"], title="Tin đã đăng")
    live.save_revision().publish()
    draft = ArticlePageFactory(parent=site_tree["a"], title="Tin nháp", live=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.find("sm:loc", NS).text: url.find("sm:lastmod", NS)
        for url in root.findall("sm:url", NS)
    }
    assert any(loc.endswith(live.url) for loc in entries)
    assert not any(loc.endswith(draft.url_path.split("/", 2)[-1]) for loc in entries)
    published = next(v for k, v in entries.items() if k.endswith(live.url))
    assert published is not None and published.text[:4].isdigit()
    assert any(loc.endswith(site_tree["news"].url) for loc in entries)


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
