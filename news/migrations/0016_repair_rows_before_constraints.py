"""Rows that the constraints of 0017 would refuse, repaired or reported first.

The forms always held these rules, but the importer writes without forms:

- an activity listed twice on one article is the same fact twice: the copies go;
- an event that "ends" before it starts (a date range misread from an old
  article) loses its end date, and the article is flagged for review with the
  date it had in its review notes.

Anything else would need an editor's judgement (which of two leaders, which
recipient), so the migration stops and names the rows to correct in the admin.
"""

from django.db import migrations
from django.db.models import Count, F, Min, Q
from django.db.models.functions import Lower


def _duplicates(model, fields):
    return (
        model.objects.values(*fields)
        .annotate(rows=Count("pk"), keep=Min("pk"))
        .filter(rows__gt=1)
        .order_by()
    )


def repair(apps, schema_editor):
    ArticleActivity = apps.get_model("news", "ArticleActivity")
    ArticlePage = apps.get_model("news", "ArticlePage")
    for row in _duplicates(ArticleActivity, ["page", "event_kind", "year"]):
        ArticleActivity.objects.filter(
            page=row["page"], event_kind=row["event_kind"], year=row["year"]
        ).exclude(pk=row["keep"]).delete()

    for page in ArticlePage.objects.filter(event_end__lt=F("event_start")):
        note = (
            f"Ngày kết thúc sự kiện ({page.event_end:%d/%m/%Y}) trước ngày bắt "
            "đầu: đã bỏ, cần kiểm tra lại."
        )
        page.review_notes = "\n".join(filter(None, [page.review_notes, note]))
        ArticlePage.objects.filter(pk=page.pk).update(
            event_end=None, needs_review=True, review_notes=page.review_notes
        )


def check(apps, schema_editor):
    Award = apps.get_model("news", "Award")
    BlocMembership = apps.get_model("news", "BlocMembership")
    BlocRanking = apps.get_model("news", "BlocRanking")
    Province = apps.get_model("news", "Province")
    problems = [
        (
            "bloc years with more than one leader",
            BlocMembership.objects.filter(role="truong")
            .values("bloc_year")
            .annotate(rows=Count("pk"))
            .filter(rows__gt=1)
            .values_list("bloc_year", flat=True),
        ),
        (
            "bloc years listing a unit twice",
            _duplicates(BlocMembership, ["bloc_year", "organization"]).values_list(
                "bloc_year", flat=True
            ),
        ),
        (
            "rankings below 1",
            BlocRanking.objects.filter(rank__lt=1).values_list("pk", flat=True),
        ),
        (
            "awards without exactly one recipient",
            Award.objects.filter(
                Q(recipient_organization__isnull=False) & ~Q(recipient_name="")
                | Q(recipient_organization__isnull=True, recipient_name="")
            ).values_list("pk", flat=True),
        ),
        (
            "provinces merged into themselves or ending before they start",
            Province.objects.filter(
                Q(merged_into=F("pk")) | Q(valid_until__lt=F("valid_from"))
            ).values_list("pk", flat=True),
        ),
    ]
    found = [f"{what}: {sorted(set(ids))}" for what, ids in problems if ids]
    if found:
        raise RuntimeError(
            "Correct these rows in the admin, then migrate again (ids): "
            + "; ".join(found)
        )


def check_units(apps, schema_editor):
    Organization = apps.get_model("news", "Organization")
    clashes = (
        Organization.objects.annotate(key=Lower("name"))
        .values("key", "province")
        .annotate(rows=Count("pk"))
        .filter(rows__gt=1)
        .order_by()
    )
    if clashes:
        names = "; ".join(sorted(str(row["key"]) for row in clashes))
        raise RuntimeError(
            "Units share a name in one province: merge or rename them in the "
            f"admin, then migrate again: {names}"
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0015_image_alt_text_help")]

    operations = [
        migrations.RunPython(repair, migrations.RunPython.noop),
        migrations.RunPython(check, migrations.RunPython.noop),
        migrations.RunPython(check_units, migrations.RunPython.noop),
    ]
