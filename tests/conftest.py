"""Shared fixtures and helpers for the test suite."""

import os
import subprocess
import sys
from io import StringIO
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


class DatabaseSnapshot:
    """The rows a builder leaves in the database, read once and written back
    into a test's own transaction: a copy of every table the builder changed
    (the rows exactly as stored, ids included), written in a fraction of the
    time the builder takes. Tables are those of the installed models, less
    SQLite's virtual tables: the search index's FTS table follows its index
    entries by trigger.

    ``DatabaseSnapshot.take(build)`` runs ``build()`` in a transaction that it
    rolls back, so the database is as it was before; ``restore()`` replaces
    the changed tables' rows with the copy, in one transaction (a savepoint of
    the test's own; foreign keys are checked at its end, so the order of the
    tables is free). The ids written back stay clear of new rows' ids: on
    PostgreSQL the sequences keep what the rolled-back build drew, on SQLite
    a new id follows the largest one in the table.
    """

    def __init__(self, tables, result):
        self.tables = tables  # {table: (columns, rows)}
        self.result = result

    @staticmethod
    def table_names(connection):
        from django.apps import apps

        existing = set(connection.introspection.table_names())
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND sql LIKE 'CREATE VIRTUAL TABLE%%'"
                )
                existing -= {name for (name,) in cursor.fetchall()}
        names = {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
        return sorted(names & existing)

    @staticmethod
    def read(connection, tables):
        rows = {}
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
                columns = [column[0] for column in cursor.description]
                rows[table] = (columns, [tuple(row) for row in cursor.fetchall()])
        return rows

    @classmethod
    def take(cls, build):
        """The snapshot of ``build()``, or None when the database does not
        hold what the migrations seeded: after a transactional test's flush
        (browser tests) the next test's rows are put back only once that test
        starts, too late for a snapshot taken before it."""
        from django.db import connection, transaction
        from wagtail.models import Page

        if not Page.objects.filter(depth=1).exists():
            return None
        tables = cls.table_names(connection)
        with transaction.atomic():
            before = cls.read(connection, tables)
            result = build()
            after = cls.read(connection, tables)
            transaction.set_rollback(True)
        changed = {name: after[name] for name in tables if after[name] != before[name]}
        return cls(changed, result)

    def restore(self):
        from django.db import connection, transaction

        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.tables:
                cursor.execute(f"DELETE FROM {quote(table)}")
            for table, (columns, rows) in self.tables.items():
                if not rows:
                    continue
                names = ", ".join(quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows
                )


def load_demo():
    """Run ``manage.py load_demo``; what it printed."""
    from django.core.management import call_command

    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def media_files():
    """The files under MEDIA_ROOT (the photos and renditions a load wrote)."""
    from django.conf import settings

    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()}


def keep_media_files(before):
    """The files written since ``before`` (a ``media_files()``), with their
    bytes, for ``put_back_media_files``."""
    return {path: path.read_bytes() for path in media_files() - before}


def put_back_media_files(files):
    """Write again the kept files a test deleted (Wagtail deletes a deleted
    rendition's file once the deletion is committed)."""
    for path, data in files.items():
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):
    """``manage.py load_demo`` run once per session, on the freshly migrated
    test database, as a snapshot (its output in ``result``, the photo files it
    wrote in ``files``); None if taken after a flush."""
    with django_db_blocker.unblock():
        before = media_files()
        snapshot = DatabaseSnapshot.take(load_demo)
    if snapshot:
        snapshot.files = keep_media_files(before)
    return snapshot


def restore_demo(demo_snapshot):
    """Put the demo into the current transaction, its photo files on disk;
    what load_demo printed."""
    if demo_snapshot is None:
        return load_demo()
    put_back_media_files(demo_snapshot.files)
    demo_snapshot.restore()
    return demo_snapshot.result


@pytest.fixture
def demo(db, demo_snapshot):
    """The demo portal, as ``manage.py load_demo`` leaves it, in this test's
    transaction. Returns what the command printed."""
    return restore_demo(demo_snapshot)


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


def build_site_tree():
    """Home, news index, bloc index and two blocs, as the default site; their
    ids by name."""
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
    pages = {"home": home, "news": news, "blocs": blocs, "a": bloc_a, "b": bloc_b}
    return {name: page.pk for name, page in pages.items()}


@pytest.fixture(scope="session")
def site_tree_snapshot(django_db_setup, django_db_blocker):
    """``build_site_tree()`` run once per session, as a snapshot; None if
    taken after a flush."""
    with django_db_blocker.unblock():
        return DatabaseSnapshot.take(build_site_tree)


@pytest.fixture
def site_tree(db, site_tree_snapshot):
    """Home, news index, bloc index and two blocs, as the default site: the
    session's ``build_site_tree()``, copied into this test's transaction (or
    built here, when there is no snapshot)."""
    from wagtail.models import Page

    if site_tree_snapshot is None:
        ids = build_site_tree()
    else:
        site_tree_snapshot.restore()
        ids = site_tree_snapshot.result
    pages = Page.objects.in_bulk(ids.values())
    return {name: pages[pk].specific for name, pk in ids.items()}
