"""`make serve`: gunicorn with the production settings answers on loopback."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import PRODUCTION_ENV, PROJECT_DIR, SETTINGS_VARIABLES

pytestmark = pytest.mark.slow


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    """Gunicorn serving the production settings over plain HTTP, as `make serve`."""
    folder = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env.update(PRODUCTION_ENV)
    env.update(
        {
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_HTTPS": "false",
            "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        }
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        timeout=300,
    )
    port = free_port()
    server = subprocess.Popen(
        [
            os.path.join(os.path.dirname(sys.executable), "gunicorn"),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer within 60 s")
        yield base, folder
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serves_plain_http_without_redirecting_to_https(production_server):
    base, _ = production_server
    status, headers, body = fetch(base + "/healthz")
    assert status == 200, body
    assert b'"status": "ok"' in body
    assert "Strict-Transport-Security" not in headers


def test_serves_hashed_static_files_with_long_cache_headers(production_server):
    base, folder = production_server
    hashed = [
        name
        for name in os.listdir(folder / "static" / "css")
        if re.fullmatch(r"portal\.[0-9a-f]{12}\.css", name)
    ]
    assert hashed, "collectstatic wrote no hashed portal.css"
    status, headers, body = fetch(f"{base}/static/css/{hashed[0]}")
    assert status == 200
    assert b"--brand" in body
    assert "immutable" in headers["Cache-Control"]
