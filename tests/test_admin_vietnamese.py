"""What an editor reads in the admin is Vietnamese, and whole: relative times,
counts, column names, the root of the tree, the login error, roles, and a
clear message, beside the title, for a title that is too long."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from news.models import ArticlePage, BlocMembership, BlocYear
from tests.admin_forms import article_form_data
from tests.factories import ArticlePageFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def visible_text(response):
    """The words a reader sees: no tags, scripts or attributes; spaces folded."""
    assert response.status_code == 200, response.status_code
    if response["Content-Type"].startswith("application/json"):
        page = response.json()["html"]  # a chooser's step
    else:
        page = response.content.decode()
    page = re.sub(r"<(script|style|template)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+\bhidden\b[^>]*>[^<]*<", "<", page)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def articles(site_tree, admin_user):
    """Two articles of bloc A, edited and published 5 minutes and 3 days ago."""
    now = timezone.now()
    pages = [
        ArticlePageFactory(parent=site_tree["a"], title=f"Hội nghị giao ban số {n}")
        for n in (1, 2)
    ]
    ages = [datetime.timedelta(minutes=5), datetime.timedelta(days=3)]
    for page, ago in zip(pages, ages, strict=True):
        revision = page.save_revision(user=admin_user, log_action=True)
        revision.publish(user=admin_user)
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=now - ago,
            last_published_at=now - ago,
            latest_revision_created_at=now - ago,
        )
        Revision.objects.filter(pk=revision.pk).update(created_at=now - ago)
        PageLogEntry.objects.filter(page=page).update(timestamp=now - ago)
    return pages


@pytest.mark.parametrize("who", ["admin_client", "editor_client"])
def test_relative_times_are_vietnamese(request, who, site_tree, articles):
    client = request.getfixturevalue(who)
    bloc = site_tree["a"]
    screens = [
        reverse("wagtailadmin_explore", args=(bloc.pk,)),
        reverse("wagtailadmin_pages:search") + "?q=giao+ban",
        reverse("wagtailadmin_pages:history", args=(articles[0].pk,)),
        reverse("wagtailadmin_choose_page_child", args=(bloc.pk,)),
        reverse("wagtailadmin_choose_page_search") + "?q=giao+ban",
    ]
    if who == "admin_client":
        screens += [reverse("wagtailadmin_reports:aging_pages")]
    for url in screens:
        text = visible_text(client.get(url))
        assert "minute" not in text and " day" not in text, (url, text)
        assert re.search(r"\d phút trước|\d ngày trước", text), (url, text)


def test_the_dashboard_says_when_in_vietnamese(admin_client, articles):
    text = visible_text(admin_client.get(reverse("wagtailadmin_home")))
    assert "minute" not in text and " day" not in text
    assert "5 phút trước" in text or "3 ngày trước" in text, text


@pytest.mark.parametrize("who", ["admin_client", "editor_client"])
def test_counts_and_columns_of_page_lists_read_vietnamese(
    request, who, site_tree, articles
):
    client = request.getfixturevalue(who)
    explorer = visible_text(
        client.get(reverse("wagtailadmin_explore", args=(site_tree["a"].pk,)))
    )
    assert "1-2 trên tổng số 2 trang" in explorer
    assert "các trang" not in explorer.replace("Sắp xếp các trang", "")
    assert re.search(r"\b2 trang\b", explorer)

    search = visible_text(
        client.get(reverse("wagtailadmin_pages:search") + "?q=giao+ban")
    )
    assert "1-2 trên tổng số 2 trang" in search
    assert "None" not in search
    assert "Cấp trên" in search and " Tập " not in search

    chooser = visible_text(
        client.get(reverse("wagtailadmin_choose_page_search") + "?q=giao+ban")
    )
    assert "Cấp trên" in chooser and " Tập " not in chooser


def test_the_root_of_the_tree_has_a_vietnamese_name(admin_client, site_tree):
    for url in [
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore_root") + "?q=giao+ban",
        reverse("wagtailimages:index"),
    ]:
        text = visible_text(admin_client.get(url))
        assert "Root" not in text, (url, text)
    assert "Gốc" in visible_text(admin_client.get(reverse("wagtailadmin_choose_page")))


def test_a_wrong_password_is_said_in_vietnamese(client, django_user_model):
    django_user_model.objects.create_user("btv_a", password="mat-khau-dai-123")

    response = client.post(
        reverse("wagtailadmin_login"), {"username": "btv_a", "password": "sai"}
    )

    text = visible_text(response)
    assert "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng thử lại." in text
    assert "nhậpkhông" not in text
    login = visible_text(client.get(reverse("wagtailadmin_login")))
    assert "Tên đăng nhập" in login and "Username" not in login


def test_bloc_roles_are_all_capitalised(admin_client, site_tree):
    bloc_year = BlocYear.objects.create(bloc=site_tree["a"], year=2018)
    BlocMembership.objects.create(
        bloc_year=bloc_year,
        organization=OrganizationFactory(name="Sở Nội vụ"),
        role=BlocMembership.Role.MEMBER,
    )
    url = reverse("wagtailsnippets_news_blocyear:edit", args=(bloc_year.pk,))

    page = admin_client.get(url).content.decode()

    roles = re.findall(r'<option value="(?:truong|pho|thanh_vien)"[^>]*>([^<]+)<', page)
    assert set(roles) == {
        "Trưởng khối (Cụm trưởng)",
        "Phó trưởng khối (Cụm phó)",
        "Thành viên",
    }
    assert str(bloc_year.memberships.get()) == "Sở Nội vụ (Thành viên)"


def test_a_title_too_long_is_refused_beside_the_title(admin_client, site_tree):
    bloc = site_tree["a"]
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", bloc.pk))
    title = ("Hội nghị tổng kết công tác thi đua khen thưởng " * 10)[:400]
    assert len(title) == 400

    form = admin_client.get(url).content.decode()
    [title_input] = re.findall(r'<input[^>]*name="title"[^>]*>', form)
    assert "maxlength" not in title_input

    response = admin_client.post(url, article_form_data(title=title, slug=""))

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["title"] == ["Chỉ được nhập tối đa 255 ký tự (hiện có 400)."]
    # Nothing on the hidden Promote tab: the slug made from the title fits.
    assert "slug" not in errors
    assert not ArticlePage.objects.filter(
        title__startswith="Hội nghị tổng kết"
    ).exists()


def test_a_long_title_gives_a_slug_that_fits(admin_client, site_tree):
    bloc = site_tree["a"]
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", bloc.pk))
    title = ("Khối thi đua các sở ngành tổng hợp tổ chức hội nghị " * 5)[:250].strip()

    response = admin_client.post(url, article_form_data(title=title, slug=""))

    assert response.status_code == 302, response.context["form"].errors
    slug = ArticlePage.objects.get(title=title).slug
    assert 200 < len(slug) <= 255 and slug.startswith("khoi-thi-dua-cac-so")
    assert not slug.endswith("-")


def test_the_editor_header_and_comment_labels_read_vietnamese(admin_client, articles):
    url = reverse("wagtailadmin_pages:edit", args=(articles[0].pk,))
    html = admin_client.get(url).content.decode()
    # Read aloud by screen readers: Wagtail wrote this one in English.
    assert 'aria-label="Thao tác" id="w-slim-header-buttons"' in html
    assert 'aria-label="Actions"' not in html
    assert 'aria-label="Thêm bình luận"' in html
