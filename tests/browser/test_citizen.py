"""A citizen on the public site: filtered news with pagination, a search typed
without diacritics, an article's photo gallery with the keyboard on a computer
and with a swipe on a phone."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from news.models import ArticleActivity, ArticlePage, BlocPage, EventKind
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import ArticlePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

YEAR = 2023  # no demo article reports this emulation year


def gallery_article():
    """The demo article with a photo gallery, and its number of photos."""
    for article in ArticlePage.objects.live().order_by("pk"):
        for block in article.body:
            if block.block_type == "gallery":
                photos = [p for p in block.value["photos"] if p["image"]]
                return article, len(photos)
    raise AssertionError("load_demo made no article with a gallery")


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def card_titles(page):
    return page.locator("section.article-list .card-title").all_inner_texts()


def make_articles(bloc, count, year, kind, first_day):
    """``count`` articles of ``bloc`` for emulation ``year``, one a day from
    ``first_day``; returns their titles, newest first."""
    titles = []
    for n in range(count):
        title = f"Tin kiểm thử {bloc.short_name} năm {year} số {n + 1:02d}"
        article = ArticlePageFactory(
            parent=bloc,
            title=title,
            date=first_day + datetime.timedelta(days=n),
        )
        ArticleActivity.objects.create(page=article, event_kind=kind, year=year)
        titles.append(title)
    return titles[::-1]


def test_citizen_filters_the_news_by_bloc_and_year_and_pages_through(demo_site, page):
    kind = EventKind.objects.get(code="tong_ket")
    bloc = BlocPage.objects.get(slug="khoi-thi-dua-kinh-te-nganh")
    other_bloc = BlocPage.objects.get(slug="khoi-thi-dua-cac-so-nganh-tong-hop")
    assert not ArticleActivity.objects.filter(year=YEAR).exists()
    # 23 articles match: 20 on the first page, 3 on the second.
    expected = make_articles(bloc, 23, YEAR, kind, datetime.date(2024, 1, 2))
    # Same bloc, other year; same year, other bloc: filtered out.
    make_articles(bloc, 2, YEAR - 1, kind, datetime.date(2024, 3, 1))
    make_articles(other_bloc, 2, YEAR, kind, datetime.date(2024, 3, 1))
    per_page = 20

    page.goto("/tin-tuc/")
    form = page.locator("form.filters")
    expect(form).to_be_visible()
    form.locator("#id_bloc").select_option(bloc.slug)
    form.locator("#id_year").fill(str(YEAR))
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    # The filters are in the address, so the list can be bookmarked and shared.
    params = query(page.url)
    assert params.get("bloc") == bloc.slug
    assert params.get("year") == str(YEAR)
    # The form shows the filters in force.
    expect(form.locator("#id_bloc")).to_have_value(bloc.slug)
    expect(form.locator("#id_year")).to_have_value(str(YEAR))
    # Newest first, 20 a page.
    assert card_titles(page) == expected[:per_page]
    first_card = page.locator("section.article-list .card").first
    meta = first_card.locator(".card-meta")
    newest = datetime.date(2024, 1, 2) + datetime.timedelta(days=22)
    expect(meta.locator("time")).to_have_text(newest.strftime("%d/%m/%Y"))
    expect(meta).to_contain_text(kind.name)
    expect(meta).to_contain_text(bloc.short_name)

    pagination = page.locator("nav.pagination")
    expect(pagination.locator("a[rel=prev]")).to_have_count(0)
    with page.expect_navigation():
        pagination.locator("a[rel=next]").click()
    params = query(page.url)
    assert params.get("page") == "2"
    assert params.get("bloc") == bloc.slug, "the next link lost the bloc filter"
    assert params.get("year") == str(YEAR), "the next link lost the year filter"
    assert card_titles(page) == expected[per_page:]
    expect(pagination.locator("[aria-current=page]")).to_have_text("2")
    expect(pagination.locator("a[rel=next]")).to_have_count(0)

    with page.expect_navigation():
        pagination.locator("a[rel=prev]").click()
    params = query(page.url)
    assert params.get("bloc") == bloc.slug, "the previous link lost the bloc filter"
    assert params.get("year") == str(YEAR), "the previous link lost the year filter"
    assert params.get("page", "1") == "1"
    assert card_titles(page) == expected[:per_page]


def open_gallery(page, thumbnail):
    """Open the lightbox from a thumbnail; returns the dialog."""
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_hidden()
    thumbnail.click()
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("open", "")
    return dialog


def expect_photo(page, dialog, links, index):
    """The lightbox shows photo ``index`` (from 0) of the gallery: counter,
    caption, the full photo, loaded."""
    count = links.count()
    expect(dialog.locator(".lightbox-counter")).to_have_text(f"{index + 1} / {count}")
    link = links.nth(index)
    caption = link.get_attribute("data-caption") or ""
    expect(dialog.locator(".lightbox-text")).to_have_text(caption)
    image = dialog.locator(".lightbox-image")
    expect(image).to_have_attribute("src", link.get_attribute("href"))
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    thumbnail_alt = link.locator("img").get_attribute("alt") or ""
    expect(image).to_have_attribute("alt", thumbnail_alt)


def focus_is_inside(page, selector):
    """Focus is on an element inside ``selector``, or has left the page for
    the browser's own controls (a modal dialog lets Tab reach them, and comes
    back to its first button): never on the page behind the dialog."""
    return page.evaluate(
        """sel => !document.hasFocus() ||
          (!!document.activeElement && !!document.activeElement.closest(sel))""",
        selector,
    )


def test_citizen_opens_the_gallery_and_moves_with_the_keyboard(demo_site, page):
    article, photo_count = gallery_article()
    assert photo_count >= 3

    page.goto(article.url)
    gallery = page.locator("section.gallery[data-gallery]")
    expect(gallery).to_have_count(1)
    links = gallery.locator("a[data-gallery-item]")
    expect(links).to_have_count(photo_count)

    dialog = open_gallery(page, links.nth(0))
    expect_photo(page, dialog, links, 0)
    assert focus_is_inside(page, "dialog.lightbox"), "focus did not move into it"

    page.keyboard.press("ArrowRight")
    expect_photo(page, dialog, links, 1)
    page.keyboard.press("ArrowRight")
    expect_photo(page, dialog, links, 2)
    page.keyboard.press("ArrowLeft")
    expect_photo(page, dialog, links, 1)

    # Focus stays inside the open dialog, whatever the number of Tabs.
    for _ in range(5):
        page.keyboard.press("Tab")
        assert focus_is_inside(page, "dialog.lightbox"), "Tab left the open dialog"
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        assert focus_is_inside(page, "dialog.lightbox"), "Shift+Tab left the dialog"

    # The buttons do what the arrows do.
    dialog.locator(".lightbox-next").click()
    expect_photo(page, dialog, links, 2)
    dialog.locator(".lightbox-prev").click()
    expect_photo(page, dialog, links, 1)

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(links.nth(0)).to_be_focused()

    # Opened from the keyboard on another thumbnail, closed with its button:
    # focus goes back to that thumbnail.
    links.nth(2).focus()
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect_photo(page, dialog, links, 2)
    dialog.locator(".lightbox-close").click()
    expect(dialog).to_be_hidden()
    expect(links.nth(2)).to_be_focused()


def swipe(page, locator, dx):
    """A finger swipe of ``dx`` pixels across the middle of ``locator``, sent
    as touch events, as a phone's touch screen sends them."""
    box = locator.bounding_box()
    x = box["x"] + box["width"] / 2 - dx / 2
    y = box["y"] + box["height"] / 2
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send(
            "Input.dispatchTouchEvent",
            {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]},
        )
        steps = 6
        for step in range(1, steps + 1):
            cdp.send(
                "Input.dispatchTouchEvent",
                {
                    "type": "touchMove",
                    "touchPoints": [{"x": x + dx * step / steps, "y": y}],
                },
            )
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    finally:
        cdp.detach()


