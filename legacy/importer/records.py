"""What the parser returns: plain dataclasses, free of Django."""

import dataclasses
import datetime
from dataclasses import dataclass, field


class ParseError(ValueError):
    """Raised when a file is not an article; the message says why, in English."""


@dataclass(frozen=True)
class Role:
    """A unit's role in the bloc (truong, pho or thanh_vien) for one emulation year."""

    year: int
    role: str
    unit: str
    implied: bool = False


@dataclass(frozen=True)
class Activity:
    """An event kind the article reports, with the emulation year it concerns."""

    kind: str
    year: int
    in_title: bool


@dataclass(frozen=True)
class Ranking:
    """A unit's place in the bloc's ranking for one year; ties share a rank."""

    year: int
    rank: int
    unit: str


@dataclass(frozen=True)
class AwardRecord:
    """An award proposed, decided or presented to a unit for an achievement year."""

    year: int
    type: str
    recipient: str
    status: str
    rank: int | None = None


@dataclass(frozen=True)
class BodyItem:
    """One block of the body in reading order: paragraph, photo or gallery_heading."""

    kind: str
    text: str
    alt: str | None = None


@dataclass(frozen=True)
class DocumentRef:
    """A document the article cites, such as "Công văn số 10004/BKHĐT-TĐKT"."""

    kind: str
    number: str
    date: datetime.date | None
    raw: str


@dataclass
class ParsedArticle:
    """Everything the parser could read from one legacy article."""

    file: str
    title: str
    publication_date: datetime.date | None = None
    event_date_start: datetime.date | None = None
    event_date_end: datetime.date | None = None
    event_time_of_day: str | None = None
    venue_raw: str | None = None
    venue_unit: str | None = None
    host_unit: str | None = None
    byline_raw: str | None = None
    author_name: str | None = None
    author_unit: str | None = None
    section: str | None = None
    bloc_name: str | None = None
    bloc_other_names: list[str] = field(default_factory=list)
    bloc_kind: str | None = None
    bloc_level: str | None = None
    bloc_organiser: str | None = None
    provinces: list[str] = field(default_factory=list)
    member_units_named: list[str] = field(default_factory=list)
    member_count_stated: int | None = None
    roles: list[Role] = field(default_factory=list)
    event_kinds: list[Activity] = field(default_factory=list)
    emulation_years: list[int] = field(default_factory=list)
    rankings: list[Ranking] = field(default_factory=list)
    awards: list[AwardRecord] = field(default_factory=list)
    photo_captions: list[str] = field(default_factory=list)
    gallery_headings: list[str] = field(default_factory=list)
    lead: str = ""
    body: list[BodyItem] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)

    def as_dict(self):
        """The article as JSON-ready data: dates as ISO strings, records as dicts."""
        return _jsonable(dataclasses.asdict(self))


def _jsonable(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value
