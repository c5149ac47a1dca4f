"""axe-core finds no WCAG 2.1 A/AA violation on the main public pages."""

import pytest
from playwright.sync_api import expect

from news.models import BlocIndexPage, BlocPage, Organization
from tests.browser.conftest import PHONE, assert_no_axe_violations
from tests.browser.test_citizen import gallery_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["1280px", "360px"])
def test_home_page(demo_site, open_page, viewport):
    page = open_page(viewport) if viewport else open_page()
    page.goto("/")
    assert_no_axe_violations(page, "the home page")


def test_news_listings(demo_site, page):
    page.goto("/tin-tuc/")
    assert_no_axe_violations(page, "the news listing")
    # A filtered page, with the filters' values and an empty result message.
    page.goto("/tin-tuc/?kind=tong_ket&year=2016")
    assert_no_axe_violations(page, "a filtered news listing")
    page.goto("/tin-tuc/?year=2001")
    assert_no_axe_violations(page, "a news listing that matches nothing")
    page.goto("/thong-bao/")
    assert_no_axe_violations(page, "the announcements")


def test_article_with_the_gallery_open(demo_site, page):
    article, _count = gallery_article()
    page.goto(article.url)
    assert_no_axe_violations(page, "an article with a gallery")
    page.locator("section.gallery a[data-gallery-item]").first.click()
    expect(page.locator("dialog.lightbox")).to_be_visible()
    assert_no_axe_violations(page, "an article with its gallery open")


def test_bloc_and_unit_pages(demo_site, page):
    article, _count = gallery_article()
    bloc = BlocPage.objects.get(pk=article.get_parent().pk)
    page.goto(bloc.url)
    assert_no_axe_violations(page, "a bloc page")
    page.goto(BlocIndexPage.objects.get().url)
    assert_no_axe_violations(page, "the list of blocs")
    unit = (
        Organization.objects.filter(article_links__isnull=False)
        .order_by("slug")
        .first()
    )
    page.goto(f"{BlocIndexPage.objects.get().url}don-vi/{unit.slug}/")
    assert_no_axe_violations(page, "a unit page")


def test_not_found_page(demo_site, page):
    page.watch.expect_status(r"/khong-co-trang-nay/$", 404)
    response = page.goto("/khong-co-trang-nay/")
    assert response.status == 404
    assert_no_axe_violations(page, "the 404 page")


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["1280px", "360px"])
def test_search_pages(demo_site, open_page, viewport):
    page = open_page(viewport) if viewport else open_page()
    page.goto("/tim-kiem/")
    assert_no_axe_violations(page, "the empty search page")
    page.goto("/tim-kiem/?q=ky+ket+giao+uoc")
    expect(page.locator("section.article-list .card").first).to_be_visible()
    assert_no_axe_violations(page, "search results with marked words")
    page.goto("/tim-kiem/?q=khong+co+tu+nay&year=abc")
    assert_no_axe_violations(page, "a search that finds nothing, with a bad filter")
