"""The report *Bài viết cần xem lại*, as an administrator, a bloc's editor and a
bloc's moderator use it: notes say what to do in the admin,
the flag sits on the content tab and can be cleared, blocs the importer created
are reachable and the report says who should get them, and a moderator
approves from the row."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import WorkflowState

from demo import ARTICLES_DIR
from legacy.review import review_rows
from news.models import ArticlePage, BlocPage
from news.permissions import bloc_editor_group_name, ensure_bloc_groups
from tests.admin_forms import article_form_data
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

SEEDS = sorted(ARTICLES_DIR.glob("*.txt"))
# The seed whose bloc is a province's, the province named nowhere in the text.
SEED_WITHOUT_PROVINCE = SEEDS[2]
REPORT = reverse("news_needs_review")


def run_import(*args):
    out = StringIO()
    call_command("import_legacy", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


@pytest.fixture
def people(site_tree, django_user_model):
    """An administrator, and an editor and a moderator of bloc A."""
    editors, moderators = ensure_bloc_groups(site_tree["a"])
    admin = django_user_model.objects.create_superuser("qt", "qt@example.com", "x")
    editor = django_user_model.objects.create_user("btv_a", password="x")
    editor.groups.add(editors)
    moderator = django_user_model.objects.create_user("kdv_a", password="x")
    moderator.groups.add(moderators)
    return {"admin": admin, "editor": editor, "moderator": moderator}


def report_as(client, user):
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code == 200
    return response.content.decode()


def text(html):
    """The page's text, tags and doubled spaces out."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_notes_say_what_to_do_in_the_admin_not_on_the_command_line(
    client, site_tree, people
):
    out = run_import(SEED_WITHOUT_PROVINCE)
    article = ArticlePage.objects.get()
    bloc = article.get_parent().specific
    assert bloc.province is None

    # The command line still tells how to give the province there...
    assert "--province" in out
    # ... the article tells the editor where to choose it in the admin.
    assert "--province" not in article.review_notes
    assert "manage.py" not in article.review_notes
    wanted = (
        f"Chưa biết tỉnh của khối “{bloc.title}”: chọn tỉnh trong trang của "
        f"khối (Khối, cụm thi đua → bấm vào “{bloc.title}”)."
    )
    assert wanted in article.review_notes.split("\n")
    html = report_as(client, people["editor"])
    assert article.title[:40] in html
    assert wanted in text(html)
    assert "--province" not in html


def test_no_stored_note_mentions_the_command_line(client, site_tree, people):
    run_import(ARTICLES_DIR)
    notes = "\n".join(ArticlePage.objects.values_list("review_notes", flat=True))
    assert notes
    assert not re.search(r"--\w|manage\.py", notes)
    assert "--province" not in report_as(client, people["admin"])


def test_old_notes_are_rewritten_by_the_migration(site_tree):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("news.migrations.0014_review_notes_for_the_admin")
    run_import(SEED_WITHOUT_PROVINCE)
    article = ArticlePage.objects.get()
    bloc = article.get_parent().specific
    old = "Văn bản không nêu tên tỉnh: cho biết bằng --province hoặc nhập tay."
    created = "Đã tạo khối “Cụm X”: hãy kiểm tra lại."
    notes = f"Văn bản không ghi tác giả.\n{old}\n{created}"
    ArticlePage.objects.filter(pk=article.pk).update(review_notes=notes)
    revision = article.latest_revision
    revision.content["review_notes"] = notes
    revision.save(update_fields=["content"])

    migration.forwards(apps, None)

    article.refresh_from_db()
    revision.refresh_from_db()
    expected = [
        "Văn bản không ghi tác giả.",
        f"Chưa biết tỉnh của khối “{bloc.title}”: chọn tỉnh trong trang của "
        f"khối (Khối, cụm thi đua → bấm vào “{bloc.title}”).",
        "Công cụ nhập đã tạo khối “Cụm X”: kiểm tra tên, loại, cấp và đơn vị "
        "tổ chức trong trang của khối (Khối, cụm thi đua → bấm vào "
        "“Cụm X”), rồi bỏ chọn “cần xem lại” ở thẻ Cài đặt của khối.",
    ]
    assert article.review_notes.split("\n") == expected
    assert revision.content["review_notes"].split("\n") == expected


