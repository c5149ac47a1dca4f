"""The tree's root page and the root collection get Vietnamese names.

Wagtail's migrations name both "Root", and editors saw it in the page chooser,
the explorer's breadcrumb ("Đang duyệt: Root") and the images' collection list.
Only a name Wagtail gave is changed; one an administrator chose is kept.
"""

from django.db import migrations

ROOT_PAGE_TITLE = "Gốc"
ROOT_COLLECTION_NAME = "Chung"


def rename(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title="Root").update(
        title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
    )
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION_NAME)


def rename_back(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title=ROOT_PAGE_TITLE).update(
        title="Root", draft_title="Root"
    )
    Collection.objects.filter(depth=1, name=ROOT_COLLECTION_NAME).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0012_page_depth_index"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
