"""A reader's browser (or a proxy) that already holds a page asks with its
ETag and gets 304 Not Modified, without the body, until the page changes."""

import datetime

import pytest

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(
        parent=site_tree["a"], title="Hội nghị sơ kết", date=datetime.date(2024, 7, 5)
    )


@pytest.mark.parametrize(
    "url", ["/", "/tin-tuc/", "article", "/rss/", "/atom/", "/tim-kiem/?q=so+ket"]
)
def test_a_page_not_changed_answers_304_without_a_body(client, article, url):
    url = article.url if url == "article" else url
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    # Another copy (an old ETag) gets the page.
    assert client.get(url, HTTP_IF_NONE_MATCH='"old"').status_code == 200


def test_a_published_change_is_sent_at_once(client, article):
    etag = client.get(article.url)["ETag"]
    article.title = "Hội nghị sơ kết 6 tháng"
    article.save_revision().publish()
    response = client.get(article.url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Hội nghị sơ kết 6 tháng" in response.content.decode()


def test_errors_are_never_304(client, site_tree):
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404
    etag = missing.get("ETag", '"x"')
    assert (
        client.get("/khong-co-trang-nay/", HTTP_IF_NONE_MATCH=etag).status_code == 404
    )
