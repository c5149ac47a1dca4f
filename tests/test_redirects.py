"""Old portals' addresses redirect (301) to the imported articles."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from demo import ARTICLES_DIR
from legacy.redirects import NotAnOldAddress, legacy_address
from news.models import ArticlePage

pytestmark = pytest.mark.django_db

SEED_FILES = sorted(ARTICLES_DIR.glob("*.txt"))
SHAREPOINT_URL = (
    "https://sokhdt.example.gov.vn/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123"
)
LIFERAY_URL = (
    "https://thidua.example.gov.vn/web/guest/tin-tuc/-/asset_publisher/Ab1CdE2f"
    "/content/hoi-nghi-tong-ket-cum-thi-dua?inheritRedirect=false&redirect="
    "https%3A%2F%2Fthidua.example.gov.vn%2Fweb%2Fguest%2Ftin-tuc"
)


def run(command, *args):
    out, err = StringIO(), StringIO()
    call_command(command, *map(str, args), stdout=out, stderr=err)
    return out.getvalue()


def import_seed(seed, url, *args):
    """Import one seed article, published, with its address on the old portal."""
    out = run("import_legacy", seed, "--source-url", url, "--publish", *args)
    assert f"created {seed.name}: " in out, out
    return ArticlePage.objects.get(source_url=url), out


def assert_redirects_to_article(client, old_address, article):
    """The old address answers 301 to the article's address, which serves it."""
    response = client.get(old_address)
    assert response.status_code == 301, (old_address, response.status_code)
    location = urlsplit(response["Location"])
    article = ArticlePage.objects.get(pk=article.pk)
    assert location.path == article.url, (old_address, response["Location"])
    assert not location.query  # the old portal's parameters are not carried over
    page = client.get(location.path)
    assert page.status_code == 200
    heading = BeautifulSoup(page.content, "html.parser").find("h1")
    assert heading.get_text(strip=True) == article.title


def assert_not_found_page(client, address):
    # follow: an address without its final slash is first sent to the one with
    # it (APPEND_SLASH), as for any unknown address of the site.
    response = client.get(address, follow=True)
    assert response.status_code == 404, (address, response.status_code)
    assert all(
        urlsplit(url).path.rstrip("/") == urlsplit(address).path.rstrip("/")
        for url, _status in response.redirect_chain
    )
    assert "Không tìm thấy trang" in response.content.decode()


@pytest.mark.parametrize(
    "old_address",
    [
        "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123",
        "/tin-tuc/pages/tin-trong-tinh.aspx?itemid=123",
        "/TIN-TUC/PAGES/TIN-TRONG-TINH.ASPX?ITEMID=123",
        "/tin-tuc/Pages/tin-trong-tinh.aspx?Source=%2Ftin-tuc%2FPages%2Fdefault.aspx"
        "&ItemID=123",
        "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123&amp;Source=%2Ftin-tuc",
        "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123&amp;amp;Mobile=0",
        "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123&utm_source=zalo&zarsrc=30",
        "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123&xem=ban-in",
        "/tin-tuc//Pages/tin-trong-tinh.aspx/?ItemID=123",
    ],
)
def test_a_sharepoint_address_and_its_variants_redirect(client, site_tree, old_address):
    article, out = import_seed(SEED_FILES[2], SHAREPOINT_URL)
    assert "redirect added: /tin-tuc/pages/tin-trong-tinh.aspx?itemid=123" in out
    assert_redirects_to_article(client, old_address, article)


