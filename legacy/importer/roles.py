"""Who leads the bloc, who ranked where, and which awards were proposed or given."""

import re
from dataclasses import dataclass

from legacy.importer import vocab
from legacy.importer.records import AwardRecord, Ranking, Role

_ROLE = re.compile(
    r"(?<!\w)(?:(?P<pho>phó\s+trưởng\s+(?:khối|cụm)|(?:khối|cụm)\s+phó"
    r"|phó\s+(?:khối|cụm)\s+trưởng)|(?P<truong>trưởng\s+(?:khối|cụm)|(?:khối|cụm)\s+trưởng))"
    r"(?!\w)",
    re.I,
)
# What may stand between a unit and the role it holds: "Sở X làm Cụm phó",
# "Sở X (đơn vị Cụm trưởng ...)", "Giám đốc Sở X - Trưởng Khối ...".
_LINK_LEFT = re.compile(
    r"^[\s,(\-–:]*(?:(?:đã\s+|được\s+)*(?:bầu|bình\s+bầu|bình\s+chọn|phân\s+công|chọn"
    r"|giao|suy\s+tôn|cử)?\s*(?:làm|là|giữ|đảm\s+nhận|đảm\s+nhiệm"
    r"|với\s+(?:cương\s+vị|vai\s+trò)(?:\s+là)?)?\s*(?:vai\s+trò\s+)?(?:đơn\s+vị\s+)?)?$",
    re.I,
)
_HANDOVER = re.compile(
    r"\b(?:bàn\s+giao|chuyển\s+giao)\s+(?:lại\s+)?(?:vai\s+trò\s+|nhiệm\s+vụ\s+"
    r"|chức\s+danh\s+)?(?:đơn\s+vị\s+)?$",
    re.I,
)
_FROM = re.compile(r"\btừ\s+", re.I)
_TO = re.compile(r"\s(?:cho|sang)\s+", re.I)
_ROLE_YEAR = re.compile(
    r"^\s*(?:(?:khối|cụm)(?:\s+thi\s+đua)?[^.;()]{0,80}?)?\s*(?:trong\s+)?năm\s+"
    r"((?:19|20)\d\d)",
    re.I,
)
# "Trưởng khối năm 2020 là Sở X" names the unit right after the role.
_NAMED_AFTER = re.compile(r"\s*(?:(?:trong\s+)?năm\s+\d{4}\s*)?(?:là|:)\s*", re.I)
# "Cụm trưởng - Ông X - Giám đốc Sở Y": the unit follows the person and the post.
_PERSON_AFTER = re.compile(r"\s*(?:năm\s+\d{4}\s*)?[-–:,]", re.I)
_BREAK = re.compile(r"[.;]|\svà\s", re.I)

_RANK = re.compile(
    r"\b(?:xếp\s+(?:thứ|hạng)|đứng\s+(?:thứ|hạng)|đạt\s+hạng)\s+"
    r"(nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|\d{1,2})(?!\w)",
    re.I,
)
_GROUP_BEFORE = re.compile(
    r"(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:đơn\s+vị|tập\s+thể|cơ\s+quan"
    r"|sở|tỉnh)\s*$",
    re.I,
)
_LIST_AFTER = re.compile(r"\s*(?:là|gồm(?:\s+có)?|:)\s*", re.I)
_LIST_STOP = re.compile(r"\b(?:được|đề\s+nghị|đề\s+xuất|xếp|với)\b|[;.]", re.I)
_SUBJECT_GAP = re.compile(r"^[\s,]*(?:(?:năm\s+\d{4}|đã|được)\s*)*$", re.I)

