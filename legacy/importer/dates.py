"""Dates: the publication date line, the event's dates, and dates of cited documents."""

import datetime
import re
from dataclasses import dataclass

from legacy.importer.records import DocumentRef
from legacy.importer.text import capitalise, sentence_spans
from news.text import clean_inline

_D = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)"
_TO = r"\s*(?:-|–|đến(?:\s+ngày)?|và|,)\s*"
_NOT_AFTER_NUMBER = r"(?<![\d/.])"
# Longest forms first: a range must not be read as its last day alone.
_MENTIONS = [
    ("full_range", re.compile(rf"{_NOT_AFTER_NUMBER}{_D}{_TO}{_D}(?!\d)", re.I)),
    (
        "month_range",
        re.compile(
            rf"{_NOT_AFTER_NUMBER}(\d{{1,2}})\s*/\s*(\d{{1,2}}){_TO}{_D}(?!\d)", re.I
        ),
    ),
    ("day_range", re.compile(rf"{_NOT_AFTER_NUMBER}(\d{{1,2}}){_TO}{_D}(?!\d)", re.I)),
    ("single", re.compile(rf"{_NOT_AFTER_NUMBER}{_D}(?!\d)")),
    (
        "verbal",
        re.compile(
            r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)", re.I
        ),
    ),
    (
        "no_year",
        re.compile(rf"{_NOT_AFTER_NUMBER}(\d{{1,2}})\s*/\s*(\d{{1,2}})(?![\d/])"),
    ),
]
_TIME_OF_DAY = re.compile(
    r"\b(sáng|chiều|tối|trưa)\s+(?:nay\s+)?(?:hôm\s+nay\s+)?(?:ngày\s+)?\(?\s*$", re.I
)
# The words that may open a sentence before the date of the event it reports.
_OPENING = re.compile(
    r"^[\s(]*(?:(?:vào|trong|từ|hôm|nay|sáng|chiều|tối|trưa|ngày|hai|ba|\d+|các)\s+)*$",
    re.I,
)
_HELD_ON = re.compile(
    r"\b(?:tổ\s+chức|diễn\s+ra|tiến\s+hành|khai\s+mạc|họp)\s+(?:vào\s+)?"
    r"(?:(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?$",
    re.I,
)
_DOCUMENT_BEFORE = re.compile(
    r"(?:\d+\s*[/-]\s*[\w&.-]*[^\W\d_][\w&./-]*"
    r"|\b(?:công\s+văn|chỉ\s+thị|quyết\s+định|nghị\s+quyết|nghị\s+định|kế\s+hoạch"
    r"|thông\s+báo|hướng\s+dẫn|thông\s+tư|luật|văn\s+bản|tờ\s+trình|báo\s+cáo"
    r"|công\s+điện|quy\s+chế)(?:\s+số)?)"
    r"\s*,?\s*(?:(?:ban\s+hành|ký)\s+)?(?:ngày\s+)?$",
    re.I,
)
_PERIOD_BEFORE = re.compile(
    r"\b(?:thời\s+điểm|tính\s+đến|tính\s+từ|kể\s+từ|đến\s+hết|hiệu\s+lực|trước|sau|"
    r"hạn|chậm\s+nhất)\s+(?:từ\s+)?(?:ngày\s+)?$",
    re.I,
)
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?\s*(?:SA|CH|AM|PM)?"
_DATE_LINE = re.compile(
    rf"^(?:{_TIME}\s*[,|-]?\s*)?"
    r"(?:(?:thứ\s+\w+|chủ\s+nhật)\s*[,-]?\s*)?"
    r"(?:(?:ngày\s+(?:đăng|cập\s+nhật|xuất\s+bản)|cập\s+nhật|đăng\s+ngày|ngày\s+đăng"
    r"|posted|published|updated|ngày)\s*(?:lúc\s*)?:?\s*)?"
    rf"(?:(?:lúc\s*)?{_TIME}\s*[,|-]?\s*(?:ngày\s+)?)?"
    rf"\(?\s*(?:{_D}|ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+(\d{{4}}))\s*\)?"
    rf"(?:\s*[,|-]?\s*(?:lúc\s*)?{_TIME})?"
    # Portals print counters after the date: "| Lượt xem: 120".
    r"(?:\s*\|\s*[^|\d]{0,30}\d*)*\s*$",
    re.I,
)
_DOCUMENT = re.compile(
    r"\b(?P<kind>công\s+văn|chỉ\s+thị|quyết\s+định|nghị\s+quyết|nghị\s+định|kế\s+hoạch"
    r"|thông\s+báo|hướng\s+dẫn|thông\s+tư|luật|tờ\s+trình|báo\s+cáo|công\s+điện)"
    r"\s+(?:số\s+)?(?P<number>\d+[\w&.-]*[/-][\w&./-]*[^\W_])"
    rf"(?:\s*,?\s*(?:ban\s+hành\s+|ký\s+)?ngày\s+(?P<date>{_D}))?",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date or a range of dates written in a sentence."""

    start: int
    end: int
    first: datetime.date | None
    last: datetime.date | None
    has_year: bool = True


def make_date(day, month, year):
    """A date, or None when the numbers do not make one."""
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _read(kind, groups, default_year):
    if kind == "full_range":
        return make_date(*groups[:3]), make_date(*groups[3:])
    if kind == "month_range":
        d1, m1, d2, m2, year = groups
        return make_date(d1, m1, year), make_date(d2, m2, year)
    if kind == "day_range":
        d1, d2, month, year = groups
        return make_date(d1, month, year), make_date(d2, month, year)
    if kind == "no_year":
        if default_year is None:
            return None, None
        day = make_date(*groups, default_year)
        return day, day
    day = make_date(*groups)
    return day, day


def date_mentions(text, default_year=None):
    """Dates and ranges in ``text``; dates without a year take ``default_year``."""
    found, taken = [], []
    for kind, pattern in _MENTIONS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            first, last = _read(kind, match.groups(), default_year)
            if first is None or last is None or last < first:
                continue
            taken.append(match.span())
            found.append(
                DateMention(match.start(), match.end(), first, last, kind != "no_year")
            )
    return sorted(found, key=lambda mention: mention.start)


def date_line(text):
    """The date when ``text`` is only a date ("09/01/2019", "Thứ Tư, 9/1/2019")."""
    match = _DATE_LINE.match(clean_inline(text))
    if not match:
        return None
    groups = [g for g in match.groups() if g is not None]
    return make_date(*groups[:3])


def _is_document_or_period(before):
    return bool(_DOCUMENT_BEFORE.search(before) or _PERIOD_BEFORE.search(before))


def event_dates(paragraphs, publication_date=None):
    """The event's first and last day and time of day, read from the body.

    The lead paragraph may give the date anywhere; later paragraphs only count when
    the date opens a sentence or follows "tổ chức", since they also cite documents
    and census dates.
    """
    year = publication_date.year if publication_date else None
    for index, paragraph in enumerate(paragraphs):
        for start, end in sentence_spans(paragraph):
            sentence = paragraph[start:end]
            for mention in date_mentions(sentence, year):
                before = sentence[: mention.start]
                if _is_document_or_period(before[-90:]):
                    continue
                tail = before[-30:]
                time_of_day = _TIME_OF_DAY.search(tail)
                opening = _OPENING.match(before) is not None
                if index and not (opening or time_of_day or _HELD_ON.search(tail)):
                    continue
                if not mention.has_year and not (opening or time_of_day):
                    continue
                first, last = mention.first, mention.last
                if (
                    not mention.has_year
                    and publication_date
                    and first > publication_date
                ):
                    first = last = make_date(first.day, first.month, first.year - 1)
                word = time_of_day.group(1).lower() if time_of_day else None
                return first, last, word, (index, start, end)
    return None, None, None, None


def documents(text):
    """Documents cited in ``text`` with their number and date when written."""
    found = []
    for match in _DOCUMENT.finditer(text):
        when = None
        if match.group("date"):
            when = make_date(*re.match(_D, match.group("date")).groups())
        kind = capitalise(clean_inline(match.group("kind")).lower())
        number = match.group("number")
        found.append(DocumentRef(kind, number, when, clean_inline(match.group(0))))
    return found