@pytest.mark.parametrize(
    "old_address",
    [
        urlsplit(LIFERAY_URL).path + "?" + urlsplit(LIFERAY_URL).query,
        "/web/guest/tin-tuc/-/asset_publisher/Ab1CdE2f/content/"
        "hoi-nghi-tong-ket-cum-thi-dua",
        "/-/asset_publisher/Ab1CdE2f/content/hoi-nghi-tong-ket-cum-thi-dua",
        "/vi/web/guest/-/asset_publisher/ZyX987/content/hoi-nghi-tong-ket-cum-thi-dua"
        "?inheritRedirect=true",
        "/web/guest/trang-chu/-/asset_publisher/Q1w2E3/content/"
        "hoi-nghi-tong-ket-cum-thi-dua/",
        "/web/guest/tin-tuc/-/asset_publisher/Ab1CdE2f/content/"
        "hoi-nghi-tong-ket-cum-thi-dua;jsessionid=8F2A1C0D",
        "/web/guest/tin-tuc?p_p_id=101_INSTANCE_Ab1CdE2f&p_p_lifecycle=0"
        "&_101_INSTANCE_Ab1CdE2f_struts_action=%2Fasset_publisher%2Fview_content"
        "&_101_INSTANCE_Ab1CdE2f_urlTitle=hoi-nghi-tong-ket-cum-thi-dua"
        "&_101_INSTANCE_Ab1CdE2f_type=content",
    ],
)
def test_a_liferay_address_and_its_variants_redirect(client, site_tree, old_address):
    article, out = import_seed(SEED_FILES[1], LIFERAY_URL)
    assert (
        "redirect added: /-/asset_publisher/content/hoi-nghi-tong-ket-cum-thi-dua"
        in out
    )
    assert_redirects_to_article(client, old_address, article)


def test_percent_encoded_vietnamese_addresses_redirect(client, site_tree):
    # Given percent-encoded (as copied from a browser's address bar)…
    article, _out = import_seed(
        SEED_FILES[3],
        "https://tinh.example.gov.vn/web/guest/-/asset_publisher/Xy12/content/"
        "h%E1%BB%99i-ngh%E1%BB%8B-k%C3%BD-k%E1%BA%BFt-giao-%C6%B0%E1%BB%9Bc",
    )
    redirect = Redirect.objects.get()
    # …stored readable in the admin, as Wagtail stores its own paths.
    assert redirect.old_path == "/-/asset_publisher/content/hội-nghị-ký-kết-giao-ước"
    for address in [
        "/web/guest/-/asset_publisher/Xy12/content/"
        "h%E1%BB%99i-ngh%E1%BB%8B-k%C3%BD-k%E1%BA%BFt-giao-%C6%B0%E1%BB%9Bc",
        "/web/guest/-/asset_publisher/Xy12/content/"
        "h%e1%bb%99i-ngh%e1%bb%8b-k%c3%bd-k%e1%ba%bft-giao-%c6%b0%e1%bb%9bc",
        "/-/asset_publisher/Xy12/content/hội-nghị-ký-kết-giao-ước",
        # Decomposed (NFD) and upper-case letters, as some old pages wrote them.
        "/-/asset_publisher/Xy12/content/HO\u0323\u0302I-NGHI\u0323-KY\u0301-KE"
        "\u0302\u0301T-GIAO-U\u031bO\u031b\u0301C",
    ]:
        assert_redirects_to_article(client, address, article)


def test_an_encoded_sharepoint_path_and_the_readable_one_match(client, site_tree):
    article, _out = import_seed(
        SEED_FILES[0],
        "http://cum.example.gov.vn/Pages/Tin-t%E1%BB%A9c.aspx?ItemID=77&CateID=3",
    )
    assert Redirect.objects.get().old_path == "/pages/tin-tức.aspx?cateid=3&itemid=77"
    assert_redirects_to_article(
        client, "/Pages/Tin-tức.aspx?CateID=3&ItemID=77", article
    )
    assert_redirects_to_article(
        client, "/pages/tin-t%e1%bb%a9c.aspx?itemid=77&cateid=3", article
    )
    # CateID is not known to be junk: without it the address may be another
    # list's item 77, so it is not guessed.
    assert_not_found_page(client, "/Pages/Tin-tức.aspx?ItemID=77")


@pytest.mark.parametrize(
    "address",
    [
        "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=999",
        "/tin-tuc/Pages/tin-trong-tinh.aspx",
        "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=",
        "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=%FF%FE%00",
        "/tin-tuc/Pages/tin-trong-tinh.aspx?" + "&".join(f"p{n}=1" for n in range(40)),
        "/-/asset_publisher/Ab1CdE2f/content/mot-bai-khac",
        "/web/guest/-/",
        "/khong-co-trang-nay/",
    ],
)
def test_an_unknown_old_address_gives_the_normal_404_page(client, site_tree, address):
    import_seed(SEED_FILES[2], SHAREPOINT_URL)
    assert_not_found_page(client, address)


