#!/usr/bin/env bash
# Prints the folder holding initdb and pg_ctl, or nothing (exit 1) when PostgreSQL
# is not installed. Looks on PATH, then in Debian's versioned folders (newest first).
set -u
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  dirname "$(readlink -f "$(command -v initdb)")"
  exit 0
fi
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
    exit 0
  fi
done
exit 1
