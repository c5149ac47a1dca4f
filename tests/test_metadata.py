"""Search-engine and social metadata: the served HTML is parsed and its fields
checked (description, canonical URL, OpenGraph, Twitter card, JSON-LD)."""

import datetime
import json
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import Site

from news.models import (
    ArticleActivity,
    ArticlePage,
    EventKind,
    NewsIndexPage,
    PortalSettings,
)
from tests.factories import ArticlePageFactory, ImageFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

LONG_LEAD = (
    "Sáng  ngày 09/01, Khối thi đua các sở, ngành tổng hợp\n tổ chức hội nghị tổng kết "
    "công tác thi đua, khen thưởng năm 2018 và ký kết giao ước thi đua năm 2019 "
    "với sự tham dự của lãnh đạo Hội đồng Thi đua - Khen thưởng tỉnh và các đơn "
    "vị thành viên trong khối."
)


def fetch(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, key):
    """The content of <meta property=key> or <meta name=key>, or None."""
    tag = soup.find("meta", attrs={"property": key}) or soup.find(
        "meta", attrs={"name": key}
    )
    return tag["content"] if tag else None


def canonical(soup):
    tag = soup.find("link", rel="canonical")
    return tag["href"] if tag else None


def structured_data(soup):
    """The JSON-LD graph's nodes by type; the page has one JSON-LD script."""
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


def feed_links(soup):
    return {
        link["href"]
        for link in soup.find_all("link", rel="alternate")
        if link.get("type") in {"application/rss+xml", "application/atom+xml"}
    }


def path_of(url):
    return urlsplit(url).path


def assert_rendition_served(url, width, height):
    """The shared picture's file exists and has the announced size."""
    assert url.startswith("http://localhost/")
    name = path_of(url).removeprefix(settings.MEDIA_URL)
    assert default_storage.exists(name), url
    with default_storage.open(name) as file, Image.open(file) as image:
        assert image.size == (int(width), int(height))
        assert image.format == "JPEG"


def kind(code):
    return EventKind.objects.get(code=code)


@pytest.fixture
def article(site_tree):
    unit = OrganizationFactory(name="Sở Tài chính tỉnh Bến Tre")
    cover = ImageFactory(
        file__width=1600, file__height=1000, alt_text="Quang cảnh hội nghị"
    )
    page = ArticlePageFactory(
        parent=site_tree["a"],
        title="Khối thi đua các sở, ngành tổng hợp tổng kết năm 2018",
        slug="tong-ket-2018",
        lead=LONG_LEAD,
        date=datetime.date(2019, 1, 9),
        cover=cover,
        byline_person="Việt Hà",
        byline_unit=unit,
    )
    page.tags.add("giao ước")
    page.save()
    ArticleActivity.objects.create(page=page, event_kind=kind("tong_ket"), year=2018)
    return page


def test_an_article_describes_itself_to_search_engines_and_networks(client, article):
    soup = fetch(client, article.url)

    # The description falls back to the lead: whitespace collapsed, cut at a
    # word boundary with an ellipsis.
    lead = " ".join(LONG_LEAD.split())
    description = meta(soup, "description")
    assert description.endswith("…")
    assert len(description) <= 160
    kept = description.removesuffix("…")
    assert lead.startswith(kept) and lead[len(kept)] == " "
    assert meta(soup, "og:description") == description
    assert meta(soup, "twitter:description") == description

    url = canonical(soup)
    assert url == f"http://localhost{article.url}"
    assert meta(soup, "og:url") == url
    assert soup.title.string == f"{article.title} | Bảng tin Thi đua"
    assert meta(soup, "og:title") == article.title
    assert meta(soup, "og:site_name") == "Bảng tin Thi đua"
    assert meta(soup, "og:locale") == "vi_VN"
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "article:published_time") == "2019-01-09T00:00:00+07:00"
    assert meta(soup, "article:section") == article.get_parent().title
    tags = {t["content"] for t in soup.find_all("meta", property="article:tag")}
    assert tags == {"giao ước", "Tổng kết năm"}
    assert soup.find("meta", attrs={"name": "robots"}) is None

    image = meta(soup, "og:image")
    width, height = meta(soup, "og:image:width"), meta(soup, "og:image:height")
    assert (width, height) == ("1200", "630")
    assert_rendition_served(image, width, height)
    assert meta(soup, "og:image:alt") == "Quang cảnh hội nghị"
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == image
    assert meta(soup, "twitter:image:alt") == "Quang cảnh hội nghị"

    news = structured_data(soup)["NewsArticle"]
    assert news["headline"] == article.title
    assert news["description"] == description
    assert news["datePublished"] == "2019-01-09T00:00:00+07:00"
    assert news["dateModified"] >= news["datePublished"]
    assert news["image"][0] == image
    for other in news["image"][1:]:
        assert path_of(other).startswith(settings.MEDIA_URL)
    assert news["author"] == [
        {"@type": "Person", "name": "Việt Hà"},
        {"@type": "Organization", "name": "Sở Tài chính tỉnh Bến Tre"},
    ]
    assert news["publisher"]["@type"] == "Organization"
    assert news["publisher"]["name"] == "Bảng tin Thi đua"
    assert news["mainEntityOfPage"]["@id"] == url
    assert news["inLanguage"] == "vi"


