"""The article QuerySet the lists, filters, feeds and search share
(news/models/articles.py)."""

import datetime

import pytest

from news.models import ArticleActivity, ArticleOrganization, ArticlePage, EventKind
from tests.factories import ArticlePageFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def titles(queryset):
    return [page.title for page in queryset]


def test_of_kind_in_year_and_naming(site_tree):
    review = EventKind.objects.get(code="tong_ket")
    pact = EventKind.objects.get(code="ky_ket_giao_uoc")
    unit, author = OrganizationFactory(), OrganizationFactory()
    both_years = ArticlePageFactory(
        parent=site_tree["a"], title="Tổng kết", date=datetime.date(2019, 1, 9)
    )
    ArticleActivity.objects.create(page=both_years, event_kind=review, year=2017)
    ArticleActivity.objects.create(page=both_years, event_kind=review, year=2018)
    signed = ArticlePageFactory(
        parent=site_tree["b"], title="Ký kết", date=datetime.date(2018, 3, 1)
    )
    ArticleActivity.objects.create(page=signed, event_kind=pact, year=2018)
    ArticleOrganization.objects.create(page=signed, organization=unit)
    written = ArticlePageFactory(
        parent=site_tree["news"],
        title="Bài của đơn vị",
        date=datetime.date(2017, 6, 1),
        byline_unit=author,
    )
    articles = ArticlePage.objects.for_cards()

    assert titles(articles) == ["Tổng kết", "Ký kết", "Bài của đơn vị"]
    assert titles(articles.of_kind(review)) == ["Tổng kết"]  # once, not per year
    assert titles(articles.of_kind(review.pk, pact.pk)) == ["Tổng kết", "Ký kết"]
    assert titles(articles.in_year(2018)) == ["Tổng kết", "Ký kết"]
    assert titles(articles.in_year(2016)) == []
    assert titles(articles.naming(unit)) == ["Ký kết"]
    assert titles(articles.naming(author)) == ["Bài của đơn vị"]
    assert written.pk not in articles.naming(unit).values_list("pk", flat=True)


def test_for_cards_leaves_out_drafts(site_tree):
    ArticlePageFactory(parent=site_tree["a"], title="Đã đăng")
    ArticlePageFactory(parent=site_tree["a"], title="Nháp", live=False)
    assert titles(ArticlePage.objects.for_cards()) == ["Đã đăng"]
