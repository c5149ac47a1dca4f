"""Generate many articles fast, for the benchmark (``make bench``).

The articles are written in bulk as valid tree rows (demo/bench.py says how),
then indexed for search in chunks. Needs the demo (``manage.py load_demo``):
the articles go under its news index and blocs and reuse its photos and units.
Never run it on a real site.
"""

import json
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from demo.bench import Writer, last_step, write_articles
from demo.bench_vocabulary import TAGS
from news.models import (
    ArticlePage,
    BlocPage,
    EventKind,
    NewsIndexPage,
    Organization,
    PortalImage,
    Province,
)
from news.text import slugify_vi


class Command(BaseCommand):
    help = "Generate COUNT articles in bulk for the benchmark (never on a real site)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles to add.")
        parser.add_argument("--seed", type=int, default=2025)
        parser.add_argument("--chunk", type=int, default=1000)
        parser.add_argument(
            "--no-index", action="store_true", help="Do not index them for search."
        )
        parser.add_argument(
            "--timings", help="Write the seconds taken to this file (JSON)."
        )

    def handle(self, count, seed, chunk, no_index, timings, **options):
        if count < 1:
            raise CommandError("COUNT must be at least 1.")
        news = NewsIndexPage.objects.filter(event_kind__isnull=True).first()
        blocs = list(BlocPage.objects.live().order_by("path"))
        if news is None or not blocs:
            raise CommandError("No news index or bloc: run manage.py load_demo first.")
        # Four articles in ten are general news, the others shared by the blocs.
        parents = [(news, None, None, 4.0)] + [
            (bloc, bloc.title, bloc.short_name or bloc.title, 6.0 / len(blocs))
            for bloc in blocs
        ]
        tags = [
            Tag.objects.get_or_create(name=name, defaults={"slug": slugify_vi(name)})[0]
            for name in TAGS
        ]
        writer = Writer(
            random.Random(seed),
            parents,
            {kind.code: kind for kind in EventKind.objects.all()},
            list(Organization.objects.order_by("pk")),
            {p.pk: p for p in Province.objects.order_by("pk")},
            list(PortalImage.objects.order_by("pk")),
            tags,
        )
        next_step = {page.pk: last_step(page) + 1 for page, *_ in parents}
        serial = Page.objects.count()

        started = time.monotonic()
        first_pk = None
        done = 0
        while done < count:
            size = min(chunk, count - done)
            with transaction.atomic():
                pks = write_articles(writer, next_step, serial + done, size)
            first_pk = first_pk or pks[0]
            done += size
            if done % (chunk * 10) == 0 or done == count:
                elapsed = time.monotonic() - started
                self.stdout.write(f"  {done} articles, {elapsed:.0f} s")
        generated = time.monotonic() - started
        self.stdout.write(f"generated {count} articles in {generated:.1f} s")

        indexed = None
        if not no_index:
            started = time.monotonic()
            self.index(first_pk, chunk)
            indexed = time.monotonic() - started
            self.stdout.write(f"indexed {count} articles in {indexed:.1f} s")
        if timings:
            with open(timings, "w", encoding="utf-8") as out:
                json.dump(
                    {"articles": count, "generate_s": generated, "index_s": indexed},
                    out,
                )

    def index(self, first_pk, chunk):
        """Index the new articles in chunks, as update_index would."""
        backend = get_search_backend()
        objects = ArticlePage.get_indexed_objects().filter(pk__gte=first_pk)
        last = first_pk - 1
        indexed = 0
        started = time.monotonic()
        while True:
            items = list(objects.filter(pk__gt=last)[:chunk])
            if not items:
                break
            backend.add_bulk(ArticlePage, items)
            last = items[-1].pk
            indexed += len(items)
            if indexed % (chunk * 10) == 0:
                elapsed = time.monotonic() - started
                self.stdout.write(f"  indexed {indexed}, {elapsed:.0f} s")
