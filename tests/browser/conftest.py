"""Browser tests: Playwright for Python driving Debian's Chromium.

The browser is the one Debian ships (``apt-get install chromium``), launched by
its path; Playwright never downloads one. The site runs in pytest-django's
``live_server`` thread on the test database, filled by ``manage.py load_demo``
at the start of each test. ``serialized_rollback`` puts back what the
migrations seeded (root page, provinces, event kinds) after each test's flush.
On SQLite's in-memory test database the demo is loaded once: the database is
copied then (``sqlite3.Connection.backup``), and the copy is written back over
it at the start of each later test, in milliseconds instead of seconds.

Each page a test opens is watched: a console error, an uncaught script error,
a Content-Security-Policy violation or a failed request fails the test.

Screenshots go to ``test-artifacts/screenshots/<name>-<width>.png`` (git-ignored).
"""

import contextlib
import json
import os
import re
import sqlite3
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import (
    PROJECT_DIR,
    keep_media_files,
    load_demo,
    media_files,
    put_back_media_files,
)

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the networking flags Debian's Chromium keeps calling Google's
# services, which this machine cannot reach, and floods the log with errors.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS_DIR = PROJECT_DIR / "test-artifacts"
SCREENSHOTS_DIR = ARTIFACTS_DIR / "screenshots"

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_missing_message():
    return (
        f"Chromium is not installed at {CHROMIUM_PATH} "
        "(Debian: apt-get install chromium; or set CHROMIUM_PATH)."
    )


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, for the whole session."""
    if not os.access(CHROMIUM_PATH, os.X_OK):
        if os.environ.get("CI") == "true":
            pytest.fail(chromium_missing_message(), pytrace=False)
        pytest.skip(chromium_missing_message())
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop marked as running in the main
    # thread while it is started. Django then (1) refuses database calls "from
    # an async context" and (2) hands out other connection objects (asgiref
    # keeps them per task when a loop runs), which lack the test database's
    # serialized contents and so break serialized_rollback. The tests run no
    # concurrent code of their own: keep the same connections, and lift the
    # check while the browser is up, and only then.
    pinned = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, connection in pinned.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(request, django_db_setup, django_db_blocker, browser):
    """pytest-django's live server, started once the test database exists.

    pytest-django hands the tests' own connection to the server's threads only
    for an in-memory SQLite database that exists when the server starts; its
    fixture, asked for first, started the server before the test database was
    made, so the server opened connections of its own to the shared in-memory
    database and a test that read while a page wrote met "database table is
    locked". Started here, the server and the tests share one connection, as
    Django's LiveServerTestCase does."""
    from pytest_django.live_server_helper import LiveServer

    addr = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    with django_db_blocker.unblock():
        server = LiveServer(addr)
    yield server
    server.stop()


class DemoCopy:
    """The in-memory test database as the first ``load_demo`` of the session
    left it, and the photo files that load wrote."""

    def __init__(self):
        self.database = None
        self.files = {}

    def put_into(self, connection):
        """Load the demo into this connection's database: the copy once there
        is one (and the photo files a test deleted), else ``load_demo``."""
        connection.ensure_connection()
        raw = connection.connection
        if self.database is not None:
            put_back_media_files(self.files)
            self.database.backup(raw)
            return
        before = media_files()
        load_demo()
        self.files = keep_media_files(before)
        self.database = sqlite3.connect(":memory:", check_same_thread=False)
        raw.backup(self.database)

    def close(self):
        if self.database is not None:
            self.database.close()


@pytest.fixture(scope="session")
def demo_copy():
    copy = DemoCopy()
    yield copy
    copy.close()


@pytest.fixture
def demo_site(browser, live_server, django_db_serialized_rollback, demo_copy):
    """The demo portal (``manage.py load_demo``) served by ``live_server``.

    Asks for the browser first, so a missing Chromium skips before the load."""
    from django.db import connection

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        demo_copy.put_into(connection)
    else:
        load_demo()
    return live_server


class PageWatch:
    """What went wrong in a page: console errors, script errors, CSP
    violations, failed requests. ``expect_status`` allows one known answer,
    e.g. the 404 of a page that does not exist."""

    def __init__(self):
        self.problems = []
        self.expected = []  # (compiled url pattern, status)

    def expect_status(self, url_pattern, status):
        self.expected.append((re.compile(url_pattern), status))

    def _is_expected(self, url, status=None):
        return any(
            pattern.search(url) and (status is None or status == expected)
            for pattern, expected in self.expected
        )

    def on_console(self, message):
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and self._is_expected(
            url
        ):
            return
        self.problems.append(f"console error: {message.text} (at {url or '?'})")

    def on_page_error(self, error):
        self.problems.append(f"script error: {error}")

    def on_response(self, response):
        if response.status >= 400 and not self._is_expected(
            response.url, response.status
        ):
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def on_request_failed(self, request):
        failure = request.failure or ""
        # A request cut short by leaving the page is not an error of the site.
        if "ERR_ABORTED" in failure:
            return
        self.problems.append(f"request failed: {request.url} ({failure})")

    def report(self):
        return "\n".join(f"  - {problem}" for problem in self.problems)


