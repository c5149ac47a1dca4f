#!/usr/bin/env bash
# with-temp-postgres.sh CMD...: runs CMD against a throwaway PostgreSQL cluster.
#
# The cluster lives in a fresh temporary folder, listens only on a unix socket
# inside it (no TCP port, so no other server is touched), and is stopped and
# deleted on every exit path: success, failure, Ctrl-C. DATABASE_URL points at it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
PGBIN=$(bash "$here/find-postgres.sh") || {
  echo "with-temp-postgres: PostgreSQL (initdb, pg_ctl) is not installed." >&2
  exit 3
}

# Short path: a unix socket path must stay under about 100 characters.
tmp=$(mktemp -d /tmp/portal-pg.XXXXXX)
run_as=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: run the server as the unprivileged postgres user.
  chown postgres: "$tmp"
  run_as=(runuser -u postgres --)
fi

cleanup() {
  "${run_as[@]}" "$PGBIN/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${run_as[@]}" "$PGBIN/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; exit 1; }
# Durability off: a test cluster is thrown away anyway, and this is much faster.
"${run_as[@]}" "$PGBIN/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
  -o "-k $tmp -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$tmp/server.log" >&2; exit 1; }
"${run_as[@]}" "$PGBIN/createdb" -h "$tmp" -U postgres portal

# dj-database-url reads a socket folder as the host only when it is percent-encoded.
socket_host=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$tmp")
export DATABASE_URL="postgres://postgres@${socket_host}/portal"
export PGHOST="$tmp" PGUSER=postgres
"$@"
