#!/usr/bin/env bash
# bench.sh (make bench): the public pages at scale, on a throwaway PostgreSQL.
#
# Migrates a fresh cluster, loads the demo, generates BENCH_ARTICLES articles
# (default 100000) in bulk and indexes them for search, serves the production
# settings without a cache under gunicorn on 127.0.0.1, measures each page
# (queries, median and p95 latency of BENCH_REQUESTS requests, default 20) and
# writes the table to test-artifacts/bench.md. The cluster, the server and the
# temporary media folder are gone afterwards, whatever happens.
set -euo pipefail

cd "$(dirname "$0")/.."
PY=.venv/bin/python
ARTICLES=${BENCH_ARTICLES:-100000}
REQUESTS=${BENCH_REQUESTS:-20}

if [ -z "${BENCH_CLUSTER:-}" ]; then
  if ! bash scripts/find-postgres.sh >/dev/null 2>&1; then
    echo "bench: PostgreSQL (initdb, pg_ctl) is not installed; the benchmark needs it" \
      "(Debian: apt-get install postgresql)." >&2
    exit 3
  fi
  # Run this script again inside a throwaway cluster (sets DATABASE_URL).
  BENCH_CLUSTER=1 exec bash scripts/with-temp-postgres.sh bash "$0" "$@"
fi

work=$(mktemp -d /tmp/portal-bench.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export DJANGO_SETTINGS_MODULE=portal.settings.bench
export SECRET_KEY="bench-$($PY -c 'import secrets; print(secrets.token_urlsafe(40))')"
export ALLOWED_HOSTS=127.0.0.1,localhost,testserver
export SECURE_HTTPS=false
export MEDIA_ROOT="$work/media" STATIC_ROOT="$work/static"
export DJANGO_LOG_LEVEL=WARNING

seconds() { date +%s.%N; }
elapsed() { $PY -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.0f} s')" "$1" "$(seconds)"; }

echo "bench: $ARTICLES articles, $REQUESTS requests a page"
start=$(seconds)
$PY manage.py migrate --no-input -v0
$PY manage.py collectstatic --no-input -v0
$PY manage.py load_demo >/dev/null
$PY manage.py update_index -v0
echo "bench: database and demo ready in $(elapsed "$start")"

$PY manage.py bench_articles "$ARTICLES" --timings "$work/timings.json"
start=$(seconds)
# After a bulk load, what autovacuum would do in time: fresh statistics.
$PY manage.py shell -c "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')"
echo "bench: VACUUM ANALYZE in $(elapsed "$start")"

port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.venv/bin/gunicorn portal.wsgi --bind "127.0.0.1:$port" --workers 1 --timeout 300 \
  --error-logfile "$work/gunicorn.log" &
server=$!
for _ in $(seq 60); do
  if $PY -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
    "http://127.0.0.1:$port/healthz" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$work/gunicorn.log" >&2
    echo "bench: gunicorn did not start." >&2
    exit 1
  fi
  sleep 0.5
done

$PY scripts/bench_pages.py --url "http://127.0.0.1:$port" --requests "$REQUESTS" \
  --timings "$work/timings.json" --out test-artifacts/bench.md
