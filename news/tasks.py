"""Background work, through Wagtail's task layer (django-tasks).

With the default immediate backend a task runs at once, inside the request;
with a database task backend and a worker it runs in the background.
"""

from django_tasks import task
from wagtail.search.index import insert_or_update_object


@task()
def reindex_articles(page_ids):
    """Refresh the search index entries of these articles: their bloc or one
    of their units changed name, and the index holds those names (see
    ArticlePage.search_context)."""
    from news.models import ArticlePage

    for page in ArticlePage.objects.filter(pk__in=page_ids).iterator(chunk_size=200):
        insert_or_update_object(page)