@pytest.mark.parametrize("publish", [False, True], ids=["draft", "published"])
def test_the_flag_and_notes_lead_the_content_tab_and_the_editor_clears_them(
    client, site_tree, people, publish
):
    run_import(SEED_WITHOUT_PROVINCE, *(["--publish"] if publish else []))
    article = ArticlePage.objects.get()
    client.force_login(people["editor"])

    html = client.get(edit_url(article)).content.decode()

    # The tabs' panels, in order: content, promote, settings.
    content_tab, _promote, settings_tab = (
        m.start() for m in re.finditer(r'<section[^>]* id="tab-', html)
    )
    flag = html.index('id="id_needs_review"')
    notes = html.index('id="id_review_notes"')
    # On the content tab, above the title.
    assert content_tab < flag < notes < html.index('id="id_title"') < settings_tab
    assert html.count('id="id_needs_review"') == 1
    assert "Cần xem lại sau khi nhập" in html
    assert "rồi bỏ chọn “cần xem lại” và lưu" in html

    # Done: the editor unticks the flag and saves a draft (of a published
    # article too: the report reads the page's row, which a draft of a live
    # page leaves alone, so the flag is kept there as well).
    data = article_form_data(title=article.title, slug=article.slug)
    data["review_notes"] = article.review_notes
    response = client.post(edit_url(article), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert not article.needs_review
    report_as(client, people["editor"])  # shows, and so clears, "saved"
    assert article.title[:40] not in report_as(client, people["editor"])


def test_an_article_without_notes_shows_no_review_box(client, site_tree, people):
    article = ArticlePage(title="Tin mới", slug="tin-moi", lead="Tin.")
    site_tree["a"].add_child(instance=article)
    client.force_login(people["editor"])
    html = client.get(edit_url(article)).content.decode()
    assert "Cần xem lại sau khi nhập" not in html
    assert 'id="id_needs_review"' not in html


def test_a_bloc_the_importer_created_has_empty_groups_and_the_admin_is_told(
    client, site_tree, people, django_user_model
):
    run_import(ARTICLES_DIR)
    created = BlocPage.objects.get(
        needs_review=True, title="Cụm thi đua các tỉnh miền Tây Nam Bộ 2"
    )
    editors = Group.objects.get(name=bloc_editor_group_name(created))
    moderators = Group.objects.get(name=f"Kiểm duyệt viên – {created.title}")
    assert not editors.user_set.exists() and not moderators.user_set.exists()
    # Until someone is in them, its articles are reached by administrators.
    article = ArticlePage.objects.child_of(created).first()
    client.force_login(people["admin"])
    assert client.get(edit_url(article)).status_code == 200

    html = report_as(client, people["admin"])
    message = (
        f"Khối “{created.title}” chưa có biên tập viên: thêm người vào nhóm "
        f"“Biên tập viên – {created.title}” (Cài đặt → Người dùng → chọn người "
        "→ Vai trò)."
    )
    assert message in text(html)
    group_link = reverse("wagtailusers_groups:edit", args=(editors.pk,))
    assert f'href="{group_link}"' in html
    assert "chỉ quản trị viên và các nhóm toàn trang" in text(html)
    # A bloc whose editors' group has people is not listed; nor is bloc A,
    # which holds no article to review.
    assert f"Khối “{site_tree['a'].title}” chưa có" not in text(html)
    # The bloc's editor neither manages people nor sees the message.
    assert "chưa có biên tập viên" not in report_as(client, people["editor"])

    editors.user_set.add(django_user_model.objects.create_user("btv_moi"))
    assert message not in text(report_as(client, people["admin"]))


def test_a_moderator_approves_from_the_row(client, site_tree, people):
    run_import(SEED_WITHOUT_PROVINCE, "--bloc", site_tree["a"].slug)
    article = ArticlePage.objects.get()
    assert article.needs_review and not article.live
    article.get_workflow().start(article, people["editor"])

    # The editor sees that it waits, and may not approve.
    html = report_as(client, people["editor"])
    assert "Đang chờ duyệt: Kiểm duyệt – " in text(html)
    assert "data-workflow-action-url" not in html

    html = report_as(client, people["moderator"])
    row = html[html.index(article.title[:40]) :]
    assert "Đang chờ duyệt: Kiểm duyệt – " in text(row)
    approve = re.search(
        r'<button[^>]*data-workflow-action-url="([^"]+/approve/\d+/)"(?![^>]*data-launch-modal)[^>]*>\s*([^<]+?)\s*</button>',
        row,
    )
    assert approve, row[:3000]
    assert approve.group(2) == "Phê chuẩn"  # Wagtail's word for "Approve"
    assert "workflow-action.js" in html

    # What the button does (wagtailadmin/js/workflow-action.js): a POST with
    # the report as the page to come back to.
    response = client.post(approve.group(1), {"next": REPORT})
    assert response.status_code == 302
    assert response["Location"] == REPORT
    article.refresh_from_db()
    assert article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    # Approval publishes; the editor still clears the flag when the notes
    # are done, so the article stays in the report meanwhile.
    assert "Chưa gửi kiểm duyệt" in text(report_as(client, people["moderator"]))


def test_a_bloc_editor_sees_only_the_articles_of_the_bloc(client, site_tree, people):
    run_import(ARTICLES_DIR)
    flagged = ArticlePage.objects.filter(needs_review=True)
    html = report_as(client, people["editor"])
    for article in flagged:
        mine = article.get_parent().pk == site_tree["a"].pk
        assert (article.title[:40] in html) == mine


def test_the_rows_moderation_costs_the_same_queries_for_2_or_6_articles(
    site_tree, people
):
    # The report's rows are Wagtail's page report rows (which cost queries
    # of their own per row); what the portal adds, each row's moderation state
    # and actions, is fetched at once.
    def rows_queries(count):
        for n in range(count - ArticlePage.objects.count()):
            article = ArticlePageFactory(
                parent=site_tree["a"], needs_review=True, review_notes=f"Ghi chú {n}"
            )
            article.save_revision()
            article.get_workflow().start(article, people["editor"])
        pages = list(ArticlePage.objects.all())
        moderator = type(people["moderator"]).objects.get(pk=people["moderator"].pk)
        with CaptureQueriesContext(connection) as queries:
            rows = review_rows(pages, moderator)
        assert [page.workflow_actions[0][0] for page in rows] == ["approve"] * count
        return len(queries)

    assert rows_queries(2) == rows_queries(6)
