"""Shared fixtures and helpers for the test suite."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Variables a developer's shell may carry that would change what settings read.
SETTINGS_VARIABLES = [
    "ALLOWED_HOSTS",
    "CONN_MAX_AGE",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DEBUG",
    "DJANGO_SETTINGS_MODULE",
    "MEDIA_ROOT",
    "REDIS_URL",
    "SECRET_KEY",
    "SECURE_HSTS_PRELOAD",
    "SECURE_HSTS_SECONDS",
    "SECURE_HTTPS",
    "STATIC_ROOT",
    "WAGTAILADMIN_BASE_URL",
]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "k3Jx9-qP7vR2mZ8tW5yB1nC4dF6gH0jL3sA9eU7iO2pQ5rT8wX1zV4bN6mK0cY3",
    "ALLOWED_HOSTS": "thidua.example.vn",
    "CSRF_TRUSTED_ORIGINS": "https://thidua.example.vn",
    "WAGTAILADMIN_BASE_URL": "https://thidua.example.vn",
    "SECURE_HSTS_PRELOAD": "true",
}


def run_python(code, env=None, settings="portal.settings.dev", timeout=120):
    """Run Python in a fresh process with a clean settings environment."""
    full_env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    full_env["DJANGO_SETTINGS_MODULE"] = settings
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_manage(*args, env=None, settings="portal.settings.dev", timeout=120):
    """Run manage.py in a fresh process with a clean settings environment."""
    code = (
        "import sys; from django.core.management import execute_from_command_line; "
        f"execute_from_command_line(['manage.py', *{list(args)!r}])"
    )
    return run_python(code, env=env, settings=settings, timeout=timeout)


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches: Wagtail caches renditions by image
    id, and a rolled-back test's ids are given again to the next test's images."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture
def admin_user(django_user_model):
    """An administrator (superuser)."""
    return django_user_model.objects.create_superuser(
        "quantri", "quantri@example.com", "mat-khau-dai-123"
    )


@pytest.fixture
def admin_client(client, admin_user):
    """The administrator, logged into the admin."""
    client.force_login(admin_user)
    return client


@pytest.fixture
def editor(site_tree, django_user_model):
    """An editor of bloc A (its group "Biên tập viên – …")."""
    from news.permissions import ensure_bloc_groups

    editors, _moderators = ensure_bloc_groups(site_tree["a"])
    user = django_user_model.objects.create_user("btv_a", password="mat-khau-dai-123")
    user.groups.add(editors)
    return user


@pytest.fixture
def editor_client(client, editor):
    """The editor of bloc A, logged into the admin."""
    client.force_login(editor)
    return client


@pytest.fixture
def production_env():
    return dict(PRODUCTION_ENV)


@pytest.fixture
def site_tree(db):
    """Home, news index, bloc index and two blocs, as the default site."""
    from wagtail.models import Page, Site

    from tests.factories import (
        BlocIndexPageFactory,
        BlocPageFactory,
        HomePageFactory,
        NewsIndexPageFactory,
    )

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    news = NewsIndexPageFactory(parent=home)
    blocs = BlocIndexPageFactory(parent=home)
    bloc_a = BlocPageFactory(parent=blocs, title="Khối thi đua các sở, ngành tổng hợp")
    bloc_b = BlocPageFactory(parent=blocs, title="Khối thi đua Kinh tế ngành")
    return {"home": home, "news": news, "blocs": blocs, "a": bloc_a, "b": bloc_b}
