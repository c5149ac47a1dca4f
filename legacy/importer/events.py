"""Event kinds the article reports (pact signing, review, ...) and their years."""

import re

from legacy.importer import vocab
from legacy.importer.records import Activity

_PATTERNS = {
    kind: [re.compile(p, re.I) for p in patterns]
    for kind, patterns in vocab.EVENT_PATTERNS.items()
}
# "Năm 2016, ..." opens a report of the past year or a plan for the next, not an
# account of what happened at the event.
_NARRATIVE = re.compile(
    r"^\s*(?:trong\s+)?năm\s+(?:(?:19|20)\d\d|qua|vừa\s+qua)\s*,", re.I
)
# Words after which a clause speaks of purposes or the future, not of the event.
_FUTURE = re.compile(
    r"\b(?:để|nhằm|hướng\s+tới|tiến\s+tới|chào\s+mừng|hằng\s+năm|hàng\s+năm|sẽ)\b", re.I
)
_ELECTION_AFTER = re.compile(
    r"^[^.;]{0,160}?\blàm\s+(?:đơn\s+vị\s+)?(?:trưởng|phó|khối|cụm)\b", re.I
)


def _mentions(sentence):
    text = sentence.match
    title = sentence.source == "title"
    if not title and _NARRATIVE.match(text):
        return
    limit = len(text)
    future = None if title else _FUTURE.search(text)
    if future:
        limit = future.start()
    for kind, patterns in _PATTERNS.items():
        for pattern in patterns:
            for match in pattern.finditer(text, 0, limit):
                word = match.group(0).lower()
                # "bình bầu Sở X làm Cụm trưởng" elects a leader; it ranks nobody.
                elected = _ELECTION_AFTER.match(text[match.end() :])
                if kind == "binh_xet" and "bầu" in word and elected:
                    continue
                yield (
                    kind,
                    sentence.year_near(match.start(), match.end()),
                    match.start(),
                )


def read_activities(sentences, fallback_year=None):
    """Activities in title order first, then the body's in the order of the cycle."""
    found = []
    for order, sentence in enumerate(sentences):
        for kind, year, position in _mentions(sentence):
            found.append((kind, year, sentence.source == "title", (order, position)))
    known = {year for _, year, _, _ in found if year}
    merged = {}
    for kind, year, in_title, place in sorted(found, key=lambda item: item[3]):
        if year is None:
            if kind in vocab.REVIEW_KINDS:
                year = min(known) if known else fallback_year
            else:
                year = max(known) if known else fallback_year
        if year is None:
            continue
        entry = merged.setdefault((kind, year), [False, place])
        entry[0] = entry[0] or in_title
    title_items = sorted((v[1], k) for k, v in merged.items() if v[0])
    body_items = sorted(
        (vocab.CYCLE_ORDER.index(k[0]), k[1], k) for k, v in merged.items() if not v[0]
    )
    return [Activity(kind, year, True) for _, (kind, year) in title_items] + [
        Activity(kind, year, False) for _, _, (kind, year) in body_items
    ]
