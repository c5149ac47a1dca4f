"""bench_articles (the articles of ``make bench``): rows written in bulk form a
valid page tree, and the articles are listed, served and found like any other."""

import io

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page

from news.models import ArticleActivity, ArticlePage, PortalImage
from tests.factories import ImageFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

NEWEST_FIRST = ("-sort_date", "-first_published_at", "-pk")


def generate(count):
    call_command("bench_articles", count, stdout=io.StringIO())


def test_generated_articles_form_a_valid_tree(site_tree):
    ImageFactory.create_batch(3)
    OrganizationFactory.create_batch(3)

    generate(50)
    generate(10)  # a second run continues after the last child of each parent

    assert ArticlePage.objects.live().count() == 60
    assert Page.find_problems() == ([], [], [], [], [])
    parents = [site_tree["news"], site_tree["a"], site_tree["b"]]
    for parent in parents:
        parent.refresh_from_db()
        assert parent.numchild == parent.get_children().count() > 0
    for article in ArticlePage.objects.all():
        parent = article.get_parent()
        assert article.url_path == f"{parent.url_path}{article.slug}/"
        assert article.sort_date == article.ordering_date
    assert ArticleActivity.objects.values("page").distinct().count() == 60
    assert PortalImage.objects.count() == 3  # covers and photos reuse the images


def test_generated_articles_are_listed_served_and_found(client, site_tree):
    generate(30)
    newest = ArticlePage.objects.order_by(*NEWEST_FIRST).first()

    listing = client.get(site_tree["news"].url)
    assert listing.status_code == 200
    assert escape(newest.title) in listing.content.decode()

    assert client.get(newest.url).status_code == 200

    found = client.get("/tim-kiem/", {"q": newest.title})
    assert newest.pk in [page.pk for page in found.context["articles"].object_list]
