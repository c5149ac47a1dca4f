"""Vietnamese text, normalised and folded: the one module for it.

Unicode form and spaces (``nfc``, ``clean``, ``clean_inline``), tone marks
(``modern_tones``), folding for keys, slugs and search (``fold``, ``name_key``,
``slugify_vi``, ``search_fold``...). Used by the pages, the importer, search and
the old-address redirects. Needs no Django settings: the importer's parser,
which runs without them, imports it.
"""

import re
import unicodedata
from html import unescape

from anyascii import anyascii
from django.utils.html import strip_tags
from django.utils.text import slugify

_SPACES = re.compile(r"\s+")

# Spaces that legacy editors leave around titles, dates and captions, and
# characters that show nothing (zero-width spaces and joiners, soft hyphen, BOM).
_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
_ODD_SPACES += "\u2009\u200a\u202f\u205f\u3000\t"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACE_TABLE = {**_INVISIBLE, **dict.fromkeys(map(ord, _ODD_SPACES), " ")}
_RUNS_OF_SPACES = re.compile(r" {2,}")

# Word-final old-style tone marks ("hoà", "Thuỷ") and their modern places ("hòa").
_OLD_TONES = re.compile(r"(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?!\w)")
_TONE_OF = {
    toned: (vowel if toned.islower() else vowel.upper(), index)
    for vowel, row in (("a", "àáảãạ"), ("e", "èéẻẽẹ"), ("y", "ỳýỷỹỵ"))
    for index, letter in enumerate(row)
    for toned in (letter, letter.upper())
}
_TONED_O = {"o": "òóỏõọ", "O": "ÒÓỎÕỌ", "u": "ùúủũụ", "U": "ÙÚỦŨỤ"}
_PAIRS = {"o": "ae", "u": "y"}


def nfc(text):
    """``text`` in Unicode's composed form (NFC), nothing else changed: "ệ" typed
    as "e" plus two combining marks becomes one letter, so equal words compare
    equal and offsets into the result match what a reader sees."""
    return unicodedata.normalize("NFC", text or "")


def clean(text):
    """NFC, no-break spaces as spaces, runs of whitespace collapsed, trimmed."""
    return _SPACES.sub(" ", nfc(text).replace("\u00a0", " ")).strip()


def clean_inline(raw):
    """One line of text: no-break and odd spaces turned into one plain space,
    invisible characters dropped, trimmed; line breaks and the Unicode form are
    left as they are."""
    return _RUNS_OF_SPACES.sub(" ", raw.translate(_SPACE_TABLE)).strip()


def modern_tones(text):
    """``text`` with old-style tone marks moved to the modern place ("hoà" ->
    "hòa", "Thuỷ" -> "Thủy"); same length."""

    def move(match):
        vowel, toned = match.group(1), match.group(2)
        plain, index = _TONE_OF[toned]
        if plain.lower() not in _PAIRS[vowel.lower()]:
            return match.group(0)
        return _TONED_O[vowel][index] + plain

    return _OLD_TONES.sub(move, text)


def html_to_text(html):
    """The words of a piece of HTML (rich text, a rendered template block):
    tags dropped without gluing words together, entities read ("&amp;" -> "&")."""
    return clean(unescape(strip_tags((html or "").replace("<", " <"))))


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


# --- Search -----------------------------------------------------------------
#
# One folding step serves the index and the query, on SQLite and PostgreSQL
# alike (search/backend.py applies it to everything Wagtail indexes and to
# every query): "Ký kết giao ước" and "ky ket giao uoc" both become
# "ky ket giao uoc". Folding merges words that differ only by their marks
# (tính/tình), as Vietnamese readers typing without marks expect.

# Words joined by "&", "-" or a comma without spaces: "KH&ĐT", "LĐ-TB&XH",
# "VH,TT&DL", "HĐND&UBND", "KH-UBND" (in "Số 12/KH-UBND").
_JOINED_WORDS = re.compile(r"[^\W\d_]+(?:(?:\s?&\s?|-|,)[^\W\d_]+)+")
_JOINERS = re.compile(r"\s?&\s?|-|,")
_AMPERSAND = re.compile(r"\s*&\s*")
_NOT_WORD = re.compile(r"[^a-z0-9]+")

