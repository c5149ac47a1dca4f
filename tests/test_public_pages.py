"""The public site: listings with filters, bloc and unit pages, articles.

Query counts are compared for N and N+10 articles (or photos): they must not
grow with the content.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from news.models import (
    ArticleActivity,
    ArticleOrganization,
    ArticlePage,
    Award,
    AwardType,
    BlocMembership,
    BlocRanking,
    EventKind,
    Province,
)
from tests.factories import (
    ArticlePageFactory,
    BlocYearFactory,
    ImageFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db


def make_articles(parent, count, *, year=2018, kind="tong_ket", start=0, **fields):
    kind = EventKind.objects.get(code=kind)
    articles = []
    for n in range(start, start + count):
        article = ArticlePageFactory(
            parent=parent,
            title=f"Tin số {n} năm {year}",
            date=datetime.date(year, 1, 1) + datetime.timedelta(days=n),
            cover=ImageFactory(),
            **fields,
        )
        ArticleActivity.objects.create(page=article, event_kind=kind, year=year)
        articles.append(article)
    return articles


def count_queries(client, url):
    """Queries of a GET once renditions exist and caches are cold."""
    assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def titles(response):
    return [a.title for a in response.context["articles"]]


@pytest.fixture
def news_site(site_tree):
    """Site settings and a unit, on top of the two-bloc tree."""
    unit = OrganizationFactory(
        name="Sở Kế hoạch và Đầu tư tỉnh Sóc Trăng",
        province=Province.objects.get(name="Sóc Trăng"),
    )
    return {**site_tree, "unit": unit}


@pytest.mark.parametrize(
    "url_of",
    [
        lambda t: "/",
        lambda t: t["news"].url,
        lambda t: t["news"].url + "?year=2018&kind=tong_ket",
        lambda t: t["a"].url,
        lambda t: t["blocs"].url,
        lambda t: t["blocs"].url + f"don-vi/{t['unit'].slug}/",
    ],
    ids=["home", "news", "news-filtered", "bloc", "bloc-index", "unit"],
)
def test_query_count_does_not_grow_with_the_number_of_articles(
    client, news_site, url_of
):
    url = url_of(news_site)

    def add(count, start):
        for article in make_articles(news_site["a"], count, start=start):
            ArticleOrganization.objects.create(
                page=article, organization=news_site["unit"], role="participant"
            )

    add(3, 0)
    few = count_queries(client, url)
    add(10, 3)
    many = count_queries(client, url)
    assert many == few, f"{url}: {few} queries with 3 articles, {many} with 13"


def test_the_home_page_fetches_the_cards_of_all_its_boxes_at_once(client, news_site):
    """The latest news, a box per featured event kind and the announcements:
    each box asks for its articles' ids, then one query fetches every card,
    with one query each for covers, renditions and activities."""
    for n, kind in enumerate(["tong_ket", "ky_ket_giao_uoc", "thong_bao"]):
        make_articles(news_site["a"], 3, kind=kind, start=10 * n)
    client.get("/")
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    boxes = [response.context["lead_article"], *response.context["latest_articles"]]
    assert len(boxes) == 7
    assert [len(a) for _k, a in response.context["kind_sections"]] == [3, 3]
    tables = [
        q["sql"].split(" FROM ", 1)[1].split()[0].strip('"')
        for q in queries.captured_queries
        if " FROM " in q["sql"]
    ]
    for table in ("news_portalimage", "news_portalrendition", "news_articleactivity"):
        assert tables.count(table) == 1, table


def test_article_query_count_does_not_grow_with_its_photos(client, news_site):
    def article_with(photos, slug):
        images = [ImageFactory() for _ in range(photos)]
        return ArticlePageFactory(
            parent=news_site["a"],
            slug=slug,
            body=[
                (
                    "gallery",
                    {
                        "heading": "Hình ảnh",
                        "photos": [
                            {
                                "image": image,
                                "caption": f"Ảnh {n}",
                                "alt_text": "",
                                "credit": "",
                            }
                            for n, image in enumerate(images)
                        ],
                    },
                ),
                (
                    "image",
                    {
                        "image": images[0],
                        "caption": "Ảnh lớn",
                        "alt_text": "",
                        "credit": "",
                    },
                ),
            ],
        )

    small = article_with(3, "it-anh")
    large = article_with(13, "nhieu-anh")
    make_articles(news_site["a"], 5)
    assert count_queries(client, small.url) == count_queries(client, large.url)


def test_news_is_newest_first_20_a_page_and_pages_keep_the_filters(
    client, news_site, settings
):
    make_articles(news_site["a"], 23, year=2018)
    make_articles(news_site["b"], 2, year=2019, kind="ky_ket_giao_uoc")
    url = news_site["news"].url

    first = client.get(url)
    assert len(first.context["articles"]) == 20
    assert titles(first)[:2] == ["Tin số 1 năm 2019", "Tin số 0 năm 2019"]

    filtered = client.get(url, {"bloc": news_site["a"].slug, "year": "2018"})
    assert filtered.context["articles"].paginator.count == 23
    html = filtered.content.decode()
    assert '<nav class="pagination" aria-label="Phân trang">' in html
    next_link = re.search(r'<a href="([^"]+)" rel="next"', html).group(1)
    assert "bloc=" + news_site["a"].slug in next_link
    assert "year=2018" in next_link
    second = client.get(url + next_link.replace("&amp;", "&"))
    assert titles(second) == [
        "Tin số 2 năm 2018",
        "Tin số 1 năm 2018",
        "Tin số 0 năm 2018",
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "999999"},
        {"year": "x"},
        {"year": "99999999999999999999"},
        {"bloc": "khong-co-khoi-nay"},
        {"kind": "<script>"},
        {"province": "'; DROP TABLE news_province; --"},
        {"unit": "khong-co"},
    ],
)
def test_bad_filter_values_give_a_page_not_an_error(client, news_site, query):
    make_articles(news_site["a"], 2)
    response = client.get(news_site["news"].url, query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</head>")[1]


def test_a_year_must_be_a_whole_number(client, news_site):
    make_articles(news_site["a"], 2, year=2018)
    html = client.get(news_site["news"].url, {"year": "2018.5"}).content.decode()
    assert 'class="filter-error"' in html
    assert "Tin số 0 năm 2018" not in html
    head = html.split("</head>")[0]
    assert "2018.5" not in head  # nor in the title or canonical
    assert '<meta name="robots" content="noindex">' in head  # an empty list
    html = client.get(news_site["news"].url, {"year": "2018"}).content.decode()
    assert "Tin số 0 năm 2018" in html
    assert 'name="robots"' not in html.split("</head>")[0]


def test_an_unknown_unit_is_a_404(client, news_site):
    response = client.get(news_site["blocs"].url + "don-vi/khong-co-don-vi-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_a_new_province_includes_its_predecessors(client, news_site):
    (soc_trang_news,) = make_articles(news_site["a"], 1)
    ArticleOrganization.objects.create(
        page=soc_trang_news, organization=news_site["unit"], role="host"
    )
    (other,) = make_articles(news_site["b"], 1, start=5)
    url = news_site["news"].url
    # Sóc Trăng became part of Cần Thơ on 01/07/2025.
    assert titles(client.get(url, {"province": "can-tho"})) == [soc_trang_news.title]
    assert titles(client.get(url, {"province": "soc-trang"})) == [soc_trang_news.title]
    assert titles(client.get(url, {"province": "ca-mau"})) == []
    assert other.title in titles(client.get(url))


def test_announcements_list_only_announcements(client, news_site):
    notices = news_site["home"].add_child(
        instance=type(news_site["news"])(
            title="Thông báo",
            slug="thong-bao",
            event_kind=EventKind.objects.get(code="thong_bao"),
        )
    )
    (notice,) = make_articles(notices, 1, kind="thong_bao")
    make_articles(news_site["a"], 2)
    assert titles(client.get(notices.url)) == [notice.title]
    home = client.get("/").content.decode()
    assert notice.title in home


def test_article_page_shows_event_box_byline_and_other_news(client, news_site):
    (article,) = make_articles(news_site["a"], 1)
    article.event_start = datetime.date(2019, 1, 8)
    article.venue = "Hội trường Văn phòng UBND tỉnh"
    article.byline_person = "Việt Hà"
    article.byline_unit = news_site["unit"]
    article.save_revision().publish()
    others = make_articles(news_site["a"], 2, start=10)
    html = client.get(article.url).content.decode()
    assert '<html lang="vi">' in html
    assert "08/01/2019" in html
    assert "Hội trường Văn phòng UBND tỉnh" in html
    assert "Việt Hà – Sở Kế hoạch và Đầu tư tỉnh Sóc Trăng" in html
    assert "Tổng kết năm (năm thi đua 2018)" in html
    assert 'aria-label="Đường dẫn"' in html  # breadcrumb
    assert "Các tin khác" in html
    for other in others:
        assert other.title in html
    assert "facebook.com/sharer/sharer.php?u=http" in html


def test_cards_use_responsive_images_with_sizes_and_lazy_loading(client, news_site):
    make_articles(news_site["a"], 2)
    html = client.get(news_site["news"].url).content.decode()
    assert re.search(r'<source [^>]*type="image/webp"', html)
    images = re.findall(r"<img [^>]+>", html.split('id="list-heading"')[1])
    assert images
    for tag in images:
        assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag), tag
        assert 'loading="lazy"' in tag
        assert "srcset=" in tag or "<source" in html


def test_bloc_page_shows_roles_ranking_and_proposals(client, news_site):
    bloc = news_site["a"]
    leader, deputy, third = (
        news_site["unit"],
        OrganizationFactory(name="Liên minh Hợp tác xã tỉnh"),
        OrganizationFactory(name="Sở Tài chính tỉnh"),
    )
    this_year = datetime.date.today().year
    current = BlocYearFactory(bloc=bloc, year=this_year, theme="Đoàn kết, sáng tạo")
    BlocMembership.objects.create(bloc_year=current, organization=leader, role="truong")
    BlocMembership.objects.create(bloc_year=current, organization=deputy, role="pho")
    past = BlocYearFactory(bloc=bloc, year=2018)
    BlocMembership.objects.create(bloc_year=past, organization=deputy, role="truong")
    BlocRanking.objects.create(bloc_year=past, organization=deputy, rank=1)
    BlocRanking.objects.create(bloc_year=past, organization=third, rank=2)
    Award.objects.create(
        bloc_year=past,
        award_type=AwardType.objects.get(code="co_thi_dua_chinh_phu"),
        recipient_organization=deputy,
        status="de_nghi",
    )
    html = client.get(bloc.url).content.decode()
    assert f"Năm {this_year}" in html
    current_box = html.split('id="bloc-current"')[1].split("</section>")[0]
    # The leader comes first, then the deputy.
    assert current_box.index("Trưởng khối") < current_box.index("Phó trưởng khối")
    assert "đề nghị tặng Cờ thi đua của Chính phủ" in html
    assert "được tặng" not in html
    assert html.index("Liên minh Hợp tác xã tỉnh") < html.index("Sở Tài chính tỉnh")

    unit_page = client.get(news_site["blocs"].url + f"don-vi/{deputy.slug}/")
    unit_html = unit_page.content.decode()
    assert unit_page.status_code == 200
    assert "Đề nghị tặng Cờ thi đua của Chính phủ" in unit_html
    assert bloc.title in unit_html


def test_dates_read_dd_mm_yyyy_and_footer_shows_the_settings(client, news_site):
    from news.models import PortalSettings

    PortalSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        governing_body="Hội đồng Thi đua - Khen thưởng tỉnh",
        licence_line="Giấy phép số 12/GP-TTĐT ngày 01/02/2020",
    )
    make_articles(news_site["a"], 1)
    html = client.get("/").content.decode()
    assert "01/01/2018" in html
    assert "Hội đồng Thi đua - Khen thưởng tỉnh" in html
    assert "Giấy phép số 12/GP-TTĐT ngày 01/02/2020" in html


def test_a_draft_does_not_move_the_live_article_in_lists(news_site):
    (article,) = make_articles(news_site["a"], 1)
    article.save_revision().publish()
    live_date = ArticlePage.objects.get(pk=article.pk).sort_date
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.date = datetime.date(2030, 1, 1)
    draft.save_revision()
    assert ArticlePage.objects.get(pk=article.pk).sort_date == live_date
    ArticlePage.objects.get(pk=article.pk).get_latest_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).sort_date == datetime.date(2030, 1, 1)


def test_first_publication_dates_are_vietnamese_days(news_site):
    article = ArticlePageFactory(parent=news_site["a"], date=None)
    # 23:30 UTC on 9 March is 06:30 on 10 March in Hà Nội.
    article.first_published_at = datetime.datetime(
        2020, 3, 9, 23, 30, tzinfo=datetime.UTC
    )
    article.save()
    assert article.sort_date == datetime.date(2020, 3, 10)