# A CSP violation is logged by Chromium; this also reports it when the policy
# is report-only, with the directive, in the same console stream.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.violatedDirective + " blocked " +
    (event.blockedURI || "inline code") + " in " + event.sourceFile + ":" +
    event.lineNumber);
});
"""


def _media_route(route, request):
    """Serve /media/ from MEDIA_ROOT, as the reverse proxy does in production
    (the test settings run with DEBUG off, so Django does not serve it)."""
    media_root = Path(settings.MEDIA_ROOT).resolve()
    path = unquote(urlsplit(request.url).path)[len(settings.MEDIA_URL) :]
    file = (media_root / path).resolve()
    if file.is_file() and media_root in file.parents:
        route.fulfill(path=str(file))
    else:
        route.fulfill(status=404, content_type="text/plain", body="Not found")


class ServerActivity:
    """Counts the requests the live server is answering, so a test ends only
    when the site has answered the last one: a page that is closed may still
    send one (Wagtail's editor releases its editing session when it unloads),
    and the server must not touch the database while the test flushes it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.active = 0
        self.last_change = time.monotonic()

    def started(self, **kwargs):
        with self.lock:
            self.active += 1
            self.last_change = time.monotonic()

    def finished(self, **kwargs):
        with self.lock:
            self.active -= 1
            self.last_change = time.monotonic()

    def wait_until_idle(self, quiet=0.3, timeout=10):
        """Wait until no request has been running for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                idle = self.active <= 0 and time.monotonic() - self.last_change >= quiet
            if idle:
                return
            time.sleep(0.05)


@pytest.fixture
def open_page(browser, live_server):
    """Open a watched browser tab: ``open_page(PHONE, touch=True)``;
    ``javascript=False`` for a browser without scripts; ``csp=...`` to add a
    Content-Security-Policy header to the site's pages.

    Each tab has its own context (cookies, viewport). At the end of the test,
    any problem a tab logged fails the test.
    """
    contexts = []
    watches = []
    activity = ServerActivity()
    request_started.connect(activity.started)
    request_finished.connect(activity.finished)

    def open_(viewport=DESKTOP, touch=False, javascript=True, csp=None):
        context = browser.new_context(
            java_script_enabled=javascript,
            base_url=live_server.url,
            viewport=viewport,
            has_touch=touch,
            is_mobile=touch,
            device_scale_factor=1,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
        )
        context.set_default_timeout(15_000)
        context.add_init_script(CSP_LISTENER)
        context.route(f"{live_server.url}{settings.MEDIA_URL}**", _media_route)
        if csp:
            context.route(f"{live_server.url}/**", _with_csp(csp))
        page = context.new_page()
        watch = PageWatch()
        page.on("console", watch.on_console)
        page.on("pageerror", watch.on_page_error)
        page.on("response", watch.on_response)
        page.on("requestfailed", watch.on_request_failed)
        page.watch = watch
        contexts.append(context)
        watches.append(watch)
        return page

    yield open_

    # Leave every page first, so its unload handlers send what they send now,
    # then wait for the site to answer, then close.
    for context in contexts:
        for tab in context.pages:
            with contextlib.suppress(PlaywrightError):
                tab.goto("about:blank")
    activity.wait_until_idle()
    for context in contexts:
        context.close()
    activity.wait_until_idle()
    request_started.disconnect(activity.started)
    request_finished.disconnect(activity.finished)
    problems = "\n".join(watch.report() for watch in watches if watch.problems)
    if problems:
        pytest.fail(
            "The browser reported problems on the pages this test opened:\n" + problems,
            pytrace=False,
        )


def _with_csp(policy):
    """A route that adds a Content-Security-Policy to the site's pages, for
    a page to be tried under a policy the site does not send (yet)."""

    def route_(route, request):
        if request.resource_type != "document":
            route.fallback()
            return
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": policy}
        route.fulfill(response=response, headers=headers)

    return route_


@pytest.fixture
def page(open_page):
    """A watched tab 1280 px wide."""
    return open_page(DESKTOP)


@pytest.fixture
def phone_page(open_page):
    """A watched tab 360 px wide with a touch screen."""
    return open_page(PHONE, touch=True)


def screenshot(page, name, full_page=True):
    """Save a screenshot as test-artifacts/screenshots/<name>-<width>.png."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    path = SCREENSHOTS_DIR / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['id']}] impact={violation.get('impact')}: "
            f"{violation['help']} ({violation.get('helpUrl', '')})"
        )
        for node in violation["nodes"]:
            target = json.dumps(node.get("target"), ensure_ascii=False)
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {target}: {summary}")
    return "\n".join(lines)


def axe_violations(page, context=None):
    """The WCAG 2.1 A/AA violations that axe-core finds in the page."""
    from axe_playwright_python.sync_playwright import Axe

    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
    }
    results = Axe().run(page, context=context, options=options)
    return results.response["violations"]


def assert_no_axe_violations(page, what, context=None):
    violations = axe_violations(page, context=context)
    if violations:
        pytest.fail(
            f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on "
            f"{what} ({page.url}):\n{format_violations(violations)}",
            pytrace=False,
        )
