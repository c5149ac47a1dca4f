"""Admin screens of articles whose photos already have renditions (issue: the
edit page answered 500 once the public sizes had been made)."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Filter

from news.blocks import PHOTO_RENDITIONS
from news.models import ArticlePage, PortalRendition
from tests.factories import ArticlePageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def gallery(images):
    return (
        "gallery",
        {
            "heading": "Hình ảnh",
            "photos": [
                {"image": image, "caption": f"Ảnh {n}", "alt_text": "", "credit": ""}
                for n, image in enumerate(images)
            ],
        },
    )


@pytest.fixture
def article_with_renditions(site_tree):
    images = [ImageFactory() for _ in range(3)]
    article = ArticlePageFactory(
        parent=site_tree["a"],
        body=[("paragraph", "<p>Nội dung.</p>"), gallery(images)],
    )
    article.save_revision().publish()
    # The public page made its sizes, and the admin its thumbnails, earlier.
    for image in images:
        image.get_renditions(*PHOTO_RENDITIONS, "max-165x165", "fill-50x50")
    return ArticlePage.objects.get(pk=article.pk)


def test_edit_page_of_an_article_whose_renditions_exist(
    admin_client, article_with_renditions
):
    url = reverse("wagtailadmin_pages:edit", args=(article_with_renditions.pk,))
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("cached", [True, False])
def test_a_size_not_prefetched_is_found_not_made_again(article_with_renditions, cached):
    if not cached:
        caches["renditions" if "renditions" in settings.CACHES else "default"].clear()
    image = article_with_renditions.body[1].value["photos"][0]["image"]
    assert image.prefetched_renditions  # the public sizes came with the body
    stored = PortalRendition.objects.filter(image=image)
    before = {r.filter_spec: r.file.name for r in stored}

    with CaptureQueriesContext(connection) as queries:
        thumbnail = image.get_rendition("max-165x165")
        square = image.get_rendition(Filter("fill-50x50"))
        public = image.get_rendition(PHOTO_RENDITIONS[0])

    assert thumbnail.file.name == before["max-165x165"]
    assert square.file.name == before["fill-50x50"]
    assert public.file.name == before[PHOTO_RENDITIONS[0]]
    assert {r.filter_spec: r.file.name for r in stored.all()} == before
    # Looked up once each (none from the cache), never an insert.
    assert not any("INSERT" in q["sql"] for q in queries.captured_queries)
    assert len(queries) == (0 if cached else 2)


def test_a_new_size_after_a_prefetch_is_made_once(article_with_renditions):
    image = article_with_renditions.body[1].value["photos"][0]["image"]
    assert image.prefetched_renditions

    first = image.get_rendition("width-123")
    again = image.get_rendition("width-123")

    assert first.file.name == again.file.name
    assert first.image == image
    assert (
        PortalRendition.objects.filter(image=image, filter_spec="width-123").count()
        == 1
    )
