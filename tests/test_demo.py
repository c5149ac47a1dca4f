"""`manage.py load_demo` builds a working portal and is safe to run twice.

Most tests read the demo through the ``demo`` fixture (tests/conftest.py): the
command run once per session on the freshly migrated database, its rows copied
into each test. The tests that need their own run (twice in a row, other
settings) call the command themselves.
"""

import hashlib
import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageLogEntry, Revision, Site

from news.models import (
    ArticlePage,
    Award,
    BlocIndexPage,
    BlocPage,
    BlocYear,
    HomePage,
    NewsIndexPage,
    Organization,
    PortalImage,
    PortalSettings,
    StandardPage,
)
from tests.conftest import PROJECT_DIR, load_demo

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Page.objects.order_by("path").values_list("path", "slug", "title")),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        get_user_model().objects.count(),
        list(PortalImage.objects.order_by("pk").values_list("pk", "file")),
        Organization.objects.count(),
        BlocYear.objects.count(),
        Award.objects.count(),
    )


def test_load_demo_builds_the_page_tree_under_the_default_site(demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    children = {p.slug: type(p.specific) for p in home.get_children()}
    assert PortalSettings.for_site(site).governing_body
    assert children == {
        "tin-tuc": NewsIndexPage,
        "khoi-cum-thi-dua": BlocIndexPage,
        "thong-bao": NewsIndexPage,
        "gioi-thieu": StandardPage,
        "lien-he": StandardPage,
    }
    # Wagtail's placeholder "Welcome" page is gone.
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_load_demo_twice_changes_nothing(demo):
    before = snapshot()
    output = load_demo()
    assert snapshot() == before
    assert "created" not in output.replace("kept", "")


@pytest.mark.parametrize(
    "path", ["/", "/tin-tuc/", "/khoi-cum-thi-dua/", "/thong-bao/", "/gioi-thieu/"]
)
def test_demo_pages_are_served_in_vietnamese(client, path, demo):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Chuyển đến nội dung chính" in html  # the skip link, translated


def test_demo_admin_account_logs_into_a_vietnamese_admin(client, settings, demo):
    assert "'admin'" in demo
    assert client.login(
        username=settings.DEMO_ADMIN_USERNAME, password=settings.DEMO_ADMIN_PASSWORD
    )
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert 'lang="vi"' in response.content.decode()
    assert "Trang tổng quan" in response.content.decode()


def test_no_demo_account_when_the_settings_forbid_it(settings):
    settings.DEMO_ADMIN_ENABLED = False
    output = load_demo()
    assert not get_user_model().objects.exists()
    assert "No demo admin account" in output


def test_load_demo_publishes_every_seed_article_with_its_photos(client, demo):
    articles = ArticlePage.objects.live()
    assert articles.count() == 4
    assert BlocPage.objects.live().count() == 4
    assert not BlocPage.objects.filter(needs_review=True).exists()
    for article in articles:
        assert isinstance(article.get_parent().specific, BlocPage)
        response = client.get(article.url)
        assert response.status_code == 200
    total_photos = sum(
        len(block.value["photos"]) if block.block_type == "gallery" else 1
        for article in articles
        for block in article.body
        if block.block_type in {"gallery", "image"}
    )
    # One photo per caption the ground truth lists for the seed articles.
    assert total_photos == sum(
        len(json.loads(path.read_text())["photo_captions"])
        for path in (PROJECT_DIR / "tests/seeds_expected").glob("*.json")
    )
    # Generated photos: varied sizes, real JPEGs, no EXIF.
    images = PortalImage.objects.all()
    assert len({(image.width, image.height) for image in images}) >= 3
    for image in images[:5]:
        with image.open_file() as handle:
            data = handle.read()
        assert data[:3] == b"\xff\xd8\xff"
        assert b"Exif" not in data[:64]
        assert image.alt_text
        # Hashed as an upload is: uploading a demo photo again reuses it.
        assert image.file_hash == hashlib.sha1(data).hexdigest()
