"""Finding units (đơn vị) and provinces in a sentence, and naming them canonically."""

import re
from dataclasses import dataclass, field

from legacy.importer import vocab
from legacy.importer.text import key
from news.text import clean_inline, modern_tones

_PROVINCE = re.compile(rf"(?<!\w)(?:{vocab.PROVINCE_PATTERN})(?!\w)", re.I)
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*(?:và\s+)?|\s+và\s+", re.I)
_COUNTER = r"(?:các|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_IN_BLOC = r"(?:trong\s+(?:cụm|khối)(?:\s+thi\s+đua)?\s+)?"
_Q_LIST = re.compile(
    rf"\s+{_IN_BLOC}(?:(?:gồm|bao\s+gồm)\s+)?{_COUNTER}\s+(?:tỉnh|thành\s+phố)"
    r"(?:\s*,\s*thành\s+phố)?\s*:?\s*",
    re.I,
)
_Q_AT = re.compile(rf"\s+{_IN_BLOC}tại\s+(?:tỉnh|thành\s+phố|TP\.?)\s*", re.I)
_Q_NAMED = re.compile(r"\s+(?:tỉnh|thành\s+phố|TP\.?)\s*", re.I)
_Q_PLACE = re.compile(
    r"\s+(huyện|quận|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn)\s+(?=[^\W\d_])", re.I
)
_PLACE_WORD = re.compile(r"[^\W\d_][^\s,.;:()“”\"]*")
_Q_OWN = re.compile(r"\s+(tỉnh|thành\s+phố|huyện|thị\s+xã|quận)(?!\w)", re.I)
_Q_GENERIC = re.compile(r"\s+(?:các\s+tỉnh|khu\s+vực)(?!\w)", re.I)
_PLURAL_BEFORE = re.compile(r"(?:các|những)\s+$", re.I)
_CHAIN = re.compile(r"^\s*[,\-–]\s*$")
_TOKEN = re.compile(r"\s+([^\s]+)")
# Words after a head such as "Hội" or "Trung tâm"; real unit names are shorter.
_LONGEST_NAME = 10
_GENERIC_HEAD = re.compile(
    r"(?<!\w)(?:{})(?!\w)".format(
        "|".join(
            sorted(map(re.escape, vocab.GENERIC_UNIT_HEADS), key=len, reverse=True)
        )
    )
)


def _compile(entries, kind):
    return [
        (canonical, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I), kind)
        for canonical, pattern in entries
    ]


KNOWN_NAMES = [
    *_compile(vocab.UNITS, "unit"),
    *_compile(vocab.AUTHORITIES, "authority"),
    *_compile(vocab.MINISTRIES, "ministry"),
]


@dataclass
class UnitMention:
    """A unit written in a sentence, with what follows its name (province, list)."""

    start: int
    end: int
    core: str
    kind: str
    qualifier: str = ""
    provinces: list[str] = field(default_factory=list)
    plural: bool = False
    position: bool = False
    own_word: str = "tỉnh"
    place: str = ""

    @property
    def specific(self):
        """True when the mention names one or more actual units, not a category."""
        return self.qualifier in {"province", "list", "own", "place", ""} and (
            not self.plural or self.qualifier == "list"
        )


def province_name(text):
    """The canonical province for ``text`` ("Bạc liêu" gives "Bạc Liêu"), or None."""
    return vocab.PROVINCE_BY_KEY.get(vocab.province_key(modern_tones(text)))


def province_list_at(text, pos):
    """Provinces listed from ``pos`` ("Sóc Trăng, Hậu Giang và Cà Mau"), and the end."""
    found, end = [], pos
    while True:
        match = _PROVINCE.match(text, pos)
        if not match:
            break
        found.append(province_name(match.group(0)))
        end = match.end()
        separator = _LIST_SEPARATOR.match(text, end)
        if not separator or not _PROVINCE.match(text, separator.end()):
            break
        pos = separator.end()
    return found, end


def _province_after(text, end):
    """The province named after a unit ("tỉnh Sơn La", "tại tỉnh X", "Cao Bằng")."""
    for lead in (_Q_AT, _Q_NAMED):
        matched = lead.match(text, end)
        if matched:
            province = _PROVINCE.match(text, matched.end())
            if province:
                return province
    if text[end : end + 1].isspace():
        # Bare, as in "Sở Kế hoạch và Đầu tư Cao Bằng": only a capitalised name counts.
        province = _PROVINCE.match(text, end + 1)
        if province and province.group(0)[0].isupper():
            return province
    return None


def _place_after(text, end):
    """A district or commune after a unit ("huyện Châu Thành"): (word, name, end)."""
    place = _Q_PLACE.match(text, end)
    if not place:
        return None
    words, pos = [], place.end()
    while len(words) < 4:
        word = _PLACE_WORD.match(text, pos)
        if not word or not word.group(0)[0].isupper():
            break
        words.append(word.group(0))
        pos = word.end() + 1
    if not words:
        return None
    name = " ".join(words)
    return clean_inline(place.group(1)).lower(), name, place.end() + len(name)