def no_horizontal_scroll(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth <= window.innerWidth"
    )


def test_citizen_on_a_phone_swipes_through_the_gallery(demo_site, phone_page):
    article, photo_count = gallery_article()
    phone = phone_page

    phone.goto(article.url)
    assert phone.viewport_size["width"] == 360
    assert no_horizontal_scroll(phone), "the article is wider than a 360 px phone"
    links = phone.locator("section.gallery[data-gallery] a[data-gallery-item]")
    expect(links).to_have_count(photo_count)

    links.nth(0).scroll_into_view_if_needed()
    dialog = phone.locator("dialog.lightbox")
    links.nth(0).tap()
    expect(dialog).to_be_visible()
    expect_photo(phone, dialog, links, 0)

    # The photo fits the phone's screen.
    image_box = dialog.locator(".lightbox-image").bounding_box()
    assert image_box["x"] >= 0
    assert image_box["x"] + image_box["width"] <= PHONE["width"] + 0.5

    swipe(phone, dialog.locator(".lightbox-image"), -120)  # to the left: next
    expect_photo(phone, dialog, links, 1)
    swipe(phone, dialog.locator(".lightbox-image"), -120)
    expect_photo(phone, dialog, links, 2)
    swipe(phone, dialog.locator(".lightbox-image"), 120)  # to the right: previous
    expect_photo(phone, dialog, links, 1)
    # A small slip of the finger is not a swipe.
    swipe(phone, dialog.locator(".lightbox-image"), -15)
    expect_photo(phone, dialog, links, 1)

    dialog.locator(".lightbox-close").tap()
    expect(dialog).to_be_hidden()


def test_gallery_without_javascript_is_plain_links_to_the_photos(demo_site, open_page):
    article, photo_count = gallery_article()
    page = open_page(DESKTOP, javascript=False)

    page.goto(article.url)
    links = page.locator("section.gallery[data-gallery] a[data-gallery-item]")
    expect(links).to_have_count(photo_count)
    expect(page.locator("dialog.lightbox")).to_have_count(0)
    href = links.nth(1).get_attribute("href")
    with page.expect_navigation() as navigation:
        links.nth(1).click()
    response = navigation.value
    assert response is not None and response.ok
    assert urlsplit(page.url).path == urlsplit(href).path
    assert response.headers["content-type"].startswith("image/")


def test_citizen_searches_without_diacritics_from_the_header(demo_site, phone_page):
    page = phone_page
    page.goto("/")
    box = page.locator("form.header-search input[name=q]")
    box.fill("soc trang")
    with page.expect_navigation():
        box.press("Enter")
    assert urlsplit(page.url).path == "/tim-kiem/"
    # The query stays in the box; the result's title has the words marked as
    # they are written.
    expect(page.locator("#search-q")).to_have_value("soc trang")
    first = page.locator("section.article-list .card").first
    expect(first.locator(".card-title mark").first).to_have_text("Sóc")
    expect(first.locator(".card-title")).to_contain_text("Sóc Trăng")
    # The page fits a 360 px phone: nothing wider than the viewport.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the search page is {width} px wide"
    # Newest first keeps the query.
    page.locator("form.search-form summary").click()
    page.locator("#search-order").select_option("moi-nhat")
    with page.expect_navigation():
        page.locator("form.search-form .filter-actions button").click()
    params = query(page.url)
    assert params["q"] == "soc trang" and params["sap-xep"] == "moi-nhat"
    expect(page.locator("section.article-list .card")).not_to_have_count(0)
