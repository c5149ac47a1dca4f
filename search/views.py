"""The public search page."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from search.query import search_page


@require_safe
def search(request):
    """/tim-kiem/?q=...: articles by words typed with or without marks."""
    return render(request, "search/search.html", search_page(request))