def _qualify(mention, text):
    """Read what follows a unit's name: provinces, a district, or a bare "tỉnh"."""
    end = mention.end
    listed = _Q_LIST.match(text, end)
    if listed:
        provinces, list_end = province_list_at(text, listed.end())
        mention.qualifier = "list" if provinces else "generic"
        mention.provinces = provinces
        mention.end = list_end if provinces else listed.end()
        return
    province = _province_after(text, end)
    if province:
        mention.qualifier = "province"
        mention.provinces = [province_name(province.group(0))]
        mention.end = province.end()
        return
    place = _place_after(text, end)
    if place:
        mention.qualifier = "place"
        mention.own_word, mention.place, mention.end = place
        if mention.kind == "authority" and mention.core in {"UBND", "HĐND"}:
            # A district's People's Committee is a member of a provincial cluster.
            mention.kind = "unit"
        return
    own = _Q_OWN.match(text, end)
    if own:
        mention.qualifier = "own"
        mention.own_word = clean_inline(own.group(1)).lower()
        mention.end = own.end()
    elif _Q_GENERIC.match(text, end):
        mention.qualifier = "generic"


def _display_core(written, canonical):
    written = clean_inline(written.replace("&", " và "))
    if key(written) == key(canonical):
        return written
    return canonical


def _generic_unit(text, head_end):
    """The end of a unit name not in the vocabulary ("Hội Nông dân", "Văn phòng Sở")."""
    pos, end, lower_run, previous_capital = head_end, None, 0, False
    for _ in range(_LONGEST_NAME):
        token = _TOKEN.match(text, pos)
        if not token:
            break
        word = token.group(1)
        bare = word.rstrip(',.;:)”"')
        if not bare:
            break
        if bare[0].isupper() and bare[0].isalpha():
            end, lower_run, previous_capital = token.start(1) + len(bare), 0, True
        elif bare in {"và", "&"} and end is not None:
            following = _TOKEN.match(text, token.end())
            if not following or not following.group(1)[0].isupper():
                break
            previous_capital = False
        elif bare.isalpha() and bare.islower() and previous_capital and lower_run < 1:
            end, lower_run = token.start(1) + len(bare), lower_run + 1
        else:
            break
        if bare != word:
            break
        pos = token.end()
    return end


def find_units(text):
    """Unit mentions in ``text`` (already in modern tone marks), left to right."""
    candidates = []
    for canonical, pattern, kind in KNOWN_NAMES:
        for match in pattern.finditer(text):
            if match.group(0)[0].isupper():
                core = _display_core(match.group(0), canonical)
                candidates.append(UnitMention(match.start(), match.end(), core, kind))
    for match in _GENERIC_HEAD.finditer(text):
        end = _generic_unit(text, match.end())
        if end:
            core = clean_inline(text[match.start() : end])
            candidates.append(UnitMention(match.start(), end, core, "generic"))
    mentions, taken = [], -1
    # Known names win over a guessed one that starts at the same place.
    ranked = sorted(candidates, key=lambda m: (m.start, m.kind == "generic", -m.end))
    for mention in ranked:
        if mention.start < taken:
            continue
        if mention.kind == "generic":
            mention.kind = "unit"
        mentions.append(mention)
        taken = mention.end
    for index, mention in enumerate(mentions):
        _qualify(mention, text)
        before = text[: mention.start]
        mention.plural = bool(_PLURAL_BEFORE.search(before))
        previous = mentions[index - 1] if index else None
        mention.position = bool(vocab.POSITION_BEFORE_UNIT.search(before[-40:])) or (
            previous is not None
            and previous.position
            and _CHAIN.match(text[previous.end : mention.start]) is not None
        )
    return mentions


class UnitNames:
    """Names units consistently across one article.

    A unit written bare ("Cục Thống kê") takes the fuller form the same article uses
    ("Cục Thống kê tỉnh"); spellings that differ only in case share the first one.
    """

    def __init__(self, mentions, several_provinces):
        self.several_provinces = several_provinces
        self.own_forms = {
            key(m.core): m.own_word for m in mentions if m.qualifier == "own"
        }
        self.province_forms = {}
        for mention in mentions:
            if mention.qualifier == "province" and mention.specific:
                name = _with_province(mention.core, mention.provinces[0])
                self.province_forms.setdefault(key(mention.core), set()).add(name)
        self.display = {}
        for mention in mentions:
            for name in self._raw_names(mention):
                self.display.setdefault(key(name), name)

    def _raw_names(self, mention):
        if not mention.specific:
            return []
        if mention.qualifier in {"province", "list"}:
            return [_with_province(mention.core, p) for p in mention.provinces]
        if mention.qualifier == "own":
            return [f"{mention.core} {mention.own_word}"]
        if mention.qualifier == "place":
            return [f"{mention.core} {mention.own_word} {mention.place}"]
        own = self.own_forms.get(key(mention.core))
        if own:
            return [f"{mention.core} {own}"]
        forms = self.province_forms.get(key(mention.core), set())
        if len(forms) == 1:
            # "Sở Tư pháp" after "Sở Tư pháp tỉnh Cà Mau", with no other province.
            return list(forms)
        if self.several_provinces and mention.kind == "unit":
            # A bare "Sở Kế hoạch và Đầu tư" among several provinces names none of them.
            return []
        return [mention.core]

    def names(self, mention):
        """The canonical names of the units ``mention`` stands for (none if generic)."""
        return [self.display.get(key(n), n) for n in self._raw_names(mention)]


def _with_province(core, province):
    if province == "Hồ Chí Minh":
        return f"{core} Thành phố Hồ Chí Minh"
    if province in vocab.CITIES:
        return f"{core} thành phố {province}"
    return f"{core} tỉnh {province}"
