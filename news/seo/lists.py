"""Lists and routed views: their canonical query string, title and feeds.

A list's canonical URL keeps what changes its content and nothing else: its
valid filter values, in the filter set's order, and the page number past the
first page. Empty and unreadable values (``?year=abc``), unknown parameters
(``utm_source``, ``fbclid``) and ``page=1`` are dropped, so the variants of one
list name one address, and page 2 of a list is not sent to page 1. A routed
view of a routable page (a unit's page under the bloc index) has its own path.
"""

from urllib.parse import urlencode

from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

from news.filters import ArticleFilterSet
from news.models import NewsIndexPage


def cleaned_filters(context):
    """The valid values of a list's filters, in the filter set's order."""
    filters = context.get("filters")
    if not isinstance(filters, ArticleFilterSet) or not filters.form.is_bound:
        return []
    form = filters.form
    form.is_valid()  # already run by the list; cached by the form
    values = []
    for name, form_field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, ""):
            continue
        values.append((name, form_field, value))
    return values


def list_page_number(context):
    """The number of the page of a paginated list, 1 elsewhere."""
    articles = context.get("articles")
    return getattr(articles, "number", 1) or 1


def list_query(context):
    """The query string of a list's canonical URL (see the module docstring)."""
    params = []
    for name, form_field, value in cleaned_filters(context):
        to_field = getattr(form_field, "to_field_name", None)
        params.append((name, getattr(value, to_field) if to_field else value))
    number = list_page_number(context)
    if number > 1:
        params.append(("page", number))
    return urlencode(params)


def list_qualifiers(context):
    """What tells a filtered or later page of a list from the first one, for
    its title: "Tin tức – Tổng kết năm – Trang 2"."""
    parts = []
    for name, _field, value in cleaned_filters(context):
        if name == "year":
            parts.append(_("Emulation year %(year)s") % {"year": value})
        else:
            parts.append(getattr(value, "name", None) or str(value))
    number = list_page_number(context)
    if number > 1:
        parts.append(_("Page %(number)s") % {"number": number})
    return parts


def routed_path(page, request):
    """The sub-page path of a routable page's view (``don-vi/<slug>/``), or ""."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or getattr(match.func, "__self__", None) != page:
        return ""
    try:
        return page.reverse_subpage(
            match.url_name, args=match.args, kwargs=match.kwargs
        )
    except NoReverseMatch:
        return ""


def feed_kind(context):
    """The event kind whose feeds a news index links: its own (announcements),
    or the valid ``?kind=`` of its list."""
    page = context.get("page")
    if not isinstance(page, NewsIndexPage):
        return None
    if page.event_kind_id:
        return page.event_kind
    for name, _field, value in cleaned_filters(context):
        if name == "kind":
            return value
    return None
