#!/usr/bin/env bash
# The whole test suite, as `make test` runs it. Fails if any part fails:
# lint, system checks, migrations, pytest on SQLite, pytest on a temporary PostgreSQL.
# Outside CI a missing PostgreSQL is skipped loudly; under CI=true it is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=portal.settings.test
export PYTHONDONTWRITEBYTECODE=1
unset DATABASE_URL

step() { printf '\n===== %s =====\n' "$*"; }

step "ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

step "manage.py check"
$PY manage.py check --fail-level WARNING

step "makemigrations --check"
$PY manage.py makemigrations --check --dry-run

step "pytest on SQLite"
EXPECT_DB_VENDOR=sqlite $PY -m pytest "$@"

step "pytest on PostgreSQL"
if bash scripts/find-postgres.sh >/dev/null; then
  EXPECT_DB_VENDOR=postgresql bash scripts/with-temp-postgres.sh $PY -m pytest "$@"
else
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: PostgreSQL is not installed, and CI=true allows no skipped pass." >&2
    exit 1
  fi
  printf '\n%s\n%s\n%s\n\n' \
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" \
    "!! SKIPPED: the PostgreSQL pass. Install PostgreSQL (apt-get install postgresql)." \
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
fi

step "all passes done"
