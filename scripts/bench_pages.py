"""Measure the public pages for ``make bench`` (run by scripts/bench.sh).

For each page: the number of SQL queries (in this process, through Django's
test client, with no cache and then with a warm memory cache), and the latency
over HTTP against the gunicorn server at --url (median and p95 of --requests
sequential requests after a warm-up). Then EXPLAIN ANALYZE of the slowest
query of each slow page. Prints a table and writes it, with the plans, to
--out (Markdown).

Run with the settings of the server (portal.settings.bench) and its database.
"""

import argparse
import datetime
import http.client
import json
import math
import os
import platform
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.bench")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from news.models import (  # noqa: E402
    ArticleOrganization,
    ArticlePage,
    BlocPage,
    NewsIndexPage,
)

SLOW_MS = 100  # pages slower than this get the plan of their slowest query
SLOW_PAGE_MS = 3000  # pages slower than this are requested 5 times only
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def pages_to_measure():
    """(label, path) of the pages the benchmark measures (docs/benchmark.md)."""
    news = NewsIndexPage.objects.live().filter(event_kind__isnull=True).first()
    notices = NewsIndexPage.objects.live().filter(event_kind__isnull=False).first()
    bloc = BlocPage.objects.live().order_by("-numchild", "path").first()
    total = ArticlePage.objects.live().count()
    last_page = max(1, math.ceil(total / 20))
    deep = min(2000, last_page)
    province = (
        ArticleOrganization.objects.filter(organization__province__isnull=False)
        .values("organization__province__slug")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    gallery = None
    candidates = ArticlePage.objects.live().descendant_of(bloc).order_by("-pk")
    for page in candidates.only("body", "url_path", "path", "depth")[:500]:
        if any(block["type"] == "gallery" for block in page.body.raw_data):
            gallery = page
            break
    news_url = news.url
    pages = [
        ("home", "/"),
        ("news list", news_url),
        (f"news list, page {deep}", f"{news_url}?page={deep}"),
        ("list ?kind=tong_ket&year=2018", f"{news_url}?kind=tong_ket&year=2018"),
        ("list ?bloc=…", f"{news_url}?bloc={bloc.slug}"),
    ]
    if province:
        slug = province["organization__province__slug"]
        pages.append(("list ?province=…", f"{news_url}?province={slug}"))
    if notices:
        pages.append(("announcements (kind list)", notices.url))
    pages.append(("bloc page", bloc.url))
    if gallery:
        pages.append(("article with gallery", gallery.url))
    pages += [
        ("search “thi dua” (common)", "/tim-kiem/?q=thi+dua"),
        ("search “thi dua”, newest first", "/tim-kiem/?q=thi+dua&sap-xep=moi-nhat"),
        ("search “pickleball” (rare)", "/tim-kiem/?q=pickleball"),
        ("RSS feed", "/rss/"),
        ("sitemap.xml", "/sitemap.xml"),
    ]
    return pages, total


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, list(queries.captured_queries)


def http_get(host, port, path):
    conn = http.client.HTTPConnection(host, port, timeout=300)
    try:
        started = time.perf_counter()
        conn.request("GET", path, headers={"Host": host})
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        return response.status, len(body), elapsed
    finally:
        conn.close()


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="the gunicorn server")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--out", default="test-artifacts/bench.md")
    parser.add_argument("--timings", help="JSON written by bench_articles")
    args = parser.parse_args()
    url = urllib.parse.urlsplit(args.url)
    host, port = url.hostname, url.port
    if host not in {"127.0.0.1", "localhost"}:
        sys.exit("bench_pages: only a server on this machine (127.0.0.1) is measured.")

    pages, total = pages_to_measure()
    client = Client(HTTP_HOST=host)
    rows, plans = [], []
    for label, path in pages:
        # Queries with no cache (the settings' DummyCache), then warm.
        response, cold = count_queries(client, path)
        if response.status_code != 200:
            print(f"  {label}: {path} answered {response.status_code}", file=sys.stderr)
        with override_settings(CACHES=LOCMEM):
            client.get(path)
            _response, warm = count_queries(client, path)
        # Latency over HTTP, from the real server.
        warm_ms = 0.0
        for _ in range(args.warmup):
            warm_ms = http_get(host, port, path)[2]
        # A page that takes seconds is measured fewer times: it is slow anyway.
        count = args.requests if warm_ms < SLOW_PAGE_MS else min(args.requests, 5)
        times, size, status = [], 0, None
        for _ in range(count):
            status, size, elapsed = http_get(host, port, path)
            times.append(elapsed)
        row = {
            "label": label,
            "path": path,
            "status": status,
            "kb": size / 1024,
            "queries": len(cold),
            "queries_warm": len(warm),
            "db_ms": sum(float(q["time"]) for q in cold) * 1000,
            "n": count,
            "median": statistics.median(times),
            "p95": percentile(times, 0.95),
        }
        rows.append(row)
        print(
            f"  {label:34} {row['queries']:4} q  median {row['median']:8.1f} ms"
            f"  p95 {row['p95']:8.1f} ms",
            flush=True,
        )
        if row["median"] >= SLOW_MS:
            slowest = sorted(cold, key=lambda q: float(q["time"]), reverse=True)[:2]
            for query in slowest:
                plans.append((label, float(query["time"]) * 1000, query["sql"]))

    explained = []
    for label, ms, sql in plans:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        try:
            plan = explain(sql)
        except Exception as exc:  # noqa: BLE001 (a plan is a bonus, not a result)
            plan = f"(EXPLAIN failed: {exc})"
        explained.append((label, ms, sql, plan))

    timings = {}
    if args.timings and Path(args.timings).exists():
        timings = json.loads(Path(args.timings).read_text(encoding="utf-8"))
    write_report(args, rows, explained, total, timings)


