"""Bylines: "name", "name - unit", a unit alone, or reporters' initials."""

import re

from legacy.importer.text import word_count
from legacy.importer.units import find_units
from news.text import modern_tones

_BYLINE_PREFIX = re.compile(
    r"^(?:tác\s+giả|người\s+viết|(?:tin|bài|ảnh)(?:\s*(?:,|và|-)\s*ảnh)?|nguồn)\s*:\s*",
    re.I,
)
_INITIALS = re.compile(
    r"^(?:(?:[A-ZĐ]\.\s?){1,4}[A-ZĐ]?\.?|PV|BBT|CTV|Phóng viên|Ban Biên tập)$"
)
_NOT_NAME_WORDS = {
    "Ông", "Bà", "Đồng", "Anh", "Chị", "Đại", "Lãnh", "Quang", "Hội", "Các", "Tin",
    "Bài", "Ảnh", "Nguồn", "Khối", "Cụm", "Lễ", "Trao", "Ký", "Một", "Những",
}  # fmt: skip
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")


def has_byline_prefix(text):
    """True for "Tác giả: ...", "Tin, ảnh: ..." and the like."""
    return bool(_BYLINE_PREFIX.match(text))


def is_person_name(text):
    words = text.split()
    if not 2 <= len(words) <= 5 or words[0] in _NOT_NAME_WORDS:
        return False
    return all(
        _NAME_WORD.match(w) and w[0].isupper() and (w[1:].islower() or w.isupper())
        for w in words
    )


def _whole_unit(text):
    mentions = find_units(modern_tones(text))
    return (
        bool(mentions) and mentions[0].start == 0 and mentions[0].end >= len(text) - 1
    )


def byline_parts(text):
    """``(author name, author unit)`` when ``text`` reads as a byline, else None."""
    bare = _BYLINE_PREFIX.sub("", text).strip()
    if _INITIALS.match(bare):
        return bare, None
    if not bare or len(bare) > 80 or word_count(bare) > 14 or bare[-1] in ".:;!?…":
        return None
    if re.search(r"\d", bare):
        return None
    parts = [p.strip(" ()") for p in re.split(r"\s+[-–]\s+|,\s+|\s+\(", bare)]
    if is_person_name(parts[0]):
        rest = " - ".join(parts[1:])
        if not rest:
            return parts[0], None
        if _whole_unit(rest):
            return parts[0], rest
        if all(is_person_name(p) for p in parts[1:]):
            return bare, None
        return None
    if _whole_unit(bare):
        return None, bare
    return None