_AWARDS = [(code, re.compile(p, re.I)) for code, p in vocab.AWARD_PATTERNS]
_PROPOSED = re.compile(r"\b(?:đề\s+nghị|đề\s+xuất|kiến\s+nghị)\b", re.I)
_SUBMITTED = re.compile(r"\btrình\b", re.I)
_PRESENTED = re.compile(r"\b(?:trao(?!\s+đổi)|đón\s+nhận|nhận)\b", re.I)
_DECIDED = re.compile(r"\b(?:tặng|công\s+nhận|quyết\s+định)\b", re.I)
_FOR = re.compile(r"\s*(?:[^,;.]{0,60}?\s+)?cho\s+", re.I)
_CONTINUED = re.compile(r"^\s*(?:và\s+|đồng\s+thời\s+)?(?:xét\s+)?tặng\b", re.I)
# "Sở X được (Chủ tịch UBND tỉnh) tặng <award>": the unit before the verb receives it.
_GIVEN_TO_SUBJECT = re.compile(
    r"^[\s,]*(?:(?:đã|được|cũng|vinh\s+dự|bình\s+bầu|nhất\s+trí|đề\s+nghị|đề\s+xuất"
    r"|xét|khen)\s+)*(?:(?:chủ\s+tịch\s+)?(?:ubnd|ủy\s+ban\s+nhân\s+dân)"
    r"(?:\s+(?:tỉnh|thành\s+phố))?\s+|thủ\s+tướng(?:\s+chính\s+phủ)?\s+"
    r"|bộ\s+trưởng\s+|bộ(?:\s+[^\s,;.]+){1,6}?\s+)?(?:tặng|đón\s+nhận|nhận)\s+$",
    re.I,
)


@dataclass
class RankSpan:
    """The units given one rank, and the stretch of text that speaks of them."""

    rank: int
    units: list[str]
    year: int | None
    start: int
    end: int


def _role_year(sentence, role, default):
    match = _ROLE_YEAR.match(sentence.match[role.end() :])
    if match:
        return int(match.group(1))
    return sentence.year_near(role.start(), role.end(), limit=400) or default


def _first_unit_after(sentence, pos, limit=None):
    for mention in sentence.units:
        within = mention.start >= pos and (limit is None or mention.start <= limit)
        if within and mention.kind == "unit":
            return mention
    return None


def read_roles(sentences, names, current_year):
    """Leader and deputy units by year, sorted by year, leader first."""
    roles = []

    def add(year, code, mention, implied=False):
        if mention is None or year is None:
            return
        for unit in names.names(mention):
            role = Role(year, code, unit, implied)
            same = [r for r in roles if _role_tuple(r) == _role_tuple(role)]
            if same and same[0].implied and not implied:
                roles.remove(same[0])  # stated outright somewhere else
                same = []
            if not same:
                roles.append(role)

    for sentence in sentences:
        text = sentence.match
        for role in _ROLE.finditer(text):
            code = "pho" if role.group("pho") else "truong"
            year = _role_year(sentence, role, current_year)
            if _HANDOVER.search(text[: role.start()][-60:]):
                giver, taker = _handover(sentence, role)
                add(year, code, taker)
                add(year - 1 if year else None, code, giver, implied=True)
                continue
            named = _NAMED_AFTER.match(text, role.end())
            unit = (
                _first_unit_after(sentence, named.end(), named.end()) if named else None
            )
            if unit is not None:
                add(year, code, unit)
                continue
            left = sentence.units_before(role.start())
            if left and _LINK_LEFT.match(text[left[-1].end : role.start()]):
                add(year, code, left[-1])
                continue
            if _PERSON_AFTER.match(text, role.end()):
                add(
                    year, code, _first_unit_after(sentence, role.end(), _tail_end(role))
                )
    return sorted(roles, key=lambda r: (r.year, r.role != "truong"))


def _tail_end(role):
    """Where the text after a role stops being about it: ".", "và" or another role."""
    text = role.string
    stops = [role.end() + 120, len(text)]
    for pattern in (_BREAK, _ROLE):
        found = pattern.search(text, role.end())
        if found:
            stops.append(found.start())
    return min(stops)


def _role_tuple(role):
    return (role.year, role.role, role.unit)


def _handover(sentence, role):
    text = sentence.match
    source = _FROM.search(text, role.end())
    target = _TO.search(text, source.end() if source else role.end())
    taker = _first_unit_after(sentence, target.end()) if target else None
    if source:
        giver = _first_unit_after(
            sentence, source.end(), target.start() if target else None
        )
    else:
        before = sentence.units_before(role.start())
        giver = before[-1] if before else None
    return giver, taker


def _rank_number(word):
    return int(word) if word.isdigit() else vocab.RANK_WORDS[word.lower()]