def test_the_editor_s_description_wins_and_long_headlines_are_cut(client, article):
    article.search_description = "Tóm tắt do biên tập viên viết."
    article.title = "Tổng kết " * 20
    article.save()
    soup = fetch(client, article.url)
    assert meta(soup, "description") == "Tóm tắt do biên tập viên viết."
    headline = structured_data(soup)["NewsArticle"]["headline"]
    assert len(headline) <= 110
    assert headline.endswith("Tổng kết…")


def test_a_title_cannot_break_out_of_the_json_ld_script(client, site_tree):
    title = 'Hội nghị "đặc biệt" </script><script>alert(1)</script> & <b>'
    page = ArticlePageFactory(parent=site_tree["a"], title=title, slug="dac-biet")
    response = client.get(page.url)
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert structured_data(soup)["NewsArticle"]["headline"] == title
    assert meta(soup, "og:title") == title
    assert soup.title.string == f"{title} | Bảng tin Thi đua"


def test_an_article_without_any_picture_gets_a_summary_card(client, site_tree):
    page = ArticlePageFactory(parent=site_tree["a"], date=datetime.date(2020, 5, 4))
    soup = fetch(client, page.url)
    assert meta(soup, "og:image") is None
    assert meta(soup, "twitter:card") == "summary"
    assert "image" not in structured_data(soup)["NewsArticle"]


def test_pages_without_a_picture_share_the_default_image(client, site_tree):
    default = ImageFactory(file__width=1600, file__height=1000, alt_text="Biểu trưng")
    PortalSettings.objects.create(
        site=Site.objects.get(is_default_site=True), default_share_image=default
    )
    page = ArticlePageFactory(parent=site_tree["a"], date=datetime.date(2020, 5, 4))
    for url in [page.url, site_tree["news"].url, "/"]:
        soup = fetch(client, url)
        assert meta(soup, "og:image:alt") == "Biểu trưng"
        assert meta(soup, "twitter:card") == "summary_large_image"
        assert_rendition_served(
            meta(soup, "og:image"),
            meta(soup, "og:image:width"),
            meta(soup, "og:image:height"),
        )


def test_the_publisher_s_logo_is_given_to_search_engines(client, site_tree):
    page = ArticlePageFactory(parent=site_tree["a"], date=datetime.date(2020, 5, 4))
    publisher = structured_data(fetch(client, page.url))["NewsArticle"]["publisher"]
    assert "logo" not in publisher  # none configured: none claimed
    logo = ImageFactory(file__width=1000, file__height=800)
    PortalSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"logo": logo}
    )
    graph = structured_data(fetch(client, page.url))
    publisher = graph["NewsArticle"]["publisher"]
    assert publisher["logo"]["@type"] == "ImageObject"
    # At most 600 px, PNG (a transparent background survives).
    assert (publisher["logo"]["width"], publisher["logo"]["height"]) == (600, 480)
    name = path_of(publisher["logo"]["url"]).removeprefix(settings.MEDIA_URL)
    with default_storage.open(name) as file, Image.open(file) as image:
        assert image.size == (600, 480) and image.format == "PNG"
    home = structured_data(fetch(client, "/"))["WebSite"]
    assert home["publisher"]["logo"] == publisher["logo"]


