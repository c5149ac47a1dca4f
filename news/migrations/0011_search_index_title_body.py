"""A GIN index on the text PostgreSQL search actually reads.

Wagtail's database search backend filters on ``title || body`` of its index
table, but its migrations index the two columns separately, so every search
scanned the whole table (wagtail#6546; measured with ``make bench``). On
PostgreSQL only; SQLite searches its FTS5 table.
"""

from django.db import migrations

INDEX = "news_search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0010_portal_logo"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
