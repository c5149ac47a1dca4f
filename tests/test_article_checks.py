"""The checks an article passes in the admin: its photos need alt text to be
published (not to be saved as a draft), and an article without an activity is
saved with a warning."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from news.models import ArticlePage, EventKind
from tests.admin_forms import article_form_data, list_block, photo
from tests.factories import ArticlePageFactory, ImageFactory

pytestmark = pytest.mark.django_db

NO_ALT = "ảnh chưa có mô tả ảnh (alt)"
FIELD_ERROR = "Hãy ghi ảnh cho thấy điều gì."
NO_ACTIVITY = "chưa có hoạt động nào (loại sự kiện và năm thi đua)"


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


@pytest.fixture
def photos(db):
    """Three photos from a phone, named by it, without alt text, and one
    whose alt text was written in the library."""
    return {
        "a": ImageFactory(title="IMG_20261205_0001"),
        "b": ImageFactory(title="DSC01235"),
        "c": ImageFactory(title="IMG_20261205_0003"),
        "written": ImageFactory(
            title="IMG_20261205_0004", alt_text="Các đội kéo co chụp ảnh lưu niệm"
        ),
    }


def gallery_article(photos, cover=None, **fields):
    """An article whose gallery has: a and b without alt text, c with the
    article's own alt text, and a photo with its library alt text."""
    gallery = {
        "heading": "Một số hình ảnh",
        "photos": list_block(
            [
                photo(photos["a"], caption="Lễ khai mạc"),
                photo(photos["b"], caption="Trận chung kết"),
                photo(photos["c"], alt_text="Ban tổ chức trao cúp cho đội vô địch"),
                photo(photos["written"]),
            ]
        ),
    }
    kind = EventKind.objects.get(code="giao_luu_the_thao_van_nghe")
    return article_form_data(
        body=[
            ("paragraph", rich_text("<p>Sáng ngày 05/12/2026, Khối thi đua…</p>")),
            ("gallery", gallery),
        ],
        activities=[(kind, 2026)],
        cover=str(cover.pk) if cover else "",
        **fields,
    )


