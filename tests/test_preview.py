"""The preview panel shows an article at once, even with photos just uploaded
(issue: it was still loading after 6 s). The cause: a preview renders the
public page, whose gallery asks for five sizes of every photo, and Wagtail made
the missing ones one after the other inside the preview request (about 5 s for
a 6000×4000 phone photo). A preview now makes none: a missing size is made when
the browser asks for that photo (news/preview_images.py)."""

import re
from html import unescape

import pytest
from django.urls import reverse

from news.blocks import PHOTO_RENDITIONS
from news.models import ArticlePage, PortalRendition
from tests.admin_forms import article_form_data, list_block, photo
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

TITLE = "Khối thi đua giao lưu thể thao chào mừng năm mới"


@pytest.fixture
def photos():
    # Just uploaded: only the admin's thumbnails exist, none of the public sizes.
    images = [
        ImageFactory(title=f"Ảnh giao lưu {n}", alt_text=f"Vận động viên số {n}")
        for n in range(12)
    ]
    for image in images:
        image.get_rendition("max-165x165")
    return images


def gallery_form_data(photos, title=TITLE):
    gallery = {
        "heading": "Hình ảnh",
        "photos": list_block(
            [photo(image, caption=f"Ảnh số {n}") for n, image in enumerate(photos)]
        ),
    }
    return article_form_data(title=title, slug="giao-luu", body=[("gallery", gallery)])


def preview(client, page, data):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    assert client.post(url, data).json()["is_valid"] is True
    return client.get(url, {"in_preview_panel": "true"})


def public_sizes():
    return PortalRendition.objects.filter(filter_spec__in=PHOTO_RENDITIONS)


def test_a_preview_makes_no_photo_size_and_shows_every_photo(
    admin_client, site_tree, photos
):
    article = ArticlePage(title="Bản nháp", slug="giao-luu", lead="Tin mới.")
    site_tree["a"].add_child(instance=article)

    response = preview(admin_client, article, gallery_form_data(photos))

    assert response.status_code == 200
    html = response.content.decode()
    assert TITLE in html
    assert len(re.findall(r"data-gallery-item", html)) == 12
    assert "Ảnh số 11" in html
    # Without the fix: 12 photos × 5 sizes made inside this request.
    assert not public_sizes().exists()
    # Each photo still has its sizes, with their real width and height (a
    # 320×240 photo fills 300×200 and is kept at 320×240 as the largest).
    images = re.findall(r"<img [^>]+>", html)
    assert len(images) == 12
    assert all('height="200"' in img and 'width="300"' in img for img in images)
    thumbnails = [re.search(r'src="([^"]+)"', img).group(1) for img in images]
    assert all("/anh-xem-truoc/" in url for url in thumbnails)
    full = re.findall(r'data-gallery-item data-width="320" data-height="240"', html)
    assert len(full) == 12

    # The browser asks for a photo: that one size is made, then shown.
    answer = admin_client.get(unescape(thumbnails[0]))
    assert answer.status_code == 302
    made = public_sizes().get()
    assert answer["Location"] == made.url
    assert made.image == photos[0]
    assert (made.width, made.height) == (300, 200)


def test_a_preview_uses_the_sizes_that_exist(admin_client, site_tree, photos):
    for image in photos:
        image.get_renditions(*PHOTO_RENDITIONS)
    article = ArticlePage(title="Bản nháp", slug="giao-luu", lead="Tin mới.")
    site_tree["a"].add_child(instance=article)

    html = preview(admin_client, article, gallery_form_data(photos)).content.decode()

    assert "anh-xem-truoc" not in html
    gallery_sizes = public_sizes().filter(filter_spec__startswith="fill-")
    for rendition in gallery_sizes.filter(image=photos[0]):
        assert rendition.url in html


def test_the_public_page_is_unchanged(admin_client, site_tree, photos):
    """Outside a preview, sizes are made as before: the published page and its
    cache never point to the preview's view."""
    article = ArticlePage(title="Bản nháp", slug="giao-luu", lead="Tin mới.")
    site_tree["a"].add_child(instance=article)
    preview(admin_client, article, gallery_form_data(photos))
    data = gallery_form_data(photos)
    data["action-publish"] = "action-publish"
    edit = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    assert admin_client.post(edit, data).status_code == 302

    html = admin_client.get(ArticlePage.objects.get(pk=article.pk).url)
    html = html.content.decode()

    assert TITLE in html
    assert "anh-xem-truoc" not in html
    assert public_sizes().count() == 12 * 5  # 2 sizes × 2 formats + the largest


def test_the_photo_view_is_for_people_of_the_admin(client, site_tree, photos):
    article = ArticlePage(title="Bản nháp", slug="giao-luu", lead="Tin mới.")
    site_tree["a"].add_child(instance=article)
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("qt", "qt@example.com", "x")
    client.force_login(admin)
    html = preview(client, article, gallery_form_data(photos)).content.decode()
    url = unescape(re.search(r'src="([^"]*anh-xem-truoc[^"]*)"', html).group(1))
    client.logout()

    answer = client.get(url)

    assert answer.status_code == 302
    assert "/admin/login/" in answer["Location"]
    assert not public_sizes().exists()
    # A tampered address is refused (the admin answers a refusal with a
    # redirect to its dashboard), and makes nothing.
    client.force_login(admin)
    answer = client.get(url.replace("fill-300x200", "fill-301x200"))
    assert (answer.status_code, answer["Location"]) == (302, "/admin/")
    assert not PortalRendition.objects.filter(
        filter_spec__startswith="fill-301"
    ).exists()
