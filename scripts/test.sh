#!/usr/bin/env bash
# The whole test suite, as `make test` runs it. Fails if any part fails:
# lint, system checks, migrations, pytest on SQLite, pytest on a temporary PostgreSQL,
# and the browser tests (Playwright driving Debian's Chromium, on SQLite).
# Outside CI a missing PostgreSQL or Chromium is skipped loudly; under CI=true it is
# a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=portal.settings.test
export PYTHONDONTWRITEBYTECODE=1
unset DATABASE_URL

step() { printf '\n===== %s =====\n' "$*"; }

step "lint (ruff, djLint, ESLint, Stylelint)"
bash scripts/lint.sh

step "manage.py check"
$PY manage.py check --fail-level WARNING

step "makemigrations --check"
$PY manage.py makemigrations --check --dry-run

# The browser tests (marker `browser`, tests/browser/) have a pass of their own,
# at the end: the other passes leave them out.
#
# The SQLite and PostgreSQL passes run side by side, one process each (each has
# its own test database and media folder, so they share nothing). Each pass's
# output goes to a file, printed whole when that pass ends; the step fails if
# either pass fails.
postgres=yes
if ! bash scripts/find-postgres.sh >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: PostgreSQL is not installed, and CI=true allows no skipped pass." >&2
    exit 1
  fi
  postgres=no
fi
step "pytest on SQLite and on PostgreSQL, side by side"
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
declare -A passes=() # pid -> pass name
EXPECT_DB_VENDOR=sqlite $PY -m pytest -m "not browser" "$@" >"$logs/SQLite" 2>&1 &
passes[$!]=SQLite
if [ "$postgres" = yes ]; then
  EXPECT_DB_VENDOR=postgresql bash scripts/with-temp-postgres.sh \
    $PY -m pytest -m "not browser" "$@" >"$logs/PostgreSQL" 2>&1 &
  passes[$!]=PostgreSQL
fi
failed=()
first_status=0
while [ "${#passes[@]}" -gt 0 ]; do
  status=0
  wait -n -p finished "${!passes[@]}" || status=$?
  name=${passes[$finished]}
  unset "passes[$finished]"
  step "pytest on $name (exit status $status)"
  cat "$logs/$name"
  if [ "$status" -ne 0 ]; then
    failed+=("$name")
    [ "$first_status" -ne 0 ] || first_status=$status
  fi
done
if [ "$postgres" = no ]; then
  printf '\n%s\n%s\n%s\n\n' \
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" \
    "!! SKIPPED: the PostgreSQL pass. Install PostgreSQL (apt-get install postgresql)." \
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
fi
if [ "${#failed[@]}" -gt 0 ]; then
  echo "FAIL: pytest on ${failed[*]}." >&2
  exit "$first_status"
fi

# Once, on SQLite only: they test what the browser shows and does; the database
# code under them is already tested on both databases by the passes above.
step "browser tests (Chromium, on SQLite)"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM_PATH" ]; then
  rm -rf test-artifacts/screenshots
  status=0
  EXPECT_DB_VENDOR=sqlite $PY -m pytest -m browser "$@" || status=$?
  # Arguments that select no browser test (e.g. -k health) make pytest exit 5.
  if [ "$status" -eq 5 ] && [ $# -gt 0 ]; then
    echo "No browser test matches: $*"
  elif [ "$status" -ne 0 ]; then
    exit "$status"
  else
    echo "Screenshots: test-artifacts/screenshots/"
  fi
else
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: Chromium is not installed ($CHROMIUM_PATH), and CI=true allows no skipped pass." >&2
    exit 1
  fi
  printf '\n%s\n%s\n%s\n\n' \
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" \
    "!! SKIPPED: the browser tests. Install Chromium (apt-get install chromium)." \
    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
fi

step "all passes done"
