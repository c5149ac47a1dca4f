"""Undated imported articles are ordered by the year they speak of, not by the
day they were imported (news/dates.py): recompute their list date.

The rule is copied here as it stands today, so that this migration keeps
doing what it did when news/dates.py changes later."""

import datetime

from django.db import migrations, models

UNKNOWN_ORDERING_DATE = datetime.date(1945, 1, 1)


def order_undated_imports(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    ArticleActivity = apps.get_model("news", "ArticleActivity")
    undated = ArticlePage.objects.filter(
        date__isnull=True, event_start__isnull=True
    ).exclude(import_key="")
    for page_id in undated.values_list("pk", flat=True):
        years = ArticleActivity.objects.filter(page_id=page_id).values_list(
            "year", flat=True
        )
        ordering = (
            datetime.date(min(years), 12, 31) if years else UNKNOWN_ORDERING_DATE
        )
        ArticlePage.objects.filter(pk=page_id).update(sort_date=ordering)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0017_domain_constraints"),
    ]

    operations = [
        migrations.AlterField(
            model_name="articlepage",
            name="sort_date",
            field=models.DateField(
                db_index=True,
                editable=False,
                help_text=(
                    "Publication date, else event date, else first publication; "
                    "an undated imported article: 31 December of its earliest "
                    "emulation year."
                ),
                null=True,
                verbose_name="date in lists",
            ),
        ),
        migrations.RunPython(order_undated_imports, migrations.RunPython.noop),
    ]
