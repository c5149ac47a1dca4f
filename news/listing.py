"""Filtered, paginated article lists of the public site.

The articles come from ``ArticlePage.objects.for_cards()`` (news/models/
articles.py), whose number of queries does not grow with the length of a list:
covers come with their renditions, activities with their kinds, and blocs from
one lookup (``attach_blocs``).
"""

from django.conf import settings
from django.core.paginator import Paginator

from news.filters import ArticleFilterSet
from news.models.blocs import attach_blocs


def filtered_page(request, queryset, per_page=None):
    """Context of a filtered, paginated list: ``articles`` and ``filters``.

    Unreadable filter values give an empty list; ``?page=abc`` the first page
    and ``?page=999999`` the last, as Paginator.get_page does.
    """
    filters = ArticleFilterSet(request.GET, queryset=queryset)
    found = filters.qs if filters.is_valid() else queryset.none()
    paginator = Paginator(found, per_page or settings.NEWS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = attach_blocs(page.object_list)
    return {
        "articles": page,
        "filters": filters,
        "filtered": any(request.GET.get(name) for name in filters.filters),
    }
