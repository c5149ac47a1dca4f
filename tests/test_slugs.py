"""Addresses keep Vietnamese letters as ASCII, the way the importer spells them:
"Hội thao" -> "hoi-thao", "đ" -> "d", every mark dropped and never the letter."""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from news.admin_slugs import SLUG_FORMATTERS, VIETNAMESE_LETTERS
from news.forms import PortalPageForm
from news.models import ArticlePage, Organization, StandardPage
from news.text import slugify_vi
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db


def add_article(client, parent, **fields):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", parent.pk))
    return client.post(url, article_form_data(**fields))


def form_errors(response):
    form = response.context["form"] if response.context else None
    return dict(form.errors) if form is not None else response.status_code


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Khối thi đua tổ chức giao lưu Hội thao - Văn nghệ chào mừng năm 2026",
            "khoi-thi-dua-to-chuc-giao-luu-hoi-thao-van-nghe-chao-mung-nam-2026",
        ),
        ("Bài viết thử không có hoạt động", "bai-viet-thu-khong-co-hoat-dong"),
        ("ĐẠI HỘI ĐẢNG BỘ Sở Nội vụ", "dai-hoi-dang-bo-so-noi-vu"),
    ],
)
def test_an_empty_slug_gets_the_title_without_marks(
    admin_client, site_tree, title, slug
):
    response = add_article(admin_client, site_tree["a"], title=title, slug="")

    assert response.status_code == 302, form_errors(response)
    assert ArticlePage.objects.get(title=title).slug == slug


def test_a_slug_typed_with_marks_is_transliterated(admin_client, site_tree):
    response = add_article(
        admin_client, site_tree["a"], title="Hội nghị tổng kết", slug="Hội nghị Đà Nẵng"
    )

    assert response.status_code == 302, form_errors(response)
    assert ArticlePage.objects.get(title="Hội nghị tổng kết").slug == "hoi-nghi-da-nang"


def test_a_slug_typed_with_marks_on_edit_is_transliterated(admin_client, site_tree):
    add_article(admin_client, site_tree["a"], title="Hội nghị", slug="hoi-nghi")
    article = ArticlePage.objects.get(title="Hội nghị")
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

    response = admin_client.post(
        url, article_form_data(title="Hội nghị", slug="hội-nghị-đổi-mới")
    )

    assert response.status_code == 302, form_errors(response)
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().slug == "hoi-nghi-doi-moi"


def test_another_page_type_gets_a_transliterated_slug(admin_client, site_tree):
    url = reverse(
        "wagtailadmin_pages:add", args=("news", "standardpage", site_tree["home"].pk)
    )
    data = {
        "title": "Giới thiệu Hội đồng thi đua",
        "slug": "",
        "body": rich_text("<p>Hội đồng thi đua, khen thưởng tỉnh.</p>"),
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    page = StandardPage.objects.get(title="Giới thiệu Hội đồng thi đua")
    assert page.slug == "gioi-thieu-hoi-dong-thi-dua"


def test_every_page_type_of_the_portal_uses_the_portal_page_form():
    page_models = [
        model
        for model in apps.get_app_config("news").get_models()
        if issubclass(model, Page)
    ]
    assert len(page_models) >= 6
    for model in page_models:
        form_class = model.get_edit_handler().get_form_class()
        assert issubclass(form_class, PortalPageForm), model


def test_a_duplicate_typed_slug_is_a_clear_error(admin_client, site_tree):
    add_article(admin_client, site_tree["a"], title="Hội nghị", slug="hoi-nghi")

    response = add_article(
        admin_client, site_tree["a"], title="Hội nghị lần hai", slug="Hội nghị"
    )

    assert response.status_code == 200
    [error] = response.context["form"].errors["slug"]
    assert "'hoi-nghi'" in error and "đã được sử dụng" in error, error
    assert not ArticlePage.objects.filter(title="Hội nghị lần hai").exists()


def test_a_duplicate_title_with_an_empty_slug_gets_a_number(admin_client, site_tree):
    add_article(admin_client, site_tree["a"], title="Hội nghị", slug="")
    response = add_article(admin_client, site_tree["a"], title="Hội nghị", slug="")

    assert response.status_code == 302, form_errors(response)
    slugs = sorted(ArticlePage.objects.values_list("slug", flat=True))
    assert slugs == ["hoi-nghi", "hoi-nghi-2"]


def test_a_unit_slug_typed_with_marks_is_transliterated(admin_client):
    url = reverse("wagtailsnippets_news_organization:add")
    data = {
        "name": "Sở Nội vụ tỉnh Điện Biên",
        "short_name": "",
        "slug": "Sở Nội vụ Điện Biên",
        "kind": Organization.Kind.PROVINCIAL_DEPARTMENT,
        "province": "",
        "parent": "",
        "other_names": "",
        "successor": "",
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    unit = Organization.objects.get(name="Sở Nội vụ tỉnh Điện Biên")
    assert unit.slug == "so-noi-vu-dien-bien"


def test_the_live_slug_formatters_spell_every_letter_as_the_importer_does():
    """The browser applies these replacements before Wagtail's own slug rules
    (tests/browser/test_slugs.py types them); each letter, in either case, must
    come out as the importer's slugify_vi spells it."""
    import re

    for letter in VIETNAMESE_LETTERS:
        replaced = letter
        for pattern, replacement in SLUG_FORMATTERS:
            replaced = re.sub(pattern, replacement, replaced)
        assert replaced.lower() == slugify_vi(letter), letter
