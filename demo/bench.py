"""The benchmark's articles (``manage.py bench_articles``), written in bulk.

``add_child`` costs about 30 queries a page: hours for 100,000 articles. These
helpers write valid tree rows in bulk instead: they compute the materialised
paths themselves (treebeard ``MP_Node``: ``Page.steplen`` characters of
``Page.alphabet`` a level), create the ``wagtailcore_page`` rows with
``bulk_create`` and then the ``news_articlepage`` rows (``bulk_create``
refuses a child model of multi-table inheritance, so that table is written
with one ``INSERT`` a row through ``executemany``, each value prepared by its
field as ``Model.save`` prepares it), add activities, units and tags in bulk
and raise the parents' ``numchild``.

The text is Vietnamese (demo/bench_vocabulary.py), so search has something
realistic to chew. No revisions, no reference index entries and no signals:
these pages are for reading, not for editing.
"""

import datetime
import uuid

from django.core.management.base import CommandError
from django.db import connection
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from demo.bench_vocabulary import (
    CAPTIONS,
    FAMILY,
    FIRST_YEAR,
    GIVEN,
    KIND_WEIGHTS,
    LAST_YEAR,
    LEADS,
    MIDDLE,
    OTHER_BLOCS,
    POSTS,
    RARE_SPORT,
    SENTENCES,
    SPORTS,
    TITLES,
    UNITS,
    VENUES,
)
from news.blocks import ArticleBodyBlock
from news.models import ArticleActivity, ArticleOrganization, ArticlePage
from news.models.articles import ArticlePageTag
from news.text import slugify_vi


def path_step(number):
    """One level of a page's path: ``number`` in Page's alphabet, padded."""
    step = Page.numconv_obj().int2str(number).rjust(Page.steplen, Page.alphabet[0])
    if len(step) > Page.steplen:
        raise CommandError(
            f"A parent page cannot hold more than "
            f"{len(Page.alphabet) ** Page.steplen - 1} children."
        )
    return step


class Writer:
    """Builds the articles' text and rows from one seeded random generator."""

    def __init__(self, rng, parents, kinds, units, provinces, images, tags):
        self.rng = rng
        self.parents = parents  # [(page, bloc title, short name, weight)]
        self.weights = [weight for *_, weight in parents]
        self.kinds = kinds
        self.kind_codes = [code for code in KIND_WEIGHTS if code in kinds]
        self.kind_weights = [KIND_WEIGHTS[code] for code in self.kind_codes]
        self.units = units
        self.provinces = provinces
        self.images = images
        self.galleries = self.gallery_blocks(24) if images else []
        self.tags = tags
        self.first_day = datetime.date(FIRST_YEAR, 1, 15).toordinal()
        self.last_day = min(
            datetime.date(LAST_YEAR, 12, 31), timezone.localdate()
        ).toordinal()

    def person(self):
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def fill(self, template, values):
        r = self.rng
        return template.format(
            person=self.person(),
            post=r.choice(POSTS),
            unit2=r.choice(UNITS),
            sport=values["sport"],
            sport2=r.choice(SPORTS),
            n=r.randint(3, 40),
            **{k: v for k, v in values.items() if k != "sport"},
        )

    def paragraph(self, values, count):
        return " ".join(
            self.fill(self.rng.choice(SENTENCES), values) for _ in range(count)
        )

    def gallery_blocks(self, count):
        """Stored (JSON) gallery blocks, made by the block itself, to reuse."""
        r = self.rng
        stream = ArticleBodyBlock()
        raw = []
        for _ in range(count):
            photos = r.sample(self.images, min(len(self.images), r.randint(4, 8)))
            value = {
                "heading": "Một số hình ảnh",
                "photos": [
                    {
                        "image": image.pk,
                        "caption": r.choice(CAPTIONS).format(
                            sport=r.choice(SPORTS), person=self.person()
                        ),
                        "alt_text": "",
                        "credit": "",
                    }
                    for image in photos
                ],
            }
            body = stream.to_python([{"type": "gallery", "value": value}])
            body[0]  # noqa: B018 (binds the block, so its stored form is complete)
            raw.append(stream.get_prep_value(body)[0])
        return raw

    def article(self, serial):
        """An unsaved ArticlePage, its parent, activities, unit links and tags."""
        r = self.rng
        parent, bloc, bloc_short, _weight = r.choices(self.parents, self.weights)[0]
        if bloc is None:
            bloc, bloc_short = r.choice(OTHER_BLOCS)
        day = datetime.date.fromordinal(r.randint(self.first_day, self.last_day))
        code = r.choices(self.kind_codes, self.kind_weights)[0]
        year = day.year - 1 if code == "tong_ket" and day.month <= 2 else day.year
        kind = self.kinds[code]
        unit_links = []
        if self.units and r.random() < 0.7:
            unit_links = r.sample(self.units, min(len(self.units), r.randint(1, 3)))
        if unit_links and unit_links[0].province_id:
            province = self.provinces[unit_links[0].province_id]
        else:
            province = r.choice(list(self.provinces.values()))
        sport = r.choice(SPORTS)
        if code == "giao_luu_the_thao_van_nghe" and r.random() < 0.02:
            sport = RARE_SPORT
        values = {
            "y": year,
            "y1": year + 1,
            "bloc": bloc,
            "bloc_short": bloc_short,
            "unit": r.choice(UNITS),
            "province": province.full_name or province.name,
            "kind_lower": kind.name.lower(),
            "day": day.strftime("%d/%m/%Y"),
            "sport": sport,
        }
        title = self.fill(r.choice(TITLES[code]), values)
        values["venue"] = venue = self.fill(r.choice(VENUES), values)
        lead = self.fill(r.choice(LEADS), values)
        body = [
            {
                "type": "paragraph",
                "value": f"<p>{self.paragraph(values, r.randint(2, 4))}</p>",
                "id": str(uuid.uuid4()),
            }
            for _ in range(r.randint(2, 6))
        ]
        if self.images and r.random() < 0.3:
            body.insert(
                1,
                {
                    "type": "image",
                    "value": {
                        "image": r.choice(self.images).pk,
                        "caption": self.fill(r.choice(CAPTIONS), values),
                        "alt_text": "",
                        "credit": "",
                    },
                    "id": str(uuid.uuid4()),
                },
            )
        if self.galleries and r.random() < 0.1:
            body.append(r.choice(self.galleries))
        # Mostly a publication date; some old articles have only an event date,
        # and a few neither (lists then use the first publication).
        roll = r.random()
        date = day if roll < 0.85 else None
        event_start = day if 0.6 < roll < 0.95 else None
        published = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(7 + r.randint(0, 10)))
        ) + datetime.timedelta(minutes=r.randint(0, 59), seconds=serial % 60)
        page = ArticlePage(
            title=title,
            draft_title=title,
            slug=f"{slugify_vi(title, max_length=60)}-{serial}",
            live=True,
            first_published_at=published,
            last_published_at=published,
            date=date,
            event_start=event_start,
            lead=lead,
            body=body,
            cover=r.choice(self.images) if self.images and r.random() < 0.6 else None,
            venue=venue if r.random() < 0.8 else "",
            byline_person=self.person() if r.random() < 0.7 else "",
            source_portal="Dữ liệu thử tải (make bench)",
        )
        page.sort_date = page.ordering_date
        kinds = [kind]
        if r.random() < 0.35:
            extra = self.kinds[r.choice(self.kind_codes)]
            if extra != kind:
                kinds.append(extra)
        activities = [
            ArticleActivity(event_kind=k, year=year, sort_order=i)
            for i, k in enumerate(kinds)
        ]
        links = [
            ArticleOrganization(
                organization=unit,
                role=ArticleOrganization.Role.HOST
                if i == 0
                else ArticleOrganization.Role.PARTICIPANT,
                sort_order=i,
            )
            for i, unit in enumerate(unit_links)
        ]
        tags = r.sample(self.tags, r.randint(0, 3))
        return parent, page, activities, links, tags


