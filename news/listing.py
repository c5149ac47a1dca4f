"""Article lists of the public site: one query shape, filters, pagination.

The number of queries of a list does not grow with its length: covers come with
their renditions, activities with their kinds, and blocs from one lookup.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch

from news.filters import ArticleFilterSet
from news.models import ArticleActivity, ArticlePage, BlocPage, PortalImage

# Newest first: the date in lists (ArticlePage.sort_date), then first
# publication; "id" rather than "pk", which search results cannot be sorted by.
NEWEST_FIRST = ("-sort_date", "-first_published_at", "-id")

# The renditions of a card's cover, as the card template asks for them
# (news/includes/article_card.html): the spec strings must match exactly.
CARD_RENDITIONS = [
    f"fill-{size}|format-{fmt}"
    for size in ("400x267", "800x533")
    for fmt in ("webp", "jpeg")
]


def articles(renditions=CARD_RENDITIONS):
    """Live, public articles, newest first, with what a card shows."""
    covers = PortalImage.objects.prefetch_renditions(*renditions)
    activities = ArticleActivity.objects.select_related("event_kind").order_by(
        "sort_order"
    )
    return (
        ArticlePage.objects.live()
        .public()
        .defer_streamfields()
        .prefetch_related(
            Prefetch("cover", queryset=covers),
            Prefetch("activities", queryset=activities),
        )
        .order_by(*NEWEST_FIRST)
    )


def attach_blocs(pages):
    """Set ``page.bloc`` on each article: the bloc it lives under, if any."""
    pages = list(pages)
    if not pages:
        return pages
    blocs = {
        bloc.path: bloc
        for bloc in BlocPage.objects.live().only(
            "title", "slug", "path", "depth", "url_path", "short_name"
        )
    }
    for page in pages:
        page.bloc = blocs.get(page.path[: -BlocPage.steplen])
    return pages


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
