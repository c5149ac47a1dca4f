"""The public search: articles found by folded words, filtered like the lists,
with the matched words marked in the title and a snippet.

The folding itself lives in news/text.py and is applied by the search backend
(search/backend.py) to the index and to the query alike.
"""

import json
import re

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search.backends import get_search_backend

from news.filters import ArticleFilterSet
from news.models import (
    ArticlePage,
    BlocIndexPage,
    BlocPage,
    NewsIndexPage,
    Organization,
)
from news.models.blocs import attach_blocs
from news.text import (
    ABBREVIATIONS,
    clean,
    expansions_in,
    html_to_text,
    nfc,
    search_fold,
    search_query,
)

# The search box accepts this many characters; the rest of a pasted text is
# dropped before anything else reads it.
MAX_QUERY_LENGTH = 200

# Orders a reader can pick, by their value in the query string (?sap-xep=).
RELEVANCE, NEWEST = "lien-quan", "moi-nhat"

# A word of the text as a reader sees it; "KH&ĐT" is one word.
_WORD = re.compile(r"[^\W_]+(?:&[^\W_]+)*")
SNIPPET_WORDS = 40
# Keys of a stored StreamField body whose values are not words of the text:
# block types and ids, image and document ids, a heading's level.
NOT_TEXT = {"type", "id", "image", "document", "level"}


class Terms:
    """What to mark in a text for a query: its folded words, and the phrases
    its abbreviations stand for ("htx" marks "Hợp tác xã", not every "xã")."""

    def __init__(self, query):
        folded = search_query(query)
        self.words = set(folded.split())
        # A query that spells an abbreviation out marks the abbreviation too
        # ("uy ban nhan dan" marks "UBND"), as the index finds it.
        self.words.update(abbreviation for abbreviation in expansions_in(folded))
        self.phrases = []
        for word in self.words:
            if word in ABBREVIATIONS:
                phrase = ABBREVIATIONS[word].split()
                self.phrases.append(phrase)
                if "va" in phrase:  # "và" may be left out or written "&"
                    self.phrases.append([w for w in phrase if w != "va"])

    def spans(self, text):
        """(start, end) of each matched word or phrase of ``text``, in order;
        ``text`` must be NFC: typed with combining marks, it is split into
        words wrongly."""
        tokens = list(_WORD.finditer(text))
        folded = [search_fold(token.group()).replace(" ", "") for token in tokens]
        spans, i = [], 0
        while i < len(tokens):
            length = 1 if folded[i] in self.words else 0
            for phrase in self.phrases:
                if folded[i : i + len(phrase)] == phrase:
                    length = max(length, len(phrase))
            if length:
                spans.append((tokens[i].start(), tokens[i + length - 1].end()))
                i += length
            else:
                i += 1
        return spans


def mark(text, terms, spans=None):
    """``text`` escaped, each matched word or phrase in <mark>."""
    text = nfc(text)
    parts, last = [], 0
    for start, end in terms.spans(text) if spans is None else spans:
        parts.append(escape(text[last:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def body_text(raw_body):
    """The words of a StreamField body, from its stored JSON: paragraphs,
    headings, quotes and captions, without markup."""
    texts = []

    def walk(value):
        if isinstance(value, str):
            # Rich text is stored as HTML: "KH&amp;ĐT" is read "KH&ĐT".
            texts.append(html_to_text(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in NOT_TEXT:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    if hasattr(raw_body, "raw_data"):  # a StreamValue: read its JSON, not its blocks
        raw_body = list(raw_body.raw_data)
    elif isinstance(raw_body, str):
        try:
            raw_body = json.loads(raw_body)
        except ValueError:
            return ""
    walk(raw_body)
    return clean(" ".join(texts))


def snippet(text, terms, words=SNIPPET_WORDS):
    """About ``words`` words of ``text`` around its first match, marked; None
    when nothing in ``text`` matches."""
    text = nfc(text)
    spans = terms.spans(text)
    if not spans:
        return None
    tokens = list(_WORD.finditer(text))
    first = next(i for i, token in enumerate(tokens) if token.start() >= spans[0][0])
    start = max(0, first - words // 3)
    end = min(len(tokens), start + words)
    begin = tokens[start].start() if start else 0
    finish = tokens[end - 1].end() if end < len(tokens) else len(text)
    inside = [(a - begin, b - begin) for a, b in spans if a >= begin and b <= finish]
    prefix = "… " if begin else ""
    suffix = " …" if finish < len(text) else ""
    piece = mark(text[begin:finish], terms, spans=inside)
    return mark_safe(f"{escape(prefix)}{piece}{escape(suffix)}")


def annotate(pages, query):
    """Give each found article ``search_title`` and ``search_snippet``: the
    title with its matched words marked, and the lead or, when the lead has no
    match, the passage of the body with the first one (one query for all)."""
    terms = Terms(query)
    bodies = dict(
        ArticlePage.objects.filter(pk__in=[p.pk for p in pages]).values_list(
            "pk", "body"
        )
    )
    for page in pages:
        page.search_title = mark(page.title, terms)
        page.search_snippet = (
            snippet(page.lead, terms, words=80)
            or snippet(body_text(bodies.get(page.pk)), terms)
            or mark(page.lead, terms)
        )
    return pages


def search_page(request):
    """The context of the search page for ``request.GET``."""
    raw = request.GET.get("q", "")
    query = clean(raw[:MAX_QUERY_LENGTH])
    words = search_query(query)
    order = NEWEST if request.GET.get("sap-xep") == NEWEST else RELEVANCE
    articles = ArticlePage.objects.for_cards()
    filters = ArticleFilterSet(request.GET, queryset=articles)
    context = {
        "query": query,
        "order": order,
        "filters": filters,
        "filtered": any(request.GET.get(name) for name in filters.filters),
        "query_too_long": len(raw) > MAX_QUERY_LENGTH,
        "blocs": [],
        "units": [],
        "articles": None,
    }
    if not query:
        return context
    found = filters.qs if filters.is_valid() and words else articles.none()
    if not words:
        # Only symbols, emoji or lone marks: nothing to look for.
        results = found
    elif order == NEWEST:
        results = found.newest_first().search(words, order_by_relevance=False)
    else:
        results = found.search(words)
    paginator = Paginator(results, settings.NEWS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = annotate(attach_blocs(page.object_list), query)
    context["articles"] = page
    if not paginator.count:
        context["news_index"] = (
            NewsIndexPage.objects.live().filter(event_kind__isnull=True).first()
        )
    if words and page.number == 1:
        context["blocs"] = list(BlocPage.objects.live().public().search(words)[:5])
        context["units"] = list(get_search_backend().search(words, Organization)[:5])
        if context["units"]:
            context["bloc_index"] = BlocIndexPage.objects.live().first()
    return context