def test_re_importing_does_not_duplicate_redirects(client, site_tree):
    article, _out = import_seed(SEED_FILES[2], SHAREPOINT_URL)
    out = run("import_legacy", SEED_FILES[2], "--source-url", SHAREPOINT_URL)
    assert "unchanged" in out
    assert "redirect" not in out
    assert Redirect.objects.count() == 1
    assert Redirect.objects.get().redirect_page_id == article.pk


def test_dry_run_records_no_redirect(site_tree):
    out = run(
        "import_legacy",
        SEED_FILES[2],
        "--source-url",
        SHAREPOINT_URL,
        "--publish",
        "--dry-run",
    )
    assert "redirect added" in out  # what it would do
    assert "Dry run: nothing was written." in out
    assert not Redirect.objects.exists()


def test_a_new_address_for_the_same_article_keeps_the_old_one(client, site_tree):
    article, _out = import_seed(SEED_FILES[2], SHAREPOINT_URL)
    moved = "https://sokhdt.example.gov.vn/Pages/chi-tiet-tin.aspx?ItemID=5&l=TinTuc"
    out = run("import_legacy", SEED_FILES[2], "--source-url", moved)
    assert "unchanged" in out
    assert "redirect added: /pages/chi-tiet-tin.aspx?itemid=5&l=tintuc" in out
    assert ArticlePage.objects.count() == 1
    assert Redirect.objects.filter(redirect_page=article).count() == 2
    assert_redirects_to_article(
        client, "/Pages/chi-tiet-tin.aspx?l=TinTuc&ItemID=5", article
    )
    assert_redirects_to_article(
        client, "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123", article
    )


def test_a_moved_or_renamed_article_still_receives_its_old_address(client, site_tree):
    article, _out = import_seed(SEED_FILES[2], SHAREPOINT_URL)
    before = article.url
    article.move(site_tree["news"], pos="last-child")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.url != before and article.url.startswith("/tin-tuc/")
    assert_redirects_to_article(
        client, "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123", article
    )

    article.slug = "bai-da-doi-ten"
    article.save_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).url.endswith("/bai-da-doi-ten/")
    assert_redirects_to_article(
        client, "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123", article
    )


def test_a_redirect_an_administrator_pointed_elsewhere_is_kept(
    client, site_tree, tmp_path
):
    source = tmp_path / "tin.txt"
    source.write_text(SEED_FILES[2].read_text())
    article, _out = import_seed(source, SHAREPOINT_URL)
    other, _out = import_seed(SEED_FILES[0], "https://cum.example.gov.vn/Pages/a.aspx")
    redirect = Redirect.objects.get(redirect_page=article)
    redirect.redirect_page = other
    redirect.is_permanent = False
    redirect.save()

    source.write_text(SEED_FILES[2].read_text() + "\nMột dòng mới.\n")
    out = run("import_legacy", source, "--source-url", SHAREPOINT_URL)

    assert "updated" in out
    assert (
        "warning: /tin-tuc/pages/tin-trong-tinh.aspx?itemid=123 already redirects"
        in out
    )
    assert "left as it is" in out
    redirect.refresh_from_db()
    assert (redirect.redirect_page_id, redirect.is_permanent) == (other.pk, False)
    assert Redirect.objects.filter(old_path=redirect.old_path).count() == 1
    response = client.get("/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123")
    assert response.status_code == 302
    assert response["Location"] == ArticlePage.objects.get(pk=other.pk).url


def test_a_redirect_an_administrator_deleted_is_not_recreated(
    client, site_tree, django_user_model
):
    article, _out = import_seed(SEED_FILES[2], SHAREPOINT_URL)
    redirect = Redirect.objects.get(redirect_page=article)
    admin = django_user_model.objects.create_superuser("qt", "qt@example.com", "x")
    client.force_login(admin)
    response = client.post(reverse("wagtailredirects:delete", args=[redirect.pk]))
    assert response.status_code == 302
    assert not Redirect.objects.exists()
    client.logout()

    out = run("import_legacy", SEED_FILES[2], "--source-url", SHAREPOINT_URL)
    assert "was deleted by an administrator: not recreated" in out
    assert not Redirect.objects.exists()
    assert_not_found_page(client, "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123")