def read_rankings(sentences, names, review_year):
    """Ranks stated in the text, with the stretch of text each rank covers."""
    spans_by_sentence = {}
    for index, sentence in enumerate(sentences):
        text, spans = sentence.match, []
        for anchor in _RANK.finditer(text):
            rank = _rank_number(anchor.group(1))
            before = text[: anchor.start()]
            group = _GROUP_BEFORE.search(before)
            listed = _LIST_AFTER.match(text, anchor.end())
            units, start = [], anchor.start()
            left = sentence.units_before(anchor.start())
            if not group and left and _SUBJECT_GAP.match(text[left[-1].end : start]):
                units, start = names.names(left[-1]), left[-1].start
            elif listed:
                stop = _LIST_STOP.search(text, listed.end())
                end = stop.start() if stop else len(text)
                for mention in sentence.units_between(listed.end(), end):
                    if mention.kind == "unit":
                        units.extend(names.names(mention))
                start = group.start() if group else anchor.start()
            if not units:
                continue
            year = sentence.year_around(start) or review_year
            spans.append(RankSpan(rank, units, year, start, len(text)))
        for span, following in zip(spans, spans[1:], strict=False):
            span.end = following.start
        spans_by_sentence[index] = spans
    rankings = []
    for spans in spans_by_sentence.values():
        for span in spans:
            for unit in span.units:
                if span.year and not any(
                    r.unit == unit and r.year == span.year for r in rankings
                ):
                    rankings.append(Ranking(span.year, span.rank, unit))
    return sorted(rankings, key=lambda r: (r.year, r.rank)), spans_by_sentence


def _award_phrases(text):
    taken = []
    for code, pattern in _AWARDS:
        for match in pattern.finditer(text):
            if any(
                match.start() < end and start < match.end() for start, end, _ in taken
            ):
                continue
            taken.append((match.start(), match.end(), code))
    return sorted(taken)


def _status(clause):
    if _PROPOSED.search(clause):
        return "de_nghi"
    if _SUBMITTED.search(clause):
        return "trinh"
    if _PRESENTED.search(clause):
        return "da_trao"
    if _DECIDED.search(clause):
        return "da_quyet_dinh"
    return None


def _award_type(code, sentence, start, level):
    if code not in {"co_thi_dua", "bang_khen"}:
        return code
    authority = None
    for mention in sentence.units:
        if mention.end <= start and mention.kind in {"ministry", "authority"}:
            authority = mention
    if authority is not None and authority.kind == "ministry":
        scope = "bo"
    elif authority is not None and authority.core in {
        "Chính phủ",
        "Thủ tướng Chính phủ",
    }:
        scope = "chinh_phu"
    elif authority is not None and authority.core in {"UBND", "HĐND"}:
        scope = "tinh"
    else:
        scope = {"bo_nganh": "bo", "tinh": "tinh", "trung_uong": "chinh_phu"}.get(level)
    if scope is None:
        return None
    if code == "co_thi_dua":
        return f"co_thi_dua_{scope}"
    return {
        "bo": "bang_khen_bo",
        "tinh": "bang_khen_chu_tich_ubnd_tinh",
        "chinh_phu": "bang_khen_thu_tuong",
    }[scope]


def read_awards(sentences, names, rank_spans, review_year, level):
    """Awards with a named recipient; a proposal stays a proposal (status de_nghi)."""
    awards = []
    for index, sentence in enumerate(sentences):
        text = sentence.match
        phrases = _award_phrases(text)
        for number, (start, end, code) in enumerate(phrases):
            clause = text[:start].rsplit(";", 1)[-1]
            if _CONTINUED.match(clause):
                # "...; tặng Bằng khen ..." goes on with the verb before the ";".
                clause = text[:start]
            status = _status(clause)
            kind = _award_type(code, sentence, start, level)
            if status is None or kind is None:
                continue
            recipients, rank = [], None
            given = _FOR.match(text, end)
            if given:
                # "tặng Cờ thi đua và Bằng khen cho Sở X": both go to Sở X.
                later = [p[0] for p in phrases[number + 1 :] if p[0] >= given.end()]
                following = later[0] if later else len(text)
                stop = _LIST_STOP.search(text, given.end())
                limit = min(following, stop.start() if stop else len(text))
                for mention in sentence.units_between(given.end(), limit):
                    if mention.kind == "unit":
                        recipients.extend(names.names(mention))
            for span in rank_spans.get(index, []):
                if not recipients and span.start <= start < span.end:
                    recipients, rank = list(span.units), span.rank
            if not recipients:
                before = sentence.units_before(start)
                if before and _GIVEN_TO_SUBJECT.match(text[before[-1].end : start]):
                    recipients = names.names(before[-1])
            year = sentence.year_around(start) or review_year
            for unit in recipients:
                record = AwardRecord(year, kind, unit, status, rank)
                if year and record not in awards:
                    awards.append(record)
    return awards
