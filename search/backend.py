"""Wagtail's database search backend, folded for Vietnamese on both sides.

Neither SQLite's FTS5 nor PostgreSQL's default text search configuration ignores
Vietnamese marks ("hoi nghi" does not find "Hội nghị"), and Unicode
decomposition never turns đ into d. This backend keeps Wagtail's own database
backend (PostgreSQL full-text search, or SQLite FTS5) and changes three things,
each in a subclass of modelsearch's own classes:

- every text it indexes goes through ``news.text.search_document`` (folded,
  with the other form of each abbreviation), for every indexed model: pages,
  snippets, images and documents alike, so the admin's searches fold too
  (the index hands modelsearch's indexer a ``FoldedDocument``);
- every query goes through ``news.text.search_query`` (the same folding) before
  the backend parses it;
- on SQLite, a match in the title weighs more than one in the body, as the
  title's boost already makes it weigh on PostgreSQL (modelsearch's SQLite
  ranking calls ``bm25()`` over the whole row, which ranks a title match
  below a short body that repeats the words).

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}``.
After changing the folding, rebuild the index: ``manage.py update_index``.
"""

import copy
import logging

from django.db import connection
from django.db.models import FloatField, Func, Manager, QuerySet
from django.utils.encoding import force_str
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.fallback import (
    DatabaseSearchBackend as FallbackBackend,
)
from modelsearch.conf import get_app_config
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import (
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
)

from news.text import search_document, search_query

logger = logging.getLogger(__name__)


def fold_query(query):
    """The query with its text folded (a string, or a tree of query objects),
    or None when nothing is left to look for (only symbols, emoji or marks)."""
    if isinstance(query, str):
        return search_query(query) or None
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        query.query_string = search_query(query.query_string)
        return query if query.query_string else None
    if isinstance(query, (And, Or)):
        subqueries = [sub for sub in map(fold_query, query.subqueries) if sub]
        if len(subqueries) <= 1:
            return subqueries[0] if subqueries else None
        query.subqueries = subqueries
    elif isinstance(query, (Not, Boost)):
        query.subquery = fold_query(query.subquery)
        if query.subquery is None:
            return None
    return query


def fold_value(value):
    """A value read from a search field, as text folded for the index: lists and
    dicts (tags, a StreamField's content) item by item, joined as modelsearch's
    own indexers join them; anything else as modelsearch turns it into text."""
    if isinstance(value, list):
        return ", ".join(fold_value(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(fold_value(item) for item in value.values())
    return search_document(value if isinstance(value, str) else force_str(value))


class FoldedDocument:
    """What modelsearch's indexers read of an object (its ``pk`` and
    ``get_search_fields()``), with every value already folded.

    The search fields come back flattened: one copy of each search or
    autocomplete field per value, related objects' fields included, in the
    order an indexer walks them, each copy answering its folded value. So each
    field of the object is read once, where an indexer reads them all again
    for the title, the body and the autocomplete text (and, on PostgreSQL,
    twice more for the fuzzy-search copies), which for a method such as
    ArticlePage.search_context means running its queries each time.
    """

    def __init__(self, obj):
        self.pk = obj.pk
        self.search_fields = list(self._folded_fields(obj, obj.get_search_fields()))

    def get_search_fields(self):
        return self.search_fields

    @classmethod
    def _folded_fields(cls, obj, fields):
        for field in fields:
            if isinstance(field, (SearchField, AutocompleteField)):
                yield cls._answering(field, fold_value(field.get_value(obj)))
            elif isinstance(field, RelatedFields):
                related = field.get_value(obj)
                if related is None:
                    continue
                if isinstance(related, Manager):
                    related = related.all()
                elif callable(related):
                    related = [related()]
                else:
                    related = [related]
                for item in related:
                    yield from cls._folded_fields(item, field.fields)

    @staticmethod
    def _answering(field, value):
        copied = copy.copy(field)
        copied.get_value = lambda obj: value
        return copied


class FoldingIndexMixin:
    """A modelsearch database index that stores folded text: its indexers read
    a FoldedDocument in place of each object."""

    def add_items(self, model, objs):
        super().add_items(model, [FoldedDocument(obj) for obj in objs])


# modelsearch's SQLite FTS5 table has the columns (autocomplete, body, title).
# FTS5's bm25() divides by the whole row's length even when weighing one
# column, so a title match in a long article scores below a short body that
# repeats the words. Rows whose title matches come first, then bm25() of the
# title and body orders each group.
TITLE_MATCH_BONUS = 1000.0


class TitleFirstBM25(Func):
    """SQLite FTS5 rank, title matches first (bm25() is negative, lower is
    better, as modelsearch orders it)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        # The FTS5 model exists only on SQLite: looked up here, not imported.
        table = get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table
        title_hits = f"bm25({table}, 0.0, 0.0, 1.0) < 0"
        rank = f"bm25({table}, 0.0, 1.0, 1.0)"
        bonus = f"CASE WHEN {title_hits} THEN {TITLE_MATCH_BONUS} ELSE 0 END"
        return f"({rank} - {bonus})", []


class TitleFirstCompilerMixin:
    """For modelsearch's SQLite query compiler: title matches rank first."""

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = TitleFirstBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def get_search_vectors(self):
        # One rank for the row, rather than one per column that the base
        # class would add up (each of them a bm25() of the whole row).
        return [(None, 1.0)]


class FoldingBackendMixin:
    """For a modelsearch database backend: queries folded before they are
    parsed, for searches and autocompletes alike."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        folded = fold_query(copy.deepcopy(query))
        if folded is None:
            # Nothing to look for: no result, but real search results (the
            # admin's listings cannot use modelsearch's EmptySearchResults).
            if not isinstance(model_or_queryset, QuerySet):
                model_or_queryset = model_or_queryset._default_manager.all()
            model_or_queryset, folded = model_or_queryset.none(), MatchAll()
        return super()._search(
            query_compiler_class, folded, model_or_queryset, **kwargs
        )


def _folding_backend_class(base):
    """A subclass of one of modelsearch's database backend classes that folds."""
    index_class = base.index_class
    attributes = {
        "index_class": type(
            f"Folding{index_class.__name__}", (FoldingIndexMixin, index_class), {}
        )
    }
    if base.__name__ == "SQLiteSearchBackend":
        compiler_class = base.query_compiler_class
        attributes["query_compiler_class"] = type(
            f"TitleFirst{compiler_class.__name__}",
            (TitleFirstCompilerMixin, compiler_class),
            {},
        )
    return type(f"Folding{base.__name__}", (FoldingBackendMixin, base), attributes)


_classes = {}


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up)
    """Wagtail's database backend for the default connection's vendor, folding."""
    params = dict(params)
    if connection.vendor == "postgresql":
        # Text arrives folded: the "simple" configuration only lower-cases and
        # splits it. A language configuration would stem Vietnamese syllables
        # as English words and drop "an", "do", "no" and "to" as stop words.
        params.setdefault("SEARCH_CONFIG", "simple")
    base = type(database_backend(params))
    if base is FallbackBackend:
        # SQLite without FTS5, or before modelsearch's migrations: no index to
        # fold. Searching still works, without folding; say so.
        logger.warning(
            "Search does not ignore diacritics: SQLite has no FTS5 or no search "
            "table (run manage.py migrate). Use PostgreSQL or an SQLite with FTS5."
        )
        return FallbackBackend(params)
    if base not in _classes:
        _classes[base] = _folding_backend_class(base)
    return _classes[base](params)