def test_an_address_taken_by_another_redirect_is_reported(client, site_tree):
    home = site_tree["home"]
    Redirect.objects.create(
        old_path="/-/asset_publisher/content/hoi-nghi-tong-ket-cum-thi-dua",
        redirect_page=home,
    )
    article, out = import_seed(SEED_FILES[1], LIFERAY_URL)
    assert "warning:" in out and "already redirects to “" in out
    assert Redirect.objects.get().redirect_page_id == home.pk
    assert not Redirect.objects.filter(redirect_page=article).exists()


def test_a_hand_made_wagtail_redirect_still_works(client, site_tree):
    article, _out = import_seed(SEED_FILES[2], SHAREPOINT_URL)
    Redirect.add_redirect("/Gioi-Thieu.aspx?Muc=2", redirect_to=article)
    assert_redirects_to_article(client, "/Gioi-Thieu.aspx?Muc=2", article)


def test_two_liferay_sites_with_the_same_url_title_stay_apart(client, site_tree):
    first, _out = import_seed(
        SEED_FILES[1],
        "https://tinh.example.gov.vn/web/so-noi-vu/-/asset_publisher/A1/content/"
        "hoi-nghi-tong-ket",
    )
    second, _out = import_seed(
        SEED_FILES[3],
        "https://tinh.example.gov.vn/web/so-tai-chinh/-/asset_publisher/B2/content/"
        "hoi-nghi-tong-ket",
    )
    assert Redirect.objects.count() == 2
    assert_redirects_to_article(
        client,
        "/vi/web/so-noi-vu/tin/-/asset_publisher/C3/content/hoi-nghi-tong-ket",
        first,
    )
    assert_redirects_to_article(
        client,
        "/web/so-tai-chinh/-/asset_publisher/B2/content/hoi-nghi-tong-ket",
        second,
    )


def test_an_old_host_that_is_a_site_here_gets_a_redirect_of_its_own(
    client, site_tree, settings
):
    settings.ALLOWED_HOSTS = [
        *settings.ALLOWED_HOSTS,
        "testserver",
        "cu.example.gov.vn",
    ]
    Site.objects.create(
        hostname="cu.example.gov.vn", port=80, root_page=site_tree["home"]
    )
    article, _out = import_seed(
        SEED_FILES[2], "http://cu.example.gov.vn/Pages/tin.aspx?ItemID=9"
    )
    redirect = Redirect.objects.get()
    assert redirect.site.hostname == "cu.example.gov.vn"
    response = client.get("/Pages/tin.aspx?ItemID=9", HTTP_HOST="cu.example.gov.vn")
    assert response.status_code == 301
    # With two sites, Wagtail gives the full address on the default site.
    assert response["Location"] == ArticlePage.objects.get(pk=article.pk).url
    assert response["Location"].startswith("http://localhost/")
    assert_not_found_page(client, "/Pages/tin.aspx?ItemID=9")  # the other site


def test_administrators_find_the_redirects_in_the_admin(
    client, site_tree, django_user_model
):
    article, _out = import_seed(SEED_FILES[2], SHAREPOINT_URL)
    admin = django_user_model.objects.create_superuser("qt", "qt@example.com", "x")
    client.force_login(admin)
    response = client.get(reverse("wagtailredirects:index"))
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    assert len(rows) == 1
    text = rows[0].get_text(" ", strip=True)
    assert "/tin-tuc/pages/tin-trong-tinh.aspx?itemid=123" in text
    assert article.title in text


def test_rebuild_records_redirects_for_articles_imported_before(client, site_tree):
    article, _out = import_seed(SEED_FILES[2], SHAREPOINT_URL)
    plain, _out = import_seed(SEED_FILES[0], "https://cum.example.gov.vn/")
    Redirect.objects.all().delete()  # as before redirects were recorded

    dry = run("rebuild_legacy_redirects", "--dry-run")
    assert "1 redirects added, 0 already there, 1 warnings." in dry
    assert not Redirect.objects.exists()

    out = run("rebuild_legacy_redirects")
    assert "redirect added: /tin-tuc/pages/tin-trong-tinh.aspx?itemid=123" in out
    assert "the address of a home page" in out  # nothing to redirect from
    assert "1 redirects added, 0 already there, 1 warnings." in out
    assert_redirects_to_article(
        client, "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123", article
    )
    again = run("rebuild_legacy_redirects")
    assert "0 redirects added, 1 already there, 1 warnings." in again
    assert Redirect.objects.count() == 1


