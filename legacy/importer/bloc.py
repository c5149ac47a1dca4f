"""The bloc the article is about: its name and aliases, kind, level and organiser."""

import re
from collections import Counter
from dataclasses import dataclass, field

from legacy.importer.text import capitalise, key, word_count
from legacy.importer.units import KNOWN_NAMES
from news.text import clean_inline

_KIND_CODES = {"khối": "khoi", "cụm": "cum", "vùng": "vung", "nhóm": "nhom"}
_KIND_WORD = re.compile(r"(?<!\w)(khối|cụm|vùng|nhóm)(\s+thi\s+đua)?(?!\w)", re.I)
_ENUMERATION_BEFORE = re.compile(r"(?:khối|cụm|vùng|nhóm)\s*(?:,|và|hoặc)\s*$", re.I)
_ENUMERATION_AFTER = re.compile(r"^\s*,\s*(?:khối|cụm|vùng|nhóm)\b", re.I)
_PLURAL_BEFORE = re.compile(r"\b(?:các|những|mỗi|từng)\s+$", re.I)
# Lower-case words that occur inside bloc names; any other lower-case word ends one.
_NAME_PHRASES = [
    "các sở", "sở", "ngành", "các ngành", "tổng hợp", "các tỉnh", "tỉnh", "thành phố",
    "các huyện", "huyện", "thị xã", "các xã", "xã", "phường", "thị trấn", "miền núi",
    "miền", "biên giới", "phía", "kinh tế", "văn hóa", "xã hội", "chính trị",
    "nội chính", "đảng", "đoàn thể", "doanh nghiệp", "các doanh nghiệp", "các cơ quan",
    "cơ quan", "tham mưu", "các đơn vị", "đơn vị", "sự nghiệp", "khoa giáo",
    "nông nghiệp", "giáo dục", "y tế", "tài chính", "ngân hàng", "các tổ chức",
    "tổ chức chính trị", "các hội", "đặc thù", "trực thuộc", "các trường",
    "lực lượng vũ trang", "vũ trang", "an ninh", "quốc phòng", "ngoài công lập",
    "công lập", "nhà nước", "khu vực", "vùng", "đồng bằng", "sông", "trung du",
    "duyên hải", "ven biển", "dân cử", "quản lý nhà nước", "hành chính", "các ban",
    "các phòng", "phòng, ban",
]  # fmt: skip
_PHRASE = re.compile(
    r"\s*(?:{})(?!\w)".format(
        "|".join(map(re.escape, sorted(_NAME_PHRASES, key=len, reverse=True)))
    ),
    re.I,
)
_CAPITAL = re.compile(r"\s*(?:số\s+)?(?:\d+|[^\W\d_][\w]*)(?!\w)")
_JOIN = re.compile(r"\s*(?:,|\s-|\s–|\svà)(?=\s)", re.I)
_NOT_FIRST = {"trưởng", "phó", "thi"}
# Pieces (words, phrases, unit names) in a bloc name; real ones have far fewer.
_LONGEST_NAME = 30
_UNIT_PATTERNS = [
    pattern for _, pattern, kind in KNOWN_NAMES if kind in {"unit", "ministry"}
]


@dataclass
class BlocMention:
    """A bloc's name as written in one sentence."""

    text: str
    order: int
    in_title: bool


@dataclass
class Bloc:
    """What the text says about the bloc."""

    name: str | None = None
    other_names: list[str] = field(default_factory=list)
    kind: str | None = None


def _next_piece(text, pos, first, after_thi_dua):
    """The end of the next piece of a bloc name starting at ``pos``, or None."""
    start = pos + len(text[pos:]) - len(text[pos:].lstrip())
    for pattern in _UNIT_PATTERNS:
        match = pattern.match(text, start)
        if match and match.group(0)[0].isupper():
            return match.end()
    phrase = _PHRASE.match(text, pos)
    if phrase and (after_thi_dua or not first or phrase.group(0).strip()[0].isupper()):
        return phrase.end()
    word = _CAPITAL.match(text, pos)
    if not word:
        return None
    token = word.group(0).strip()
    if token[0].isdigit() or token.startswith("số"):
        return word.end() if (after_thi_dua or not first) else None
    if token[0].isupper() and not (first and token.lower() in _NOT_FIRST):
        return word.end()
    return None


def _name_end(text, pos, after_thi_dua):
    end, first = None, True
    for _ in range(_LONGEST_NAME):
        piece = _next_piece(text, pos, first, after_thi_dua)
        if piece is None:
            joint = _JOIN.match(text, pos) if end is not None else None
            if joint and _next_piece(text, joint.end(), False, True) is not None:
                pos = joint.end()
                continue
            return end
        end = pos = piece
        first = False
    return end


def bloc_mentions(sentences):
    """Every bloc name written in the article, in reading order."""
    found = []
    for order, sentence in enumerate(sentences):
        text = sentence.match
        for match in _KIND_WORD.finditer(text):
            before, after = text[: match.start()], text[match.end() :]
            if _ENUMERATION_BEFORE.search(before) or _ENUMERATION_AFTER.match(after):
                continue
            if _PLURAL_BEFORE.search(before):
                continue
            end = _name_end(text, match.end(), bool(match.group(2)))
            if end is None:
                continue
            written = clean_inline(
                sentence.text[match.start() : end].replace("\n", " ")
            )
            found.append(
                BlocMention(capitalise(written), order, sentence.source == "title")
            )
    return found


def _strip_kind(name):
    return _KIND_WORD.sub("", name, count=1).strip()


