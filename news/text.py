"""Vietnamese text helpers shared by the importer, search and slugs."""

import re
import unicodedata

from anyascii import anyascii
from django.utils.text import slugify

_SPACES = re.compile(r"\s+")


def clean(text):
    """NFC, no-break spaces as spaces, runs of whitespace collapsed, trimmed."""
    text = unicodedata.normalize("NFC", text or "").replace("\u00a0", " ")
    return _SPACES.sub(" ", text).strip()


def fold(text):
    """Lower-case ASCII without diacritics: "Đà Nẵng" -> "da nang".

    Unicode decomposition alone leaves đ/Đ untouched; anyascii maps them to d/D.
    """
    return anyascii(clean(text)).lower()


def name_key(text):
    """A key under which spellings of one name meet: case, accents, "&" and
    punctuation do not matter ("Sở Kế hoạch & Đầu tư" = "Sở Kế hoạch và Đầu tư")."""
    folded = fold(text).replace("&", " va ")
    folded = re.sub(r"[^a-z0-9]+", " ", folded)
    return _SPACES.sub(" ", folded).strip()


def slugify_vi(text, max_length=80):
    """An ASCII slug from Vietnamese text, cut at a word boundary."""
    slug = slugify(anyascii(clean(text)))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "bai-viet"