def write_report(args, rows, explained, total, timings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    lines = [
        "# Benchmark (`make bench`)",
        "",
        f"- {datetime.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PostgreSQL {pg_version}",
        f"- {total:,} live articles"
        + (
            f" ({timings['articles']:,} generated in {timings['generate_s']:.0f} s"
            + (
                f", indexed for search in {timings['index_s']:.0f} s"
                if timings.get("index_s") is not None
                else ""
            )
            + ")"
            if timings
            else ""
        ),
        "- Server: gunicorn, 1 sync worker, `portal.settings.bench` (production "
        "settings, no cache), on 127.0.0.1; requests one at a time.",
        f"- Latency: {args.requests} requests per page (5 for a page over "
        f"{SLOW_PAGE_MS / 1000:.0f} s) after {args.warmup} warm-up requests, full "
        "response read, in milliseconds.",
        "- Queries: counted in-process through Django's test client, with no "
        "cache (every rendition and site lookup hits the database) and with a "
        "warm memory cache; *DB ms*: their total database time (no cache).",
        "",
        "| page | URL | status | KB | queries | queries (warm cache) | DB ms "
        "| requests | median ms | p95 ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        shown = row["path"] if len(row["path"]) <= 60 else row["path"][:57] + "…"
        lines.append(
            f"| {row['label']} | `{shown}` | {row['status']} | {row['kb']:.0f} "
            f"| {row['queries']} | {row['queries_warm']} | {row['db_ms']:.0f} "
            f"| {row['n']} | {row['median']:.0f} | {row['p95']:.0f} |"
        )
    if explained:
        lines += ["", f"## Slowest queries of the pages over {SLOW_MS} ms", ""]
        for label, ms, sql, plan in explained:
            lines += [
                f"### {label}: {ms:.0f} ms",
                "",
                "```sql",
                sql,
                "```",
                "",
                "```",
                plan,
                "```",
                "",
            ]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[: 12 + len(rows)]))
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