def test_undated_legacy_articles_claim_no_publication_day(client, site_tree):
    import_day = timezone.now()
    undated = ArticlePageFactory(
        parent=site_tree["a"], date=None, import_key="legacy/tin-cu.html"
    )
    event_only = ArticlePageFactory(
        parent=site_tree["a"],
        date=None,
        event_start=datetime.date(2016, 3, 8),
        import_key="legacy/tin-co-ngay-su-kien.html",
    )
    written_here = ArticlePageFactory(parent=site_tree["a"], date=None)
    ArticlePage.objects.filter(
        pk__in=[undated.pk, event_only.pk, written_here.pk]
    ).update(first_published_at=import_day, last_published_at=import_day)

    soup = fetch(client, undated.url)
    news = structured_data(soup)["NewsArticle"]
    assert "datePublished" not in news
    assert "dateModified" not in news
    assert meta(soup, "article:published_time") is None
    assert meta(soup, "article:modified_time") is None
    assert timezone.localdate(import_day).isoformat() not in str(soup.head)

    soup = fetch(client, event_only.url)
    news = structured_data(soup)["NewsArticle"]
    assert news["datePublished"] == "2016-03-08T00:00:00+07:00"
    assert news["dateModified"] == news["datePublished"]

    news = structured_data(fetch(client, written_here.url))["NewsArticle"]
    published = timezone.localtime(import_day).isoformat(timespec="seconds")
    assert news["datePublished"] == published
    assert published.endswith("+07:00")


def breadcrumb(soup):
    """(name, path) of the visible breadcrumb's items; the last has no link."""
    items = []
    for item in soup.select("nav.breadcrumb li"):
        link = item.find("a")
        items.append((item.get_text(strip=True), link["href"] if link else None))
    return items


def assert_breadcrumb_data_matches_the_visible_one(soup, current_path):
    visible = breadcrumb(soup)
    data = structured_data(soup)["BreadcrumbList"]["itemListElement"]
    assert [item["position"] for item in data] == list(range(1, len(visible) + 1))
    assert [item["name"] for item in data] == [name for name, _href in visible]
    paths = [path_of(item["item"]) for item in data]
    assert paths[:-1] == [href for _name, href in visible[:-1]]
    assert paths[-1] == current_path
    assert all(item["item"].startswith("http://localhost/") for item in data)
    assert visible[0][0] == "Trang chủ"


def test_breadcrumb_lists_match_the_visible_breadcrumbs(client, site_tree, article):
    assert_breadcrumb_data_matches_the_visible_one(
        fetch(client, article.url), article.url
    )
    bloc = site_tree["a"]
    assert_breadcrumb_data_matches_the_visible_one(fetch(client, bloc.url), bloc.url)
    unit = OrganizationFactory(name="Sở Kế hoạch và Đầu tư tỉnh Sóc Trăng")
    unit_url = site_tree["blocs"].url + f"don-vi/{unit.slug}/"
    assert_breadcrumb_data_matches_the_visible_one(fetch(client, unit_url), unit_url)


def test_a_unit_s_page_has_its_own_canonical_url_and_description(client, site_tree):
    unit = OrganizationFactory(name="Sở Kế hoạch và Đầu tư tỉnh Sóc Trăng")
    url = site_tree["blocs"].url + f"don-vi/{unit.slug}/"
    soup = fetch(client, url, {"utm_source": "zalo"})
    assert canonical(soup) == f"http://localhost{url}"
    assert meta(soup, "og:url") == canonical(soup)
    assert meta(soup, "og:title") == unit.name
    assert unit.name in meta(soup, "description")
    assert canonical(fetch(client, site_tree["blocs"].url)) == (
        f"http://localhost{site_tree['blocs'].url}"
    )


def test_list_canonical_urls_keep_valid_filters_and_later_pages(client, site_tree):
    review = kind("tong_ket")
    for n in range(21):
        page = ArticlePageFactory(
            parent=site_tree["a"], date=datetime.date(2018, 1, 1 + n)
        )
        ArticleActivity.objects.create(page=page, event_kind=review, year=2018)
    news = f"http://localhost{site_tree['news'].url}"

    def canonical_of(params):
        return canonical(fetch(client, site_tree["news"].url, params))

    assert canonical_of({}) == news
    noisy = {
        "year": "2018",
        "utm_source": "zalo",
        "fbclid": "x",
        "bloc": "",
        "page": "1",
        "kind": "tong_ket",
    }
    assert canonical_of(noisy) == f"{news}?kind=tong_ket&year=2018"
    assert canonical_of({"page": "abc"}) == news
    assert canonical_of({"year": "abc"}) == news
    assert canonical_of({"page": "2"}) == f"{news}?page=2"
    assert canonical_of({"page": "999"}) == f"{news}?page=2"

    first, second = fetch(client, news), fetch(client, news, {"page": "2"})
    assert first.title.string != second.title.string
    assert meta(first, "og:title") == site_tree["news"].title


