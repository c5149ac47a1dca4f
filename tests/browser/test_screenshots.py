"""Screenshots of the main pages at 360 px and 1280 px, saved as test artifacts
(test-artifacts/screenshots/, git-ignored), and a layout that fits a 360 px
phone without sideways scrolling."""

import pytest
from playwright.sync_api import expect

from news.models import BlocIndexPage, Organization
from tests.browser.conftest import DESKTOP, PHONE, screenshot
from tests.browser.test_citizen import gallery_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Lazy images load only when scrolled to: scroll the whole page through, then
# wait until every image has arrived, so a full-page screenshot shows them.
LOAD_ALL_IMAGES = """async () => {
  const step = Math.max(200, window.innerHeight / 2);
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await new Promise(resolve => setTimeout(resolve, 30));
  }
  window.scrollTo(0, 0);
  await Promise.all(Array.from(document.images).map(img => img.complete ||
    new Promise(resolve => { img.onload = img.onerror = resolve; })));
}"""

# The elements wider than the window, for the failure message.
OVERFLOWING = """() => {
  const width = window.innerWidth;
  return Array.from(document.querySelectorAll("body *"))
    .filter(el => el.getBoundingClientRect().right > width + 0.5)
    .filter(el => getComputedStyle(el).position !== "fixed")
    .filter(el => !el.closest("dialog:not([open])"))
    .slice(0, 8)
    .map(el => el.tagName.toLowerCase() +
      (el.id ? "#" + el.id : "") +
      (el.className && typeof el.className === "string"
        ? "." + el.className.trim().split(/\\s+/).join(".") : "") +
      " right=" + Math.round(el.getBoundingClientRect().right));
}"""


def main_pages():
    article, _count = gallery_article()
    bloc = article.get_parent().specific
    blocs = BlocIndexPage.objects.get()
    unit = (
        Organization.objects.filter(article_links__isnull=False)
        .order_by("slug")
        .first()
    )
    return [
        ("home", "/"),
        ("news", "/tin-tuc/"),
        ("news-filtered", f"/tin-tuc/?bloc={bloc.slug}"),
        ("announcements", "/thong-bao/"),
        ("blocs", blocs.url),
        ("bloc", bloc.url),
        ("unit", f"{blocs.url}don-vi/{unit.slug}/"),
        ("article", article.url),
        ("about", "/gioi-thieu/"),
        ("search", "/tim-kiem/?q=ky+ket+giao+uoc"),
        ("not-found", "/khong-co-trang-nay/"),
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_screenshots_of_the_main_pages(demo_site, open_page, viewport):
    page = open_page(viewport, touch=viewport is PHONE)
    page.watch.expect_status(r"/khong-co-trang-nay/$", 404)
    width = viewport["width"]
    too_wide = {}
    for name, url in main_pages():
        response = page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), url
        page.evaluate(LOAD_ALL_IMAGES)
        path = screenshot(page, name)
        assert path.stat().st_size > 0
        if page.evaluate("() => document.documentElement.scrollWidth") > width:
            too_wide[url] = page.evaluate(OVERFLOWING)
        if name == "article":
            page.locator("section.gallery a[data-gallery-item]").nth(1).click()
            expect(page.locator("dialog.lightbox")).to_be_visible()
            page.wait_for_function(
                "() => document.querySelector('.lightbox-image').complete"
            )
            screenshot(page, "article-gallery", full_page=False)
            page.keyboard.press("Escape")

    assert not too_wide, (
        f"Pages wider than the {width} px window (sideways scrolling):\n"
        + "\n".join(f"  {url}: {elements}" for url, elements in too_wide.items())
    )