def read_bloc(sentences):
    """The bloc's name (the spelling used most), its other names, and its kind."""
    mentions = bloc_mentions(sentences)
    if not mentions:
        return Bloc()
    groups = Counter(key(m.text) for m in mentions)
    in_title = {key(m.text) for m in mentions if m.in_title}
    first_seen = {}
    for index, mention in enumerate(mentions):
        first_seen.setdefault(key(mention.text), index)
    best = max(groups, key=lambda g: (groups[g], g in in_title, -first_seen[g]))
    spellings = Counter(m.text for m in mentions if key(m.text) == best)
    name = max(
        spellings, key=lambda s: (spellings[s], -[m.text for m in mentions].index(s))
    )
    others = []
    for mention in mentions:
        if mention.text != name and mention.text not in others:
            others.append(mention.text)
    alias = _bare_alias(sentences, _strip_kind(name))
    if alias and alias not in others:
        others.append(alias)
    kind = _KIND_CODES.get(name.split()[0].lower())
    return Bloc(name=name, other_names=others, kind=kind)


def _bare_alias(sentences, core):
    """The bloc's name written without "Khối/Cụm thi đua" (a title often does that)."""
    if word_count(core) < 3 or not core[:1].isupper():
        return None
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, core.split())), re.I)
    for sentence in sentences:
        for match in pattern.finditer(sentence.text):
            if _KIND_WORD.search(
                sentence.text[max(0, match.start() - 15) : match.start()]
            ):
                continue
            return clean_inline(match.group(0))
    return None


def read_level(article, members, bloc_name, composition):
    """The bloc's level and organiser, from who organises and who the members are.

    ``composition`` lists the provinces the text says the bloc is made of.
    """
    mentions = [m for s in article.sentences for m in s.units]
    ministries = Counter(m.core for m in mentions if m.kind == "ministry")
    member_provinces = {p for m in members for p in m.provinces} | set(composition)
    departments = "Sở " in (bloc_name or "") or any(
        m.core.startswith("Sở ") for m in members
    )
    central = _central_body(article)
    ministry = ministries.most_common(1)[0][0] if ministries else None
    if central is not None and not ministry:
        return "trung_uong", central or None
    places = {m.own_word for m in members if m.qualifier == "place"}
    if len(member_provinces) > 1 and not (ministry or departments):
        # Whole provinces grouped by region: the Central Council's clusters.
        return "trung_uong", None
    if len(member_provinces) > 1 or (ministry and _ministry_organises(article)):
        return "bo_nganh", ministry
    local = [
        m for m in mentions if m.kind == "authority" and m.core in {"UBND", "HĐND"}
    ]
    if places & {"xã", "phường", "thị trấn"} or any(
        m.own_word in {"huyện", "quận", "thị xã"} for m in local if m.qualifier == "own"
    ):
        # Communes grouped, or a bloc run by a district: below the province.
        return "dia_phuong", None
    provincial = [m for m in local if m.qualifier in {"own", "province"}]
    # Departments, provincial units and districts are grouped by the province.
    own_units = any(m.qualifier == "own" for m in members)
    if provincial or departments or own_units or places:
        named = {p for m in provincial for p in m.provinces}
        if len(named) == 1:
            province = named.pop()
            return "tinh", f"UBND tỉnh {province}"
        return "tinh", None
    if ministry:
        return "bo_nganh", ministry
    return None, None


def _central_body(article):
    """The Central Council when named, "" when only its Board is, else None."""
    found = None
    for sentence in article.sentences:
        for mention in sentence.units:
            after = sentence.match[mention.end :]
            if mention.kind != "authority" or "Khen thưởng" not in mention.core:
                continue
            if re.match(r"\s+trung\s+ương", after, re.I):
                if mention.core.startswith("Hội đồng"):
                    return f"{mention.core} Trung ương"
                found = ""
    return found


def _ministry_organises(article):
    for sentence in article.sentences:
        for index, mention in enumerate(sentence.units):
            if mention.kind != "ministry":
                continue
            before = sentence.match[: mention.start]
            after = sentence.match[mention.end : mention.end + 40]
            if re.search(r"(?:đề\s+nghị|trình)\s+$", before, re.I):
                return True
            if re.match(r"\s*(?:xét\s+)?(?:tặng|hướng\s+dẫn|tổ\s+chức)\b", after, re.I):
                return True
            previous = sentence.units[index - 1] if index else None
            if previous is not None and previous.core == "Vụ Thi đua - Khen thưởng":
                return True
    return False


_COUNTS = [
    re.compile(r"(?<![\d%])(\d{1,3})\s+(?:đơn\s+vị\s+)?thành\s+viên\b", re.I),
    re.compile(
        r"\b(?:khối|cụm)\b[^.;]{0,100}?\b(?:gồm|bao\s+gồm|có)\s+(\d{1,3})\s+"
        r"(?:tỉnh|thành\s+phố|đơn\s+vị|sở|cơ\s+quan|huyện|thị\s+xã|xã|phường|trường"
        r"|doanh\s+nghiệp)\b",
        re.I,
    ),
    re.compile(
        r"(?<![\d%])(\d{1,3})\s+(?:tỉnh|thành\s+phố|đơn\s+vị|sở|cơ\s+quan|huyện"
        r"|sở,\s+ngành|cơ\s+quan,\s+đơn\s+vị)\s+trong\s+(?:cụm|khối)\b",
        re.I,
    ),
]


def member_count(sentences):
    """The number of members when the text states it ("07 đơn vị thành viên")."""
    for sentence in sentences:
        found = [m for p in _COUNTS for m in p.finditer(sentence.match)]
        if found:
            return int(min(found, key=lambda m: m.start()).group(1))
    return None