def test_kind_feeds_are_linked_from_a_list_of_that_kind(client, site_tree):
    news = site_tree["news"].url
    kind_feeds = {"/rss/kind/tong_ket/", "/atom/kind/tong_ket/"}
    assert kind_feeds <= feed_links(fetch(client, news, {"kind": "tong_ket"}))
    for params in [{}, {"kind": "khong-co"}, {"year": "2018"}]:
        links = feed_links(fetch(client, news, params))
        assert not [href for href in links if "/kind/" in href], params
        assert "/rss/" in links

    notices = site_tree["home"].add_child(
        instance=NewsIndexPage(
            title="Thông báo", slug="thong-bao", event_kind=kind("thong_bao")
        )
    )
    links = feed_links(fetch(client, notices.url))
    assert {"/rss/kind/thong_bao/", "/atom/kind/thong_bao/"} <= links
    for href in links:
        assert client.get(href).status_code == 200, href


def test_the_home_page_describes_the_website_and_its_search(client, site_tree):
    soup = fetch(client, "/")
    assert soup.title.string == "Bảng tin Thi đua"
    assert meta(soup, "og:type") == "website"
    assert meta(soup, "description")
    assert canonical(soup) == "http://localhost/"
    website = structured_data(soup)["WebSite"]
    assert website["url"] == "http://localhost/"
    assert website["inLanguage"] == "vi"
    try:
        search = reverse("search")
    except NoReverseMatch:
        search = "/tim-kiem/"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == (
        f"http://localhost{search}?q={{search_term_string}}"
    )
    assert action["query-input"] == "required name=search_term_string"


def test_error_pages_have_a_title_a_description_and_noindex(client, site_tree):
    soup = fetch(client, "/khong-co-trang-nay/", status=404)
    assert soup.title.string == "Không tìm thấy trang | Bảng tin Thi đua"
    assert meta(soup, "robots") == "noindex"
    assert meta(soup, "description")
    assert meta(soup, "og:title") == "Không tìm thấy trang"
    assert canonical(soup) is None
    assert soup.find("script", type="application/ld+json") is None


def test_every_demo_page_has_its_metadata(client, demo):
    articles = ArticlePage.objects.live()
    urls = ["/", "/tin-tuc/", "/thong-bao/", "/khoi-cum-thi-dua/", "/gioi-thieu/"]
    urls += [page.url for page in articles]
    assert len(urls) > len(articles) > 0
    for url in urls:
        soup = fetch(client, url)
        description = meta(soup, "description")
        assert description and len(description) <= 160, url
        assert canonical(soup) == f"http://localhost{url}"
        assert meta(soup, "og:title"), url
        assert soup.find("meta", attrs={"name": "robots"}) is None, url
        nodes = structured_data(soup)
        if url in urls[5:]:
            assert nodes["NewsArticle"]["headline"], url
            assert "BreadcrumbList" in nodes


def test_a_broken_logo_or_share_image_file_does_not_break_the_pages(client, site_tree):
    logo = ImageFactory()
    share = ImageFactory()
    for image in (logo, share):
        with default_storage.open(image.file.name, "wb") as file:
            file.write(b"\x89PNG\r\n\x1a\n not really a picture")
    PortalSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"logo": logo, "default_share_image": share},
    )
    page = ArticlePageFactory(parent=site_tree["a"], date=datetime.date(2020, 5, 4))
    for url in ["/", page.url]:
        soup = fetch(client, url)
        assert meta(soup, "og:image") is None
        assert "logo" not in json.dumps(structured_data(soup))
    assert client.get("/khong-co-trang-nay/").status_code == 404


def test_a_cover_too_small_to_share_gives_way_to_the_default_image(client, site_tree):
    default = ImageFactory(file__width=1600, file__height=1000, alt_text="Biểu trưng")
    PortalSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"default_share_image": default},
    )
    small = ImageFactory(file__width=300, file__height=200, alt_text="Ảnh nhỏ")
    page = ArticlePageFactory(parent=site_tree["a"], cover=small)
    soup = fetch(client, page.url)
    assert meta(soup, "og:image:alt") == "Biểu trưng"
    assert int(meta(soup, "og:image:height")) >= 200
