"""Text clean-up of the importer's parser: old encodings (mojibake, TCVN3, VNI),
newlines, sentences, match keys. Unicode form, spaces and tone marks are
news/text.py's, as everywhere else."""

import re

from news.text import clean_inline, modern_tones, nfc

_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")

# UTF-8 bytes of Vietnamese letters read as Windows-1252 ("Sá»Ÿ" for "Sở").
_MOJIBAKE = re.compile(
    r"á[º»][\u0080-\u00ff\u0152-\u2122]|Ã[\u0080-\u00bf]|Ä[\u0080-\u00bf]"
)

# TCVN3 (ABC), the one-byte encoding of the 1990s Vietnamese fonts (.VnTime), read as
# Latin-1. Capitals with tone marks came from a separate font with the same codes, so
# they convert to small letters.
_TCVN3 = str.maketrans(
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦",
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ",
)
_TCVN3_SIGNS = re.compile("[®µ¸¶·¹¬«¨©ª]")
_VNI_SIGNS = re.compile(r"ñ|[aeoAEO][âäåãàáèéëêì]|[ôö][øùûõïø]?")
# Letters outside Latin-1 that any Vietnamese paragraph in Unicode contains.
_UNICODE_VIETNAMESE = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")

_ABBREVIATIONS = {"tp", "ts", "ths", "pgs", "gs", "bs", "ks", "cn", "st", "tt", "q"}
_SENTENCE_END = re.compile(r"(?:\./\.|[.!?…])[”\"»)]?(?=\s)")


def prepare(text, tcvn3=None):
    """``text`` in NFC, one kind of newline, mojibake and TCVN3 turned into Unicode.

    ``tcvn3`` says whether the text is TCVN3; None makes ``prepare`` decide.
    """
    text = nfc(text)
    text = _NEWLINES.sub("\n", text)
    if len(_MOJIBAKE.findall(text)) >= 2:
        text = _repair_mojibake(text)
    if tcvn3 or (tcvn3 is None and is_tcvn3(text)):
        text = nfc(text.translate(_TCVN3))
    return text


def is_tcvn3(text):
    """True for Vietnamese in the TCVN3 encoding ("Khèi thi ®ua"), not in Unicode."""
    if _UNICODE_VIETNAMESE.search(text):
        return False
    letters = sum(char.isalpha() for char in text)
    return len(_TCVN3_SIGNS.findall(text)) * 30 > letters > 0


def is_vni(text):
    """True for Vietnamese in the VNI encoding ("Khoái thi ñua"), not in Unicode."""
    if _UNICODE_VIETNAMESE.search(text):
        return False
    letters = sum(char.isalpha() for char in text)
    return len(_VNI_SIGNS.findall(text)) * 30 > letters > 0


def has_vietnamese(text):
    """True when the text has letters only Vietnamese uses (ơ, ư, đ, ạ ... ỹ)."""
    return bool(_UNICODE_VIETNAMESE.search(text))


def _repair_mojibake(text):
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return text
            raw.append(ord(char))
    try:
        return nfc(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return text


def is_blank_but_not_empty(raw):
    """True for a line of only no-break spaces: where the old editor put an image."""
    return bool(raw.strip(" ")) and not clean_inline(raw)


def starts_with_hard_space(raw):
    """True when a line opens with a no-break space, as image captions often do."""
    return raw.lstrip(" ").startswith(("\u00a0", "\u202f"))


def key(text):
    """A loose comparison key: case, tone placement and end punctuation ignored."""
    text = modern_tones(clean_inline(text)).casefold()
    return text.rstrip(" .,;:…-–")


def capitalise(text):
    """``text`` with its first letter in upper case and the rest as written."""
    return text[:1].upper() + text[1:]


def word_count(text):
    return len(text.split())


def sentence_spans(text):
    """Start and end offsets of the sentences of ``text``."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        rest = text[end:].lstrip()
        if not rest or not (
            rest[0].isupper() or rest[0] in '“"(«' or rest[0].isdigit()
        ):
            continue
        word = text[start : match.start()].rsplit(None, 1)[-1:] or [""]
        token = word[0].strip('(“"').casefold()
        if match.group(0) == "." and (token in _ABBREVIATIONS or len(token) == 1):
            continue
        spans.append((start, end))
        start = end + len(text[end:]) - len(rest)
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def sentences(text):
    """The sentences of ``text``, stripped."""
    return [text[start:end].strip() for start, end in sentence_spans(text)]
