"""Parsing core of the legacy importer: Liferay and SharePoint articles to plain data.

Nothing here touches the database; ``loader.py`` turns a ``ParsedArticle`` into pages
and snippets.
"""

from legacy.importer.parser import parse_html, parse_text
from legacy.importer.records import (
    Activity,
    AwardRecord,
    BodyItem,
    DocumentRef,
    ParsedArticle,
    ParseError,
    Ranking,
    Role,
)

__all__ = [
    "Activity",
    "AwardRecord",
    "BodyItem",
    "DocumentRef",
    "ParseError",
    "ParsedArticle",
    "Ranking",
    "Role",
    "parse_html",
    "parse_text",
]
