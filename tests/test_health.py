"""The health endpoint tells a load balancer whether the database answers."""

import json

import pytest

from tests.conftest import run_python

HEALTHZ_IN_FRESH_PROCESS = """
import django, json
django.setup()
from django.test import Client
response = Client(raise_request_exception=False, HTTP_HOST="localhost").get("/healthz")
print(json.dumps({"status": response.status_code,
                  "type": response["Content-Type"],
                  "body": response.content.decode()}))
"""


@pytest.mark.django_db
def test_healthz_is_200_with_json_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "database_url",
    [
        # A PostgreSQL server that is down: nothing listens on port 1.
        "postgres://portal:portal@127.0.0.1:1/portal",
        # A SQLite file that cannot be opened.
        "sqlite:////nonexistent-folder/for/sure/db.sqlite3",
    ],
    ids=["postgresql-down", "sqlite-unreadable"],
)
def test_healthz_is_503_without_a_stack_trace_when_the_database_is_down(database_url):
    result = run_python(
        HEALTHZ_IN_FRESH_PROCESS,
        env={"DATABASE_URL": database_url, "DEBUG": "false"},
        settings="portal.settings.dev",
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["type"] == "application/json"
    assert json.loads(answer["body"]) == {"status": "error", "database": "unavailable"}
    assert "Traceback" not in answer["body"]


@pytest.mark.django_db
def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
