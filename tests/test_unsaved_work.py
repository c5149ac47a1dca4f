"""What an editor typed survives a failed validation, an autosave of an
incomplete draft and an expired session (news/admin_unsaved.py; the browser
side is in tests/browser/test_unsaved.py)."""

import html
import json
import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from news.models import ArticlePage
from tests.admin_forms import article_form_data, list_block, photo
from tests.factories import ArticlePageFactory, ImageFactory

pytestmark = pytest.mark.django_db

CAPTIONS = [f"Đoàn đơn vị số {n} tại lễ khai mạc" for n in range(1, 13)]


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(
        parent=site_tree["a"],
        title="Giao lưu thể thao chào mừng năm mới",
        slug="giao-luu-the-thao",
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def gallery_form_data(images, **fields):
    """The edit form of the article with a gallery of ``images``."""
    gallery = {
        "heading": "Hình ảnh",
        "photos": list_block(
            [
                photo(image, caption=caption, alt_text=f"Ảnh {caption.lower()}")
                for image, caption in zip(images, CAPTIONS, strict=True)
            ]
        ),
    }
    return article_form_data(
        title="Giao lưu thể thao chào mừng năm mới",
        slug="giao-luu-the-thao",
        body=[
            ("paragraph", rich_text("<p>Các đơn vị giao lưu bóng chuyền.</p>")),
            ("gallery", gallery),
        ],
        **fields,
    )


def body_in_editor(response):
    """The body as the re-rendered editor holds it: the value its StreamField
    script starts from (``data-w-block-arguments-value`` of ``#body``)."""
    match = re.search(
        r'<div id="body"[^>]*data-w-block-arguments-value="([^"]*)"',
        response.content.decode(),
    )
    assert match, "the body's StreamField is not in the page"
    value, _errors = json.loads(html.unescape(match[1]))
    return value


def photos_in_editor(response):
    (gallery,) = [b for b in body_in_editor(response) if b["type"] == "gallery"]
    return [item["value"] for item in gallery["value"]["photos"]]


def test_a_failed_validation_shows_again_the_12_photos_and_what_was_typed(
    editor_client, article
):
    images = [ImageFactory(title=f"Ảnh giao lưu {n}") for n in range(1, 13)]
    data = gallery_form_data(
        images,
        lead="Tóm tắt vừa gõ lại, chưa lưu.",
        event_start="17/06/2025",
        event_end="16/06/2025",
        **{"action-publish": "action-publish"},
    )

    response = editor_client.post(edit_url(article), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Sự kiện không thể kết thúc trước khi bắt đầu." in page
    assert "Tóm tắt vừa gõ lại, chưa lưu." in page
    photos = photos_in_editor(response)
    assert [p["image"]["id"] for p in photos] == [image.pk for image in images]
    assert [p["caption"] for p in photos] == CAPTIONS
    # Wagtail counts the refused form as unsaved: leaving it warns at once.
    assert 'data-w-unsaved-force-value="true"' in page
    assert not article.revisions.exists()


def test_an_empty_required_field_shows_again_the_gallery(editor_client, article):
    images = [ImageFactory(title=f"Ảnh giao lưu {n}") for n in range(1, 13)]
    data = gallery_form_data(images, lead="", **{"action-submit": "action-submit"})

    response = editor_client.post(edit_url(article), data)

    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()
    photos = photos_in_editor(response)
    assert [p["image"]["id"] for p in photos] == [image.pk for image in images]
    assert [p["caption"] for p in photos] == CAPTIONS


def autosave(client, page, data):
    """Post the form as Wagtail's autosave does: in the background, asking
    for JSON, with no action button (a draft save)."""
    return client.post(edit_url(page), data, headers={"accept": "application/json"})


def test_autosave_keeps_an_incomplete_draft(editor_client, article):
    # No lead (required to publish) and a gallery still without photos: what
    # the editor has while the chooser uploads. Wagtail 8 defers required
    # fields and the gallery's minimum for a draft, so the draft is kept.
    data = article_form_data(
        title="Giao lưu thể thao chào mừng năm mới",
        slug="giao-luu-the-thao",
        lead="",
        body=[("gallery", {"heading": "Hình ảnh", "photos": list_block([])})],
        venue="Nhà thi đấu tỉnh",
    )

    response = autosave(editor_client, article, data)

    assert response.status_code == 200, response.content.decode()[:1000]
    assert response.json()["success"] is True
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.venue == "Nhà thi đấu tỉnh"
    assert draft.lead == ""


def test_autosave_refuses_a_contradiction_and_the_editor_is_told(
    editor_client, article
):
    """A form that cannot be saved even as a draft is not autosaved: the page
    keeps warning before it is left (tests/browser/test_unsaved.py)."""
    data = article_form_data(
        title="Giao lưu thể thao chào mừng năm mới",
        slug="giao-luu-the-thao",
        event_start="17/06/2025",
        event_end="16/06/2025",
    )

    response = autosave(editor_client, article, data)

    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert not article.revisions.exists()


def test_the_editor_loads_the_dialogs_in_vietnamese(editor_client, article):
    response = editor_client.get(edit_url(article))

    page = response.content.decode()
    assert "js/admin-unsaved.js" in page
    assert 'data-session-url="/admin/phien-dang-nhap/"' in page
    assert "Bạn có thay đổi chưa được lưu" in page
    assert "Rời trang, bỏ các thay đổi" in page
    assert "Phiên đăng nhập đã hết hạn" in page
    assert "Đăng nhập trong thẻ mới" in page


def test_the_session_check_answers_a_logged_in_editor_with_a_fresh_token(
    editor_client,
):
    response = editor_client.get(reverse("news_session_status"))

    assert response.status_code == 200
    assert response.json()["authenticated"] is True
    assert len(response.json()["csrf_token"]) == 64
    assert "no-store" in response["Cache-Control"]


def test_the_session_check_sends_an_expired_session_to_the_login(client):
    """What the editor's script reads as "log in again"."""
    response = client.get(reverse("news_session_status"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_save_with_an_expired_session_is_lost_without_the_check(client, article):
    """Why the script checks the login first: the admin answers the save of
    a logged-out editor with the login page, and what was posted is gone."""
    response = client.post(edit_url(article), article_form_data(lead="Mất."))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not article.revisions.exists()
