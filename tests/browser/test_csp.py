"""The public pages and the gallery work under a strict Content-Security-Policy
(scripts and styles from the site only, no inline script, no ``style=``), ready for
the day the site sends one. The policy is added to the pages'
responses here; the watched tab fails the test on any violation."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_citizen import expect_photo, gallery_article
from tests.browser.test_screenshots import main_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STRICT_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def test_public_pages_and_gallery_under_a_strict_csp(demo_site, open_page):
    page = open_page(PHONE, touch=True, csp=STRICT_CSP)
    page.watch.expect_status(r"/khong-co-trang-nay/$", 404)
    for _name, url in main_pages():
        response = page.goto(url)
        assert response.headers["content-security-policy"] == STRICT_CSP

    article, _count = gallery_article()
    page.goto(article.url)
    links = page.locator("section.gallery a[data-gallery-item]")
    links.nth(0).scroll_into_view_if_needed()
    links.nth(0).tap()
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    expect_photo(page, dialog, links, 0)
    dialog.locator(".lightbox-next").tap()
    expect_photo(page, dialog, links, 1)
    dialog.locator(".lightbox-close").tap()
    expect(dialog).to_be_hidden()
