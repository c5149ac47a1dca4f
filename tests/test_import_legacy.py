"""`manage.py import_legacy`: old portals' articles become pages, units, blocs."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page

from demo import ARTICLES_DIR
from demo.photos import DemoPhotoMaker
from legacy.importer.loader import ArticleImporter, ImportOptions
from legacy.importer.parser import parse_text
from news.models import (
    ArticlePage,
    Award,
    BlocMembership,
    BlocPage,
    BlocRanking,
    Organization,
    PortalImage,
)
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.django_db

SEEDS = ARTICLES_DIR
EXPECTED = PROJECT_DIR / "tests" / "seeds_expected"
SHARED_SEEDS = PROJECT_DIR.parent / "shared" / "seeds"
SEED_FILES = sorted(ARTICLES_DIR.glob("*.txt"))


def expected(path):
    return json.loads((EXPECTED / f"{path.stem}.json").read_text())


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_legacy", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def import_with_photos(path, **options):
    """Import one seed as load_demo does: published, with generated photos."""
    raw = path.read_bytes()
    importer = ArticleImporter(
        ImportOptions(publish=True, image_for=DemoPhotoMaker(), **options)
    )
    return importer.import_article(
        parse_text(raw.decode(), file_name=path.name), raw, path.name
    )


def captions_of(article):
    captions = []
    for block in article.body:
        if block.block_type == "image":
            captions.append(block.value["caption"])
        elif block.block_type == "gallery":
            captions.extend(photo["caption"] for photo in block.value["photos"])
    return captions


@pytest.mark.skipif(
    not SHARED_SEEDS.is_dir(),
    reason="the team's shared/ folder is not beside the project",
)
def test_the_project_copies_of_the_seeds_match_the_shared_ones():
    shared = sorted(p.name for p in SHARED_SEEDS.glob("*.txt"))
    assert shared == [p.name for p in SEED_FILES]
    for path in SEED_FILES:
        assert path.read_bytes() == (SHARED_SEEDS / path.name).read_bytes(), path.name
        truth = SHARED_SEEDS / "expected" / f"{path.stem}.json"
        assert truth.read_bytes() == (EXPECTED / truth.name).read_bytes(), truth.name


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_each_seed_lands_in_the_database_as_the_ground_truth_says(site_tree, path):
    truth = expected(path)
    result = import_with_photos(path)
    article = ArticlePage.objects.get(pk=result.page.pk)

    def check(field, actual, wanted):
        assert actual == wanted, f"{path.name}: {field} is {actual!r}, not {wanted!r}"

    check("title", article.title, truth["title"])
    check(
        "publication_date",
        article.date.isoformat() if article.date else None,
        truth["publication_date"],
    )
    check(
        "event_date_start",
        article.event_start.isoformat() if article.event_start else None,
        truth["event_date_start"],
    )
    check(
        "event_date_end",
        article.event_end.isoformat() if article.event_end else None,
        truth["event_date_end"],
    )
    check("author_name", article.byline_person or None, truth["author_name"])
    check(
        "author_unit",
        article.byline_unit.name if article.byline_unit else None,
        truth["author_unit"],
    )
    bloc = article.get_parent().specific
    check("bloc", bloc.title, truth["bloc_name"])
    check(
        "event_kinds",
        sorted((a.event_kind.code, a.year) for a in article.activities.all()),
        sorted((k["kind"], k["year"]) for k in truth["event_kinds"]),
    )
    memberships = BlocMembership.objects.filter(bloc_year__bloc=bloc).exclude(
        role=BlocMembership.Role.MEMBER
    )
    check(
        "roles",
        sorted((m.bloc_year.year, m.role, m.organization.name) for m in memberships),
        sorted((r["year"], r["role"], r["unit"]) for r in truth["roles"]),
    )
    check(
        "rankings",
        sorted(
            (r.bloc_year.year, r.rank, r.organization.name)
            for r in BlocRanking.objects.filter(bloc_year__bloc=bloc)
        ),
        sorted((r["year"], r["rank"], r["unit"]) for r in truth["rankings"]),
    )
    check(
        "awards",
        sorted(
            (a.achievement_year, a.award_type.code, str(a.recipient), a.status, a.rank)
            for a in article.awards.all()
        ),
        sorted(
            (a["year"], a["type"], a["recipient"], a["status"], a["rank"])
            for a in truth["awards"]
        ),
    )
    check("photo_captions", captions_of(article), truth["photo_captions"])
    # What the text does not say stays empty, and the article says so.
    if truth["publication_date"] is None:
        assert article.needs_review
        assert "ngày đăng" in article.review_notes


def test_a_batch_imports_drafts_and_flags_what_is_missing(site_tree):
    out, _err = run(SEEDS)
    assert "4 imported, 0 failed" in out
    articles = ArticlePage.objects.all()
    assert articles.count() == 4
    assert not any(article.live for article in articles)  # drafts by default
    assert articles.filter(needs_review=True).count() >= 3
    # The two provincial blocs exist already and are matched by name; the two
    # ministry clusters are created, each once, and flagged.
    for bloc in (site_tree["a"], site_tree["b"]):
        bloc.refresh_from_db()
        assert bloc.get_children().count() == 1
    created = BlocPage.objects.filter(needs_review=True)
    assert sorted(bloc.title for bloc in created) == [
        "Cụm thi đua Sở Kế hoạch và Đầu tư các tỉnh Miền núi biên giới phía Bắc",
        "Cụm thi đua các tỉnh miền Tây Nam Bộ 2",
    ]
    assert all(bloc.get_parent().specific == site_tree["blocs"] for bloc in created)
    assert not PortalImage.objects.exists()


def test_re_importing_the_same_files_changes_nothing(site_tree):
    run(SEEDS)
    counts = (Page.objects.count(), Organization.objects.count(), Award.objects.count())
    out, _err = run(SEEDS)
    assert out.count("unchanged") == 4
    assert (
        Page.objects.count(),
        Organization.objects.count(),
        Award.objects.count(),
    ) == counts


def test_re_importing_a_changed_file_updates_its_article(site_tree, tmp_path):
    source = tmp_path / "tin.txt"
    text = (ARTICLES_DIR / SEED_FILES[2].name).read_text()
    source.write_text(text)
    url = "https://sokhdt.example.gov.vn/tin-tuc/Pages/tin.aspx?ItemID=123"
    run(source, "--source-url", url)
    article = ArticlePage.objects.get(source_url=url)
    source.write_text(
        text.replace("ký kết giao ước thi đua năm 2019", "KÝ KẾT 2019", 1)
    )
    out, _err = run(source, "--source-url", url)
    assert "updated" in out
    assert ArticlePage.objects.filter(source_url=url).count() == 1
    article.refresh_from_db()
    assert "KÝ KẾT 2019" in article.get_latest_revision_as_object().title


def test_an_article_an_editor_changed_is_not_overwritten(
    site_tree, tmp_path, django_user_model
):
    source = tmp_path / "tin.txt"
    text = SEED_FILES[1].read_text()
    source.write_text(text)
    url = "https://example.gov.vn/-/asset_publisher/abc/content/hoi-nghi"
    run(source, "--source-url", url)
    article = ArticlePage.objects.get(source_url=url)
    editor = django_user_model.objects.create_user("btv")
    article.lead = "Tóm tắt do biên tập viên viết lại."
    article.save_revision(user=editor)

    source.write_text(text + "\nMột dòng mới.\n")
    out, _err = run(source, "--source-url", url)

    assert "kept" in out
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert latest.lead == "Tóm tắt do biên tập viên viết lại."


def test_dry_run_writes_nothing(site_tree):
    before = (
        Page.objects.count(),
        Organization.objects.count(),
        BlocPage.objects.count(),
        PortalImage.objects.count(),
    )
    out, _err = run(SEEDS, "--dry-run")
    assert out.count("created") >= 4
    assert "Dry run: nothing was written." in out
    assert (
        Page.objects.count(),
        Organization.objects.count(),
        BlocPage.objects.count(),
        PortalImage.objects.count(),
    ) == before


def test_a_broken_file_is_reported_and_the_rest_still_imports(site_tree, tmp_path):
    (tmp_path / "a_tot.txt").write_bytes(SEED_FILES[0].read_bytes())
    (tmp_path / "b_rong.txt").write_text("   \n\u00a0\n")
    (tmp_path / "c_nhi_phan.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "d_tot.txt").write_bytes(SEED_FILES[3].read_bytes())

    with pytest.raises(CommandError, match="2 imported, 2 failed"):
        out = StringIO()
        err = StringIO()
        try:
            call_command("import_legacy", str(tmp_path), stdout=out, stderr=err)
        finally:
            errors = err.getvalue()
    assert "b_rong.txt" in errors
    assert "c_nhi_phan.txt" in errors
    assert ArticlePage.objects.count() == 2


def test_units_without_a_province_take_the_portals_province(site_tree):
    run(SEED_FILES[2], "--province", "Bến Tre")
    office = Organization.objects.get(name="Văn phòng UBND tỉnh")
    assert office.province.name == "Bến Tre"
    assert office.province.merged_into.name == "Vĩnh Long"
    # The province is known, so the article does not ask for it.
    assert "--province" not in ArticlePage.objects.get().review_notes


def test_bloc_option_puts_every_article_under_that_bloc(site_tree):
    bloc = site_tree["b"]
    run(SEED_FILES[0], SEED_FILES[3], "--bloc", bloc.slug, "--publish")
    articles = ArticlePage.objects.all()
    assert articles.count() == 2
    assert all(article.get_parent().pk == bloc.pk for article in articles)
    assert all(article.live for article in articles)
    assert not BlocPage.objects.filter(needs_review=True).exists()


def test_an_html_page_saved_from_a_portal_imports(site_tree, tmp_path):
    page = tmp_path / "tin-sharepoint.html"
    page.write_text(
        """<!DOCTYPE html><html lang="vi"><head><title>Tin trong tỉnh</title>
        <script>var _spBodyOnLoad = [];</script></head><body>
        <a href="#content">Skip to main content</a>
        <nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></nav>
        <div id="content"><h1>Khối thi đua Văn hóa - Xã hội tổ chức hội nghị sơ kết
        6 tháng đầu năm 2020</h1>
        <p>17/6/2020</p>
        <p>Sáng ngày 17/6/2020, Khối thi đua Văn hóa - Xã hội tổ chức hội nghị sơ
        kết công tác thi đua 6 tháng đầu năm 2020.</p>
        <p><img src="anh1.jpg" alt="Quang cảnh hội nghị"></p>
        <p>Quang cảnh hội nghị</p>
        <p>Hội nghị đã thống nhất các nhiệm vụ trọng tâm 6 tháng cuối năm.</p>
        <p>Văn phòng Sở</p></div></body></html>""",
        encoding="utf-8",
    )
    out, _err = run(page)
    assert "1 imported, 0 failed" in out
    article = ArticlePage.objects.get()
    assert article.title.startswith("Khối thi đua Văn hóa - Xã hội tổ chức")
    assert article.date.isoformat() == "2020-06-17"
    body = " ".join(str(block.value) for block in article.body)
    assert "_spBodyOnLoad" not in body and "Skip to main content" not in body


def test_editors_find_imported_articles_to_review(client, site_tree, django_user_model):
    run(SEEDS)
    admin = django_user_model.objects.create_superuser("qt", "qt@example.com", "x")
    client.force_login(admin)
    response = client.get(reverse("news_needs_review"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bài viết cần xem lại" in html
    flagged = ArticlePage.objects.filter(needs_review=True)
    for article in flagged:
        assert article.title[:40] in html
    assert "Văn bản không ghi ngày đăng." in html


def test_a_changed_file_without_url_updates_the_same_article_once(site_tree, tmp_path):
    folder = tmp_path / "cong-cu"
    folder.mkdir()
    source = folder / "tin.txt"
    text = SEED_FILES[3].read_text()
    source.write_text(text)
    run(folder, "--source-portal", "Cổng cũ tỉnh")
    source.write_text(text.replace("Kinh tế ngành tổ chức", "Kinh tế ngành đã tổ chức"))
    first, _err = run(folder, "--source-portal", "Cổng cũ tỉnh")
    again, _err = run(folder, "--source-portal", "Cổng cũ tỉnh")
    assert "updated" in first
    assert "unchanged" in again
    assert ArticlePage.objects.count() == 1
    assert ArticlePage.objects.get().revisions.count() == 2


def test_re_import_keeps_what_editors_recorded_about_the_bloc(site_tree, tmp_path):
    from news.models import AwardType, BlocYear

    source = tmp_path / "tong-ket.txt"
    text = SEED_FILES[1].read_text()
    source.write_text(text)
    run(source)
    award = Award.objects.get(award_type__code="co_thi_dua_bo")
    award.status = Award.Status.DECIDED
    award.decision_date = datetime.date(2017, 5, 2)
    award.save()
    leader = BlocMembership.objects.get(bloc_year__year=2017, role="truong")
    leader.role = BlocMembership.Role.DEPUTY
    leader.basis = BlocMembership.Basis.EDITOR
    leader.save()

    source.write_text(text + "\nThêm một dòng.\n")
    run(source)

    award.refresh_from_db()
    leader.refresh_from_db()
    assert award.status == Award.Status.DECIDED  # never moved back to "proposed"
    assert (leader.role, leader.basis) == ("pho", "editor")
    assert Award.objects.filter(award_type__code="co_thi_dua_bo").count() == 1
    assert BlocYear.objects.filter(year=2017).count() == 1
    assert AwardType.objects.filter(code="co_thi_dua_bo").exists()


def test_an_unpublished_article_is_not_republished_by_an_import(
    site_tree, tmp_path, django_user_model
):
    source = tmp_path / "tin.txt"
    text = SEED_FILES[0].read_text()
    source.write_text(text)
    run(source, "--publish")
    article = ArticlePage.objects.get()
    admin = django_user_model.objects.create_superuser("kdv", "kdv@example.com", "x")
    article.unpublish(user=admin)
    source.write_text(text + "\nMột dòng mới.\n")
    out, _err = run(source, "--publish")
    assert "kept" in out
    assert not ArticlePage.objects.get().live


def test_a_file_failing_half_way_leaves_nothing_behind(
    site_tree, tmp_path, monkeypatch
):
    from legacy.importer import loader

    (tmp_path / "a_hong.txt").write_bytes(SEED_FILES[1].read_bytes())
    (tmp_path / "b_tot.txt").write_bytes(SEED_FILES[3].read_bytes())
    real_body = loader.ArticleImporter.body

    def body_failing_for_one_file(self, parsed, notes):
        if "miền núi" in parsed.title:
            raise RuntimeError("disk full")
        return real_body(self, parsed, notes)

    monkeypatch.setattr(loader.ArticleImporter, "body", body_failing_for_one_file)
    units_before = Organization.objects.count()
    with pytest.raises(CommandError, match="1 imported, 1 failed"):
        call_command(
            "import_legacy", str(tmp_path), stdout=StringIO(), stderr=StringIO()
        )
    # The failing file's bloc, units and bloc years were rolled back with it.
    assert not BlocPage.objects.filter(title__icontains="miền núi").exists()
    assert not Organization.objects.filter(name__contains="Sơn La").exists()
    assert Organization.objects.count() > units_before  # the good file's units
    assert ArticlePage.objects.count() == 1


def test_central_bodies_do_not_take_the_portals_province(site_tree):
    run(SEED_FILES[1], "--province", "Sơn La")
    ministry = Organization.objects.get(name="Bộ Kế hoạch và Đầu tư")
    assert ministry.province is None


def test_an_old_article_without_dates_does_not_show_its_import_day(site_tree, client):
    run(SEED_FILES[0], "--publish")
    article = ArticlePage.objects.get()
    assert article.sort_date is not None  # still ordered, by what it says
    header = client.get(article.url).content.decode().split("</header>")[1]
    header = header.split('class="article-header"')[1]
    assert "<time" not in header.split("</header>")[0]
