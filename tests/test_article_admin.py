"""Editors create articles with galleries and activities in the admin."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from news.models import ArticlePage, EventKind
from tests.admin_forms import article_form_data, list_block, photo
from tests.factories import ImageFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", parent.pk))


def test_article_with_a_20_photo_gallery_and_two_activities(admin_client, site_tree):
    bloc = site_tree["a"]
    images = [ImageFactory(title=f"Ảnh hội nghị {n}") for n in range(20)]
    review = EventKind.objects.get(code="tong_ket")
    pact = EventKind.objects.get(code="ky_ket_giao_uoc")
    host = OrganizationFactory(name="Văn phòng UBND tỉnh")
    gallery = {
        "heading": "Một số hình ảnh tại hội nghị",
        "photos": list_block(
            [
                photo(
                    image,
                    caption=f"Chú thích ảnh số {n}",
                    alt_text=f"Quang cảnh hội nghị, ảnh số {n}",  # needed to publish
                    credit="Văn phòng Sở",
                )
                for n, image in enumerate(images, start=1)
            ]
        ),
    }
    data = article_form_data(
        body=[
            ("paragraph", rich_text("<p>Sáng ngày 08/01/2019, Khối thi đua…</p>")),
            ("gallery", gallery),
        ],
        activities=[(review, 2018), (pact, 2019)],
        organizations=[(host, "host")],
        date="09/01/2019",
        event_start="08/01/2019",
        venue="Hội trường Văn phòng UBND tỉnh",
        **{"action-publish": "action-publish"},
    )

    response = admin_client.post(add_url(bloc), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="hoi-nghi-tong-ket-2018")
    assert article.live
    assert article.get_parent().specific == bloc
    assert article.date.isoformat() == "2019-01-09"
    # Every block posted was kept: none was silently dropped as unknown.
    assert [block.block_type for block in article.body] == ["paragraph", "gallery"]
    photos = article.body[1].value["photos"]
    assert [p["image"].pk for p in photos] == [image.pk for image in images]
    assert photos[19]["caption"] == "Chú thích ảnh số 20"
    assert [(a.event_kind.code, a.year) for a in article.activities.all()] == [
        ("tong_ket", 2018),
        ("ky_ket_giao_uoc", 2019),
    ]
    assert [(o.organization, o.role) for o in article.organizations.all()] == [
        (host, "host")
    ]

    # It previews and renders with every photo and caption.
    preview = admin_client.post(
        reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,)),
        data,
    )
    assert preview.json()["is_valid"] is True
    preview = admin_client.get(
        reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    )
    assert preview.status_code == 200
    page = admin_client.get(article.url)
    html = page.content.decode()
    assert page.status_code == 200
    assert len(re.findall(r"data-gallery-item", html)) == 20
    assert "Chú thích ảnh số 20" in html
    assert "Tổng kết năm (năm thi đua 2018)" in html
    assert "Ký kết giao ước thi đua (năm thi đua 2019)" in html
    assert "09/01/2019" in html


def test_event_ending_before_it_starts_is_refused_and_keeps_the_text(
    admin_client, site_tree
):
    data = article_form_data(
        title="Hội nghị sơ kết 6 tháng đầu năm",
        event_start="17/06/2020",
        event_end="16/06/2020",
    )
    response = admin_client.post(add_url(site_tree["a"]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sự kiện không thể kết thúc trước khi bắt đầu." in html
    assert 'value="Hội nghị sơ kết 6 tháng đầu năm"' in html
    assert not ArticlePage.objects.exists()


def test_activity_year_too_far_after_the_event_is_refused(admin_client, site_tree):
    kind = EventKind.objects.get(code="phat_dong")
    data = article_form_data(event_start="15/03/2017", activities=[(kind, 2019)])
    response = admin_client.post(add_url(site_tree["a"]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sự kiện tổ chức năm 2017 không thể thuộc năm thi đua 2019" in html
    assert not ArticlePage.objects.exists()


def test_the_same_activity_twice_is_refused(admin_client, site_tree):
    kind = EventKind.objects.get(code="tong_ket")
    data = article_form_data(activities=[(kind, 2018), (kind, 2018)])
    response = admin_client.post(add_url(site_tree["a"]), data)
    assert response.status_code == 200
    assert "Hoạt động này đã có trong danh sách." in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_the_article_editor_is_in_vietnamese(admin_client, site_tree):
    response = admin_client.get(add_url(site_tree["a"]))
    html = response.content.decode()
    assert response.status_code == 200
    for label in ["Ngày đăng", "Tóm tắt", "Ảnh đại diện", "Năm thi đua", "Tác giả"]:
        assert label in html, label


def test_a_new_bloc_previews_before_its_first_save(admin_client, site_tree):
    from wagtail.test.utils.form_data import rich_text as rich

    args = ("news", "blocpage", site_tree["blocs"].pk)
    data = {
        "title": "Cụm thi đua các tỉnh Đông Nam Bộ",
        "slug": "cum-dong-nam-bo",
        "short_name": "Cụm Đông Nam Bộ",
        "kind": "cum",
        "level": "bo_nganh",
        "other_names": "",
        "intro": "",
        "description": rich("<p>Sáu tỉnh.</p>"),
    }
    url = reverse("wagtailadmin_pages:preview_on_add", args=args)
    assert admin_client.post(url, data).json()["is_valid"] is True
    preview = admin_client.get(url)
    assert preview.status_code == 200
    assert "Cụm thi đua các tỉnh Đông Nam Bộ" in preview.content.decode()