# Abbreviations of Vietnamese public administration and what they stand for,
# folded. The index holds both forms of each one it finds, so "HTX" finds
# "Hợp tác xã" and "ke hoach dau tu" finds "Sở KH&ĐT". A "va" (và, "and") in
# an expansion may be left out or written "&" in the text.
ABBREVIATIONS = {
    "bhxh": "bao hiem xa hoi",
    "cbcc": "can bo cong chuc",
    "cbccvc": "can bo cong chuc vien chuc",
    "cnvc": "cong nhan vien chuc",
    "dbqh": "dai bieu quoc hoi",
    "gddt": "giao duc va dao tao",
    "gtvt": "giao thong van tai",
    "hdnd": "hoi dong nhan dan",
    "hdtdkt": "hoi dong thi dua khen thuong",
    "htx": "hop tac xa",
    "kbnn": "kho bac nha nuoc",
    "khcn": "khoa hoc va cong nghe",
    "khdt": "ke hoach va dau tu",
    "ldld": "lien doan lao dong",
    "ldtbxh": "lao dong thuong binh va xa hoi",
    "lmhtx": "lien minh hop tac xa",
    "mttq": "mat tran to quoc",
    "nnptnt": "nong nghiep va phat trien nong thon",
    "tbxh": "thuong binh va xa hoi",
    "tdkt": "thi dua khen thuong",
    "tnmt": "tai nguyen va moi truong",
    "tphcm": "thanh pho ho chi minh",
    "tttt": "thong tin va truyen thong",
    "tw": "trung uong",
    "ubnd": "uy ban nhan dan",
    "vhttdl": "van hoa the thao va du lich",
    "vp": "van phong",
}
_EXPANSIONS = [
    (
        abbreviation,
        expansion,
        re.compile(r"\b" + expansion.replace(" va ", " (?:va )?") + r"\b"),
    )
    for abbreviation, expansion in ABBREVIATIONS.items()
]

# A query longer than this many words is cut: nobody types more, and each
# word costs the database a lookup.
MAX_QUERY_WORDS = 32


def _join_abbreviation(match):
    """A known abbreviation written in parts becomes one word ("LĐ-TB&XH" ->
    "LĐTBXH"); other joined words stay apart, an "&" between them read as
    "và" ("HĐND&UBND" -> "HĐND và UBND")."""
    parts = _JOINERS.split(match.group())
    joined = "".join(parts)
    if anyascii(joined).lower() in ABBREVIATIONS:
        return joined
    return _AMPERSAND.sub(" và ", match.group())


def search_fold(text):
    """Text as the search index and the search query see it: lower-case ASCII
    words and numbers separated by single spaces; marks, case, punctuation,
    symbols and emoji gone; a known abbreviation one word; "&" read as "và"
    ("Sở KH&ĐT Sóc Trăng!" -> "so khdt soc trang")."""
    text = _JOINED_WORDS.sub(_join_abbreviation, clean(text))
    text = _AMPERSAND.sub(" và ", text)  # "Kế hoạch & Đầu tư" = "Kế hoạch và Đầu tư"
    # Keep letters, digits and marks only, before anyascii spells symbols out
    # (it turns an emoji into ":grinning:").
    text = "".join(
        char if unicodedata.category(char)[0] in "LNM" else " " for char in text
    )
    return _NOT_WORD.sub(" ", anyascii(text).lower()).strip()


def expansions_in(folded):
    """The abbreviations whose expansion a folded text contains."""
    return [abbr for abbr, _expansion, pattern in _EXPANSIONS if pattern.search(folded)]


def search_document(text):
    """``search_fold(text)`` plus the other form of every abbreviation in it:
    what the index stores for a piece of text."""
    folded = search_fold(text)
    words = set(folded.split())
    extra = []
    for abbreviation, expansion, pattern in _EXPANSIONS:
        if abbreviation in words:
            extra.append(expansion)
        elif pattern.search(folded):
            extra.append(abbreviation)
            if expansion not in folded:  # written without "và": add the full form
                extra.append(expansion)
    return " ".join([folded, *extra]) if extra else folded


def search_query(text):
    """The words of a query typed by a person, folded; at most MAX_QUERY_WORDS."""
    return " ".join(search_fold(text).split()[:MAX_QUERY_WORDS])
