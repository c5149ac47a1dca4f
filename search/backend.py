"""Wagtail's database search backend, folded for Vietnamese on both sides.

Neither SQLite's FTS5 nor PostgreSQL's default text search configuration ignores
Vietnamese marks ("hoi nghi" does not find "Hội nghị"), and Unicode
decomposition never turns đ into d. This backend keeps Wagtail's own database
backend (PostgreSQL full-text search, or SQLite FTS5) and changes two things:

- every text it indexes goes through ``news.text.search_document`` (folded,
  with the other form of each abbreviation), for every indexed model: pages,
  snippets, images and documents alike, so the admin's searches fold too;
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
import types

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import FloatField, Func, QuerySet
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.fallback import (
    DatabaseSearchBackend as FallbackBackend,
)
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


class FoldingIndexerMixin:
    """Folds each value an ObjectIndexer reads from an object's search fields,
    and reads each field once: the base class reads them all again for the
    title, the body and the autocomplete text (and, on PostgreSQL, twice more
    for the fuzzy-search copies), which for a method such as
    ArticlePage.search_context means running its queries each time."""

    def prepare_field(self, obj, field):
        prepared = self.__dict__.setdefault("_prepared", {})
        key = (id(obj), id(field))
        if key not in prepared:
            prepared[key] = (obj, list(super().prepare_field(obj, field)))
        yield from prepared[key][1]

    def prepare_value(self, value):
        if isinstance(value, (list, dict)):
            # The base class joins the items, each prepared (folded) by this method.
            return super().prepare_value(value)
        return search_document(super().prepare_value(value))


def _reading_indexer(function, indexer_class):
    """``function`` (an index's ``add_items``) with the module-level name
    ``ObjectIndexer`` it reads bound to ``indexer_class``: modelsearch has no
    ``indexer_class`` attribute to override, and copying its ``add_items``
    would fork 50 lines of SQL building."""
    namespace = dict(function.__globals__, ObjectIndexer=indexer_class)
    return types.FunctionType(
        function.__code__,
        namespace,
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )


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

    def __init__(self, table):
        self.table = table
        super().__init__()

    def as_sql(self, compiler, connection, **extra_context):
        table = self.table
        title_hits = f"bm25({table}, 0.0, 0.0, 1.0) < 0"
        rank = f"bm25({table}, 0.0, 1.0, 1.0)"
        bonus = f"CASE WHEN {title_hits} THEN {TITLE_MATCH_BONUS} ELSE 0 END"
        return f"({rank} - {bonus})", []


def _title_first_compiler(base):
    """modelsearch's SQLite query compiler, ranking title matches first."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    table = SQLiteFTSIndexEntry._meta.db_table

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = TitleFirstBM25(table)
            return rank * boost if boost != 1.0 else rank
        return base.build_tsrank(self, vector, query, config=config, boost=boost)

    def get_search_vectors(self):
        # One rank for the row, rather than one per column that the base
        # class would add up (each of them a bm25() of the whole row).
        return [(None, 1.0)]

    return type(
        f"TitleFirst{base.__name__}",
        (base,),
        {"build_tsrank": build_tsrank, "get_search_vectors": get_search_vectors},
    )


def _folding_backend_class(base):
    """A subclass of one of modelsearch's database backend classes that folds."""
    index_base = base.index_class
    add_items = index_base.add_items
    indexer_base = add_items.__globals__.get("ObjectIndexer")
    if indexer_base is None:
        raise ImproperlyConfigured(
            f"search.backend cannot fold the index of {base.__module__}."
            f"{base.__name__}: its add_items() no longer reads ObjectIndexer. "
            "Check search/backend.py against this modelsearch version."
        )
    indexer_class = type(
        f"Folding{indexer_base.__name__}", (FoldingIndexerMixin, indexer_base), {}
    )
    index_class = type(
        f"Folding{index_base.__name__}",
        (index_base,),
        {"add_items": _reading_indexer(add_items, indexer_class)},
    )

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        folded = fold_query(copy.deepcopy(query))
        if folded is None:
            # Nothing to look for: no result, but real search results (the
            # admin's listings cannot use modelsearch's EmptySearchResults).
            if not isinstance(model_or_queryset, QuerySet):
                model_or_queryset = model_or_queryset._default_manager.all()
            model_or_queryset, folded = model_or_queryset.none(), MatchAll()
        return base._search(
            self, query_compiler_class, folded, model_or_queryset, **kwargs
        )

    attributes = {"index_class": index_class, "_search": _search}
    if base.__name__ == "SQLiteSearchBackend":
        attributes["query_compiler_class"] = _title_first_compiler(
            base.query_compiler_class
        )
    return type(f"Folding{base.__name__}", (base,), attributes)


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
