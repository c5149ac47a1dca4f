"""Background work, through Wagtail's task layer (django-tasks).

With the default immediate backend a task runs at once, inside the request;
with a database task backend and a worker it runs in the background.
"""

from django_tasks import task
from wagtail.search.backends import get_search_backends

from news.models import ArticlePage

CHUNK = 200


@task()
def reindex_articles(page_ids):
    """Refresh the search index entries of these articles: their bloc, one of
    their units or event kinds changed name, and the index holds those names
    (see ArticlePage.search_context). In chunks, with their relations
    prefetched: one index write per chunk."""
    articles = ArticlePage.get_indexed_objects().filter(pk__in=page_ids)
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(page_ids), CHUNK):
            backend.add_bulk(ArticlePage, list(articles[start : start + CHUNK]))
