"""Each pass of `make test` really runs on the database it claims to."""

import os

import pytest
from django.db import connection

EXPECTED = os.environ.get("EXPECT_DB_VENDOR")


@pytest.mark.skipif(not EXPECTED, reason="EXPECT_DB_VENDOR is set by scripts/test.sh")
@pytest.mark.django_db
def test_the_suite_runs_on_the_expected_database():
    assert connection.vendor == EXPECTED
    with connection.cursor() as cursor:
        if EXPECTED == "postgresql":
            cursor.execute("SELECT version()")
            assert cursor.fetchone()[0].startswith("PostgreSQL ")
        else:
            cursor.execute("SELECT sqlite_version()")
            assert cursor.fetchone()[0][0].isdigit()