def last_step(parent):
    """The number of ``parent``'s last child's step, 0 when it has none."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page.numconv_obj().str2int(last[-Page.steplen :]) if last else 0


def insert_own_rows(model, objs):
    """INSERT ``objs`` into ``model``'s own table only: the columns its class
    adds to its parent's, each value prepared by its field for this database."""
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [
            field.get_db_prep_save(field.pre_save(obj, True), connection)
            for field in fields
        ]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
            f"VALUES ({placeholders})",
            rows,
        )


def write_articles(writer, next_step, serial, size):
    """Write ``size`` articles from ``writer`` under their parents, the next
    free path step of each parent in ``next_step``; their pks."""
    pages, activities, links, tag_links = [], [], [], []
    added = {}
    for i in range(size):
        parent, page, page_activities, page_links, page_tags = writer.article(
            serial + i
        )
        step = next_step[parent.pk]
        next_step[parent.pk] += 1
        added[parent.pk] = added.get(parent.pk, 0) + 1
        page.path = parent.path + path_step(step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.locale_id = parent.locale_id
        page.url_path = f"{parent.url_path}{page.slug}/"
        pages.append(page)
        activities.append(page_activities)
        links.append(page_links)
        tag_links.append(page_tags)

    # The base table first, as Model.save does for a child of Page: Page's
    # bulk_create writes each article's Page columns and gives it its id.
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    insert_own_rows(ArticlePage, pages)

    for page, page_activities, page_links in zip(pages, activities, links, strict=True):
        for item in (*page_activities, *page_links):
            item.page_id = page.pk
    ArticleActivity.objects.bulk_create(
        [a for items in activities for a in items], batch_size=1000
    )
    ArticleOrganization.objects.bulk_create(
        [link for items in links for link in items], batch_size=1000
    )
    ArticlePageTag.objects.bulk_create(
        [
            ArticlePageTag(content_object_id=page.pk, tag=tag)
            for page, page_tags in zip(pages, tag_links, strict=True)
            for tag in page_tags
        ],
        batch_size=1000,
    )
    for parent_pk, number in added.items():
        Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + number)
    return [page.pk for page in pages]