@pytest.mark.parametrize(
    ("url", "old_path"),
    [
        (SHAREPOINT_URL, "/tin-tuc/pages/tin-trong-tinh.aspx?itemid=123"),
        (LIFERAY_URL, "/-/asset_publisher/content/hoi-nghi-tong-ket-cum-thi-dua"),
        (
            "/vi/web/so-noi-vu/-/asset_publisher/A1/content/hoi-nghi?redirect=%2F",
            "/web/so-noi-vu/-/asset_publisher/content/hoi-nghi",
        ),
        (
            "/web/guest/-/journal_content/56_INSTANCE_Ab/10182/12345",
            "/-/journal_content/10182/12345",
        ),
        (
            "/a b/c.aspx?x=1+2&y=a%2Bb&z=%26&ID=4",
            "/a%20b/c.aspx?id=4&x=1%202&y=a%2Bb&z=%26",
        ),
    ],
)
def test_old_paths_are_stable_under_both_normalisations(url, old_path):
    assert legacy_address(url).old_path == old_path
    # The admin's form normalises again on save; a second pass changes nothing.
    assert Redirect.normalise_path(old_path) == old_path
    assert legacy_address(old_path).old_path == old_path


@pytest.mark.parametrize(
    "url",
    [
        "https://tinh.example.gov.vn/",
        "https://tinh.example.gov.vn",
        "ftp://a/b",
        "tin.aspx",
        "",
    ],
)
def test_what_cannot_be_redirected_from_is_refused(url):
    with pytest.raises(NotAnOldAddress):
        legacy_address(url)


def test_an_address_an_editor_types_redirects_once_the_article_is_published(
    client, site_tree
):
    from tests.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=site_tree["a"], title="Tin nhập tay")
    article.source_url = SHAREPOINT_URL.replace("123", "456")
    article.save_revision().publish()
    assert_redirects_to_article(
        client, "/tin-tuc/Pages/tin-trong-tinh.aspx?itemid=456", article
    )


def test_a_draft_gets_its_redirect_when_it_is_published(client, site_tree):
    # A permanent redirect to a draft would be a 404 that browsers remember.
    out = run("import_legacy", SEED_FILES[2], "--source-url", SHAREPOINT_URL)
    assert "redirect added" not in out
    assert "will redirect once it is published" in out
    assert not Redirect.objects.exists()
    assert_not_found_page(client, "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123")
    article = ArticlePage.objects.get(source_url=SHAREPOINT_URL)
    article.save_revision().publish()
    assert_redirects_to_article(
        client, "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123", article
    )


def test_an_html_escaped_ampersand_in_the_request_still_matches(client, site_tree):
    url = "https://sokhdt.example.gov.vn/Pages/tin.aspx?l=TinTuc&ItemID=5"
    article, _out = import_seed(SEED_FILES[2], url)
    for address in [
        "/Pages/tin.aspx?l=TinTuc&amp;ItemID=5",
        "/Pages/tin.aspx?ItemID=5&amp;l=TinTuc",
        "/Pages/tin.aspx?ItemID=5&amp;l=TinTuc&amp;Source=x",
    ]:
        assert_redirects_to_article(client, address, article)


def test_a_long_extra_parameter_does_not_hide_the_redirect(client, site_tree):
    article, _out = import_seed(SEED_FILES[2], SHAREPOINT_URL)
    address = (
        "/tin-tuc/Pages/tin-trong-tinh.aspx?ItemID=123&ContentTypeId=0x" + "A" * 300
    )
    assert_redirects_to_article(client, address, article)


def test_the_address_of_a_page_here_is_not_an_old_address(client, site_tree):
    from tests.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=site_tree["a"], title="Tin nhập tay")
    article.source_url = "http://localhost" + article.url
    revision = article.save_revision()
    revision.publish()
    home = "http://localhost/?ItemID=5"
    out = run("import_legacy", SEED_FILES[2], "--source-url", home, "--publish")
    assert "the address of a page of this site" in out
    assert not Redirect.objects.exists()
    # Unpublished, its old address is a 404, not a redirect to itself.
    article.unpublish()
    assert client.get(article.url).status_code == 404
