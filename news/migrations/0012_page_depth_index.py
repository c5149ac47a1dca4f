"""An index for "the children of a page": the header's menu on every page.

Treebeard asks for ``depth = d AND path BETWEEN …``; under the home page the
path range is the whole tree, and Wagtail indexes ``path`` alone, so at
100,000 articles the menu scanned every page (22 ms on each request, measured
with ``make bench``). ``(depth, path)`` answers it from a few index entries.
"""

from django.db import migrations

INDEX = "news_page_depth_path"


def create_index(apps, schema_editor):
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)"
    )


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0011_search_index_title_body"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
