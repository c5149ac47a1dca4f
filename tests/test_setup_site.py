"""A new production portal gets its page tree from ``manage.py setup_site``;
the demo content (``load_demo``, ``bench_articles``) is not installed there."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from news.models import EventKind, HomePage, NewsIndexPage
from tests.conftest import run_manage


@pytest.mark.django_db
def test_setup_site_builds_the_home_page_and_its_sections_once(client):
    call_command("setup_site", stdout=StringIO())
    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    sections = [page.slug for page in home.get_children().live()]
    assert sections == [
        "tin-tuc",
        "khoi-cum-thi-dua",
        "thong-bao",
        "gioi-thieu",
        "lien-he",
    ]
    announcements = NewsIndexPage.objects.get(slug="thong-bao")
    assert announcements.event_kind == EventKind.objects.get(code="thong_bao")
    # Wagtail's placeholder "Welcome" page is gone: the home page is the only
    # page under the tree's root.
    assert list(Page.objects.filter(depth=2)) == [home.page_ptr]
    pages = Page.objects.count()

    call_command("setup_site", stdout=StringIO())
    assert Page.objects.count() == pages
    assert client.get("/").status_code == 200
    assert client.get("/tin-tuc/").status_code == 200


@pytest.mark.slow
def test_production_has_setup_site_but_not_the_demo_commands(production_env):
    assert (
        run_manage(
            "help",
            "setup_site",
            env=production_env,
            settings="portal.settings.production",
        ).returncode
        == 0
    )
    for command in ("load_demo", "bench_articles"):
        result = run_manage(
            "help", command, env=production_env, settings="portal.settings.production"
        )
        assert result.returncode != 0
        assert "Unknown command" in result.stderr
    assert run_manage("help", "load_demo").returncode == 0  # development has it
