"""An editor corrects an existing article whose photos already have their
renditions (as ``make run`` leaves them): a caption changed, two photos swapped,
a draft saved, then published; a citizen sees the change."""

import pytest
from playwright.sync_api import expect

from news.blocks import PHOTO_RENDITIONS
from news.models import ArticlePage, PortalRendition
from tests.browser.test_editor import log_in, publish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_CAPTION = "Lãnh đạo các đơn vị trong Cụm ký kết giao ước thi đua (đã sửa)"


def demo_gallery():
    """A live demo article and the index of a gallery with at least 3 photos."""
    for article in ArticlePage.objects.live().order_by("path"):
        for index, block in enumerate(article.body):
            if block.block_type == "gallery" and len(block.value["photos"]) >= 3:
                return article, index
    raise AssertionError("the demo has no article with a gallery of 3 photos")


def public_captions(page, article):
    page.goto(article.url)
    figures = page.locator("section.gallery figure")
    expect(figures.first).to_be_visible()
    return figures.locator("figcaption").all_inner_texts()


def test_editor_changes_a_caption_and_the_order_of_photos_of_a_demo_article(
    demo_site, open_page
):
    article, index = demo_gallery()
    photos = article.body[index].value["photos"]
    captions = [photo["caption"] for photo in photos]
    images = [photo["image"].pk for photo in photos]
    # The public sizes exist already, as make run leaves them: the edit page
    # once answered 500 on such photos.
    made = PortalRendition.objects.filter(image_id__in=images)
    assert set(made.values_list("filter_spec", flat=True)) >= set(PHOTO_RENDITIONS)
    citizen = open_page()
    assert public_captions(citizen, article)[:3] == captions[:3]

    editor = open_page()
    log_in(editor)
    editor.goto(f"/admin/pages/{article.pk}/edit/")
    prefix = f"body-{index}-value-photos"
    caption = editor.locator(f"[name={prefix}-0-value-caption]")
    expect(caption).to_have_value(captions[0])
    caption.fill(NEW_CAPTION)
    # Swap the first two photos: "move up" on the second one (Wagtail's own
    # list-block button, found by its icon, whatever its label's language).
    second = editor.locator(f"[data-contentpath='{photos.bound_blocks[1].id}']")
    second.locator("button:has(use[href='#icon-arrow-up'])").first.click()
    expect(editor.locator(f"[name={prefix}-1-order]")).to_have_value("0")
    expect(editor.locator(f"[name={prefix}-0-order]")).to_have_value("1")

    with editor.expect_navigation():
        editor.get_by_role("button", name="Lưu bản nháp").click()
    expect(editor.locator(".messages .success")).to_be_visible()

    article.refresh_from_db()
    draft = article.get_latest_revision_as_object().body[index].value["photos"]
    assert [photo["image"].pk for photo in draft][:2] == [images[1], images[0]]
    assert draft[1]["caption"] == NEW_CAPTION
    # A draft is not public yet.
    assert public_captions(citizen, article)[:2] == captions[:2]

    publish(editor)

    expected = [captions[1], NEW_CAPTION, *captions[2:]]
    assert public_captions(citizen, article) == expected
    live = ArticlePage.objects.get(pk=article.pk).body[index].value["photos"]
    assert [photo["image"].pk for photo in live] == [images[1], images[0], *images[2:]]
