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
  ranking calls ``bm25()`` without column weights, which ranks a long title
  match below a short body match).

Settings: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "news.search_backend"}}``.
After changing the folding, rebuild the index: ``manage.py update_index``.
"""

import types

from django.db import connection
from django.db.models import FloatField, Func
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from news.text import search_document, search_query


def fold_query(query):
    """The query with its text folded: a string, or a tree of query objects."""
    if isinstance(query, str):
        return search_query(query)
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        query.query_string = search_query(query.query_string)
    elif isinstance(query, (And, Or)):
        query.subqueries = [fold_query(sub) for sub in query.subqueries]
    elif isinstance(query, (Not, Boost)):
        query.subquery = fold_query(query.subquery)
    return query


class FoldingIndexerMixin:
    """Folds each value an ObjectIndexer reads from an object's search fields."""

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


# Weights of the columns of modelsearch's SQLite FTS5 table, in its order
# (autocomplete, body, title), for whole-word search.
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 4.0)


class WeightedBM25(Func):
    """SQLite FTS5's ``bm25()`` with a weight for each column."""

    function = "bm25"
    output_field = FloatField()

    def __init__(self, table, weights):
        self.table, self.weights = table, weights
        super().__init__()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(float(weight)) for weight in self.weights)
        return f"bm25({self.table}, {weights})", []


def _title_first_compiler(base):
    """modelsearch's SQLite query compiler, ranking with column weights."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    table = SQLiteFTSIndexEntry._meta.db_table

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, (Phrase, PlainText, Not)):
            rank = WeightedBM25(table, SQLITE_COLUMN_WEIGHTS)
            return rank * boost if boost != 1.0 else rank
        return base.build_tsrank(self, vector, query, config=config, boost=boost)

    def get_search_vectors(self):
        # One weighted bm25() over the row, rather than one per column that
        # the base class would add up (each of them over the whole row).
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
        # The fallback backend (SQLite without FTS5) keeps no index of its own.
        return base
    indexer_class = type(
        f"Folding{indexer_base.__name__}", (FoldingIndexerMixin, indexer_base), {}
    )
    index_class = type(
        f"Folding{index_base.__name__}",
        (index_base,),
        {"add_items": _reading_indexer(add_items, indexer_class)},
    )

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = fold_query(query)
        return base._search(
            self, query_compiler_class, query, model_or_queryset, **kwargs
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
    if base not in _classes:
        _classes[base] = _folding_backend_class(base)
    return _classes[base](params)