def test_publishing_is_refused_naming_the_photos_without_alt_text(
    admin_client, site_tree, photos
):
    data = gallery_article(photos, **{"action-publish": "action-publish"})

    response = admin_client.post(add_url(site_tree["a"]), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"Chưa thể xuất bản: 2 {NO_ALT}: “IMG_20261205_0001”, “DSC01235”." in page
    assert "IMG_20261205_0003”" not in page.split(NO_ALT)[1].split("</li>")[0]
    # Each photo's own "alt text" field is marked, in the gallery.
    [error] = response.context["form"].errors.as_data()["body"]
    photo_errors = error.block_errors[1].block_errors["photos"].block_errors
    assert sorted(photo_errors) == [0, 1]
    assert photo_errors[0].as_json_data() == {
        "blockErrors": {"alt_text": {"messages": [FIELD_ERROR]}}
    }
    assert json.dumps(FIELD_ERROR) in page.replace("&quot;", '"')
    assert not ArticlePage.objects.exists()


def test_a_draft_is_saved_without_the_alt_text(admin_client, site_tree, photos):
    response = admin_client.post(add_url(site_tree["a"]), gallery_article(photos))

    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert not article.live


def test_with_the_alt_text_written_the_article_is_published(
    admin_client, site_tree, photos
):
    photos["a"].alt_text = "Lễ khai mạc giao lưu thể thao"
    photos["a"].save()
    data = gallery_article(photos, **{"action-publish": "action-publish"})
    data["body-1-value-photos-1-value-alt_text"] = "Trận chung kết bóng chuyền nam"

    response = admin_client.post(add_url(site_tree["a"]), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert ArticlePage.objects.get().live


def test_the_cover_needs_alt_text_too(admin_client, site_tree, photos):
    cover = ImageFactory(title="20261205_101010")
    photos["a"].alt_text = photos["b"].alt_text = "Lễ khai mạc giao lưu thể thao"
    photos["a"].save()
    photos["b"].save()
    data = gallery_article(photos, cover, **{"action-publish": "action-publish"})

    response = admin_client.post(add_url(site_tree["a"]), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert f"1 {NO_ALT}: ảnh đại diện “20261205_101010”." in page
    assert "Ảnh này chưa có mô tả ảnh (alt): hãy thêm trong thư viện ảnh." in page


def test_an_editor_cannot_submit_it_for_moderation_either(
    editor_client, site_tree, photos
):
    data = gallery_article(photos, **{"action-submit": "action-submit"})

    response = editor_client.post(add_url(site_tree["a"]), data)

    assert response.status_code == 200
    assert f"2 {NO_ALT}" in response.content.decode()
    assert not ArticlePage.objects.exists()
    # Saving the draft works, and so does submitting once the alt text is there.
    response = editor_client.post(add_url(site_tree["a"]), gallery_article(photos))
    assert response.status_code == 302
    article = ArticlePage.objects.get()
    for image in (photos["a"], photos["b"]):
        image.alt_text = "Lễ khai mạc giao lưu thể thao"
        image.save()
    data = gallery_article(photos, **{"action-submit": "action-submit"})
    data["slug"] = article.slug
    response = editor_client.post(edit_url(article), data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.workflow_in_progress


def test_publishing_an_existing_article_checks_its_photos(admin_client, site_tree):
    image = ImageFactory(title="IMG_202612005")
    article = ArticlePageFactory(
        parent=site_tree["a"], lead="Khối thi đua tổ chức hội nghị.", live=False
    )
    data = article_form_data(
        slug=article.slug,
        body=[("image", photo(image, caption="Toàn cảnh hội nghị"))],
        **{"action-publish": "action-publish"},
    )

    response = admin_client.post(edit_url(article), data)

    assert response.status_code == 200
    assert f"1 {NO_ALT}: “IMG_202612005”." in response.content.decode()
    article.refresh_from_db()
    assert not article.live


# Activities ---------------------------------------------------------------------


def test_an_article_without_an_activity_is_saved_with_a_warning(
    admin_client, site_tree
):
    data = article_form_data(title="Bài viết thử không có hoạt động")

    response = admin_client.post(add_url(site_tree["a"]), data, follow=True)

    assert response.status_code == 200
    article = ArticlePage.objects.get()  # saved: the warning does not block
    page = response.content.decode()
    assert f"Bài viết “{article.title}” {NO_ACTIVITY}" in page
    assert "hãy thêm ở mục “Sự kiện”" in page


def test_publishing_without_an_activity_warns_too(admin_client, site_tree):
    data = article_form_data(**{"action-publish": "action-publish"})

    response = admin_client.post(add_url(site_tree["a"]), data, follow=True)

    assert ArticlePage.objects.get().live
    assert NO_ACTIVITY in response.content.decode()


def test_an_article_with_an_activity_gets_no_warning(admin_client, site_tree):
    kind = EventKind.objects.get(code="tong_ket")
    data = article_form_data(activities=[(kind, 2026)])

    response = admin_client.post(add_url(site_tree["a"]), data, follow=True)

    assert ArticlePage.objects.get().activities.count() == 1
    assert NO_ACTIVITY not in response.content.decode()


def test_autosave_leaves_no_warning_for_later(admin_client, site_tree):
    article = ArticlePageFactory(parent=site_tree["a"], lead="Khối thi đua.")
    data = article_form_data(slug=article.slug, title="Tiêu đề đã sửa")

    response = admin_client.post(
        edit_url(article), data, HTTP_ACCEPT="application/json"
    )

    assert response.status_code == 200 and response.json()["success"] is True
    assert NO_ACTIVITY not in admin_client.get(edit_url(article)).content.decode()
