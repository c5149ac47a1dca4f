"""Editors write and submit under their own bloc; moderators approve; scheduling."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from news.models import (
    ArticlePage,
    BlocIndexPage,
    BlocPage,
    HomePage,
    NewsIndexPage,
    StandardPage,
)
from news.permissions import ensure_bloc_groups, ensure_site_groups
from tests.admin_forms import article_form_data
from tests.factories import ArticlePageFactory, BlocPageFactory

pytestmark = pytest.mark.django_db


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


@pytest.fixture
def people(site_tree, django_user_model):
    """An editor and a moderator of bloc A, each in the groups a bloc gets."""
    editors_a, moderators_a = ensure_bloc_groups(site_tree["a"])
    editor = django_user_model.objects.create_user("btv_a", password="mat-khau-123")
    editor.groups.add(editors_a)
    moderator = django_user_model.objects.create_user("kdv_a", password="mat-khau-123")
    moderator.groups.add(moderators_a)
    return {"editor": editor, "moderator": moderator}


def test_a_new_bloc_gets_its_own_vietnamese_groups(site_tree):
    bloc = BlocPageFactory(parent=site_tree["blocs"], title="Cụm thi đua Tây Nam Bộ 2")
    names = set(Group.objects.values_list("name", flat=True))
    assert "Biên tập viên – Cụm thi đua Tây Nam Bộ 2" in names
    assert "Kiểm duyệt viên – Cụm thi đua Tây Nam Bộ 2" in names
    assert {"Biên tập viên", "Kiểm duyệt viên"} <= names
    assert bloc.get_workflow().name == "Kiểm duyệt – Cụm thi đua Tây Nam Bộ 2"
    # Running the setup again changes nothing.
    before = Group.objects.count()
    call_command("setup_permissions", stdout=StringIO())
    assert Group.objects.count() == before


def test_editor_of_bloc_a_creates_and_submits_under_a_only(client, site_tree, people):
    client.force_login(people["editor"])
    data = article_form_data(**{"action-submit": "action-submit"})

    response = client.post(add_url(site_tree["a"]), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="hoi-nghi-tong-ket-2018")
    assert not article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == (
        "Kiểm duyệt – Khối thi đua các sở, ngành tổng hợp"
    )

    # The choosers the article form opens are open to the editor.
    for chooser in [
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtailsnippetchoosers_news_organization:choose"),
        reverse("wagtailsnippetchoosers_news_eventkind:choose"),
        reverse("wagtaildocs_chooser:choose"),
    ]:
        assert client.get(chooser).status_code == 200, chooser

    # Bloc B is out of reach: no adding, no editing.
    other = ArticlePageFactory(parent=site_tree["b"], title="Tin của khối B")
    assert client.get(add_url(site_tree["b"])).status_code in {302, 403}
    assert client.get(edit_url(other)).status_code in {302, 403}
    refused = client.post(
        add_url(site_tree["b"]), article_form_data(slug="lan-sang-khoi-b")
    )
    assert refused.status_code in {302, 403}
    assert not ArticlePage.objects.filter(slug="lan-sang-khoi-b").exists()
    # Nor can the editor publish, even in bloc A.
    client.post(edit_url(article), article_form_data(**{"action-publish": "1"}))
    article.refresh_from_db()
    assert not article.live


def test_moderator_of_bloc_a_approves_and_the_article_goes_live(
    client, site_tree, people
):
    client.force_login(people["editor"])
    client.post(
        add_url(site_tree["a"]), article_form_data(**{"action-submit": "action-submit"})
    )
    article = ArticlePage.objects.get(slug="hoi-nghi-tong-ket-2018")
    state = WorkflowState.objects.get(object_id=str(article.pk))

    client.force_login(people["moderator"])
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(article.pk, "approve", state.current_task_state.pk),
        ),
        {"comment": "Đồng ý đăng."},
    )

    assert response.status_code in {200, 302}
    article.refresh_from_db()
    assert article.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_moderator_of_bloc_a_cannot_approve_for_bloc_b(client, site_tree, people):
    moderators_b = ensure_bloc_groups(site_tree["b"])[1]
    assert moderators_b not in people["moderator"].groups.all()
    article = ArticlePageFactory(parent=site_tree["b"], live=False)
    client.force_login(people["moderator"])
    assert client.get(edit_url(article)).status_code in {302, 403}


def test_a_page_scheduled_in_the_past_goes_live_when_the_command_runs(site_tree):
    article = ArticlePageFactory(parent=site_tree["a"], live=False)
    article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert not article.live  # scheduled, waiting for its time
    # Time passes: the go-live time is now a minute behind us.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])

    call_command("publish_scheduled", stdout=StringIO())

    article.refresh_from_db()
    assert article.live
    assert article.live_revision_id == revision.pk


@pytest.mark.parametrize(
    "page_type",
    [HomePage, NewsIndexPage, BlocIndexPage, BlocPage, ArticlePage, StandardPage],
)
def test_every_page_type_keeps_revisions_and_previews(
    client, site_tree, django_user_model, page_type
):
    page = {
        HomePage: site_tree["home"],
        NewsIndexPage: site_tree["news"],
        BlocIndexPage: site_tree["blocs"],
        BlocPage: site_tree["a"],
        ArticlePage: ArticlePageFactory(parent=site_tree["a"]),
        StandardPage: None,
    }[page_type]
    if page is None:
        from tests.factories import StandardPageFactory

        page = StandardPageFactory(parent=site_tree["home"])
    page = Page.objects.get(pk=page.pk).specific
    page.title = f"{page.title} (sửa)"
    page.save_revision().publish()
    page.title = f"{page.title} (bản nháp)"
    page.save_revision()
    assert page.revisions.count() >= 2
    assert Page.objects.get(pk=page.pk).title.endswith("(sửa)")  # draft not live

    admin = django_user_model.objects.create_superuser("qt", "qt@example.com", "x")
    client.force_login(admin)
    preview = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,)))
    assert preview.status_code == 200
    revisions = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert revisions.status_code == 200


def test_site_groups_replace_wagtails_english_defaults(db):
    editors, moderators = ensure_site_groups()
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Biên tập viên", "Kiểm duyệt viên"} <= names
    assert not names & {"Editors", "Moderators"}
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow.name == "Kiểm duyệt"
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [moderators]


def test_bloc_people_change_only_their_blocs_images(site_tree, people):
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    from news.permissions import bloc_collection
    from tests.factories import ImageFactory

    permission_policy = policy_registry.get_by_type(get_image_model())
    editors_b, moderators_b = ensure_bloc_groups(site_tree["b"])
    editors_a = people["editor"].groups.get()
    own = ImageFactory(collection=bloc_collection(site_tree["a"], editors_a))
    others = ImageFactory(collection=bloc_collection(site_tree["b"], editors_b))
    moderator = people["moderator"]
    assert permission_policy.user_has_permission_for_instance(moderator, "change", own)
    assert not permission_policy.user_has_permission_for_instance(
        moderator, "change", others
    )
    # Choosing an image for an article is open to all of them.
    for user in (moderator, people["editor"]):
        assert permission_policy.user_has_permission_for_instance(
            user, "choose", others
        )
