"""Entry points: a legacy article, as plain text or a saved HTML page, to facts."""

import codecs
import re
import unicodedata

from legacy.importer import dates
from legacy.importer.bloc import member_count, read_bloc, read_level
from legacy.importer.byline import byline_parts
from legacy.importer.context import ArticleText
from legacy.importer.events import read_activities
from legacy.importer.layout import lay_out, lines_from_text
from legacy.importer.records import ParsedArticle, ParseError
from legacy.importer.roles import read_awards, read_rankings, read_roles
from legacy.importer.text import (
    has_vietnamese,
    is_vni,
    key,
    prepare,
    sentences,
)
from legacy.importer.units import find_units, province_list_at
from legacy.importer.webpage import lines_from_html
from news.text import modern_tones

__all__ = ["ParseError", "ParsedArticle", "parse_html", "parse_text"]

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b)", re.I)
_DATA_START = re.compile(r"^\s*(?:<\?xml|[{\[])")
_COMPOSITION = re.compile(
    r"(?:(?:gồm|bao\s+gồm)\s+(?:\d+|các)\s+tỉnh(?:,?\s*thành\s+phố)?\s*:?"
    r"|\bcác\s+tỉnh(?:,?\s*thành\s+phố)?\s*:)\s*",
    re.I,
)
_VENUE = re.compile(
    r"\btại\s+(?!(?:hội\s+nghị|buổi|lễ|đây|đó|đơn\s+vị|cuộc|các|mỗi|từng|cơ\s+sở"
    r"|địa\s+phương|địa\s+bàn)\b)",
    re.I,
)
_VENUE_END = re.compile(
    r"[,;.(]|\s+(?:đã\s+)?(?:long\s+trọng\s+)?(?:tổ\s+chức|diễn\s+ra|tiến\s+hành"
    r"|khai\s+mạc)\b|\s+(?:khối|cụm)\s+thi\s+đua\b",
    re.I,
)
_VENUE_PLACE = re.compile(
    r"(?:(?:hội\s+trường|trụ\s+sở|phòng\s+họp)\s+(?:của\s+)?)?", re.I
)
_HOSTS = re.compile(
    r"^\s*(?:đã\s+)?(?:long\s+trọng\s+)?(?:tổ\s+chức|đăng\s+cai(?:\s+tổ\s+chức)?"
    r"|chủ\s+trì\s+tổ\s+chức)\b(?!\s+(?:thực\s+hiện|triển\s+khai))",
    re.I,
)
_HOSTED_BY = re.compile(r"\bdo\s+$", re.I)
_ORGANISED = re.compile(r"\s*(?:đăng\s+cai\s+)?tổ\s+chức", re.I)
_LEAD_LIMIT = 400


def parse_text(text, *, file_name=""):
    """Parse an article saved as plain text, as the seed files are."""
    text = _decode(text)
    if _HTML_START.match(text):
        return parse_html(text, file_name=file_name)
    text = prepare(text)
    _check_readable(text)
    return _parse(lines_from_text(text), file_name, explicit_images=False)


def parse_html(html, *, file_name=""):
    """Parse an article page saved from the old Liferay or SharePoint portals."""
    if isinstance(html, bytes) and b"\x00" in html:
        raise ParseError("binary data: the file contains NUL bytes")
    if not isinstance(html, bytes | str):
        raise ParseError(f"expected text, got {type(html).__name__}")
    lines = lines_from_html(html)
    _check_readable("\n".join(line.text for line in lines))
    return _parse(lines, file_name, explicit_images=True)


def _decode(data):
    if isinstance(data, bytes):
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            # Windows tools save "Unicode" text as UTF-16, full of NUL bytes.
            return data.decode("utf-16")
        if b"\x00" in data:
            raise ParseError("binary data: the file contains NUL bytes")
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ParseError(f"binary data or an unknown encoding: {error}") from None
    if not isinstance(data, str):
        raise ParseError(f"expected text, got {type(data).__name__}")
    return data


def _check_readable(text):
    if not text.strip(" \t\n\u00a0\u200b\ufeff"):
        raise ParseError("empty input: there is no text")
    odd = sum(
        1
        for char in text
        if char == "\ufffd"
        or (unicodedata.category(char) in {"Cc", "Cs", "Co"} and char not in "\n\t")
    )
    if "\x00" in text or odd > max(3, len(text) // 100):
        raise ParseError("binary data: the input is full of control characters")
    letters = sum(char.isalpha() for char in text)
    if letters < 10:
        raise ParseError("no words: the input has almost no letters")
    if _DATA_START.match(text):
        raise ParseError("not an article: the input is XML or JSON data")
    if is_vni(text):
        raise ParseError("legacy encoding: the text is in VNI; convert it to Unicode")
    if not has_vietnamese(text):
        raise ParseError("not Vietnamese: no Vietnamese letters (diacritics lost?)")


def _parse(lines, file_name, explicit_images):
    layout = lay_out(lines, explicit_images)
    paragraphs = [item.text for item in layout.body if item.kind == "paragraph"]
    start, end, time_of_day, where = dates.event_dates(
        paragraphs, layout.publication_date
    )
    blocks = [("title", layout.title)] + [(i.kind, i.text) for i in layout.body]
    article = ArticleText.build(blocks)
    bloc = read_bloc(article.sentences)
    activities = read_activities(article.sentences, start.year if start else None)
    years = sorted({a.year for a in activities})
    current = years[-1] if years else (start.year if start else None)
    reviewed = [a.year for a in activities if a.kind in {"tong_ket", "binh_xet"}]
    review = min(reviewed) if reviewed else (years[0] if years else current)
    members_seen = [
        m
        for s in article.sentences
        for m in s.units
        if m.kind == "unit" and m.specific and not m.position
    ]
    composition = _composition(article)
    level, organiser = read_level(article, members_seen, bloc.name, composition)
    roles = read_roles(article.sentences, article.names, current)
    rankings, spans = read_rankings(article.sentences, article.names, review)
    awards = read_awards(article.sentences, article.names, spans, review, level)
    members = _members(article, roles, rankings, awards)
    event_sentence = paragraphs[where[0]][where[1] : where[2]] if where else None
    venue_raw, venue_unit = _venue(article, event_sentence)
    author_name, author_unit = _author(layout.byline, article)
    return ParsedArticle(
        file=file_name,
        title=layout.title,
        publication_date=layout.publication_date,
        event_date_start=start,
        event_date_end=end,
        event_time_of_day=time_of_day,
        venue_raw=venue_raw,
        venue_unit=venue_unit,
        host_unit=_host(article),
        byline_raw=layout.byline,
        author_name=author_name,
        author_unit=author_unit,
        section=layout.section,
        bloc_name=bloc.name,
        bloc_other_names=bloc.other_names,
        bloc_kind=bloc.kind,
        bloc_level=level if bloc.name else None,
        bloc_organiser=organiser if bloc.name else None,
        provinces=_provinces(article, composition, members, venue_unit),
        member_units_named=members,
        member_count_stated=member_count(article.sentences),
        roles=roles,
        event_kinds=activities,
        emulation_years=sorted(
            {*years, *(r.year for r in rankings), *(a.year for a in awards)}
        ),
        rankings=rankings,
        awards=awards,
        photo_captions=[i.text for i in layout.body if i.kind == "photo" and i.text],
        gallery_headings=[i.text for i in layout.body if i.kind == "gallery_heading"],
        lead=_lead(layout.body),
        body=layout.body,
        documents=_documents(paragraphs),
    )


def _author(byline, article):
    """The byline's person and unit, the unit named as elsewhere in the article."""
    if not byline:
        return None, None
    name, unit = byline_parts(byline)
    mentions = find_units(modern_tones(unit)) if unit else []
    if mentions and mentions[0].start == 0:
        names = article.names.names(mentions[0])
        unit = names[0] if len(names) == 1 else unit
    return name, unit


def _members(article, roles, rankings, awards):
    """Member units: listed ones, then role holders, ranked, awarded, then others."""
    found, seen = [], set()

    def add(names):
        for name in names:
            if key(name) not in seen:
                seen.add(key(name))
                found.append(name)

    mentions = [m for s in article.sentences for m in s.units if m.kind == "unit"]
    for mention in mentions:
        if mention.qualifier == "list":
            add(article.names.names(mention))
    add(r.unit for r in roles)
    add(r.unit for r in rankings)
    add(a.recipient for a in awards)
    for mention in mentions:
        if not mention.position:
            add(article.names.names(mention))
    return found


def _composition(article):
    """Provinces listed as the bloc's make-up ("gồm 7 tỉnh: Lạng Sơn; Lai Châu ...")."""
    found = []
    for sentence in article.sentences:
        for listed in _COMPOSITION.finditer(sentence.match):
            found.extend(province_list_at(sentence.match, listed.end())[0])
        for mention in sentence.units:
            if mention.kind == "unit" and mention.qualifier == "list":
                found.extend(mention.provinces)
    return list(dict.fromkeys(found))


def _provinces(article, composition, members, venue_unit):
    """Provinces the bloc spans: its stated composition, then its units' provinces."""
    found = list(composition)
    member_keys = {key(m) for m in [*members, venue_unit or ""]}
    for sentence in article.sentences:
        for mention in sentence.units:
            names = article.names.names(mention) if mention.kind == "unit" else []
            home = mention.kind == "authority" and mention.core in {"UBND", "HĐND"}
            if home or any(key(n) in member_keys for n in names):
                found.extend(mention.provinces)
    return list(dict.fromkeys(found))


def _venue(article, event_sentence):
    """Where the event took place ("tại Sở ... tỉnh Sơn La") and the unit, if one."""
    candidates = [s for s in article.body() if s.text == event_sentence]
    if not candidates:
        first_block = min(
            (s.block for s in article.body() if s.source == "paragraph"), default=None
        )
        candidates = [s for s in article.body() if s.block == first_block]
    for sentence in candidates:
        for match in _VENUE.finditer(sentence.match):
            if any(m.start < match.start() < m.end for m in sentence.units):
                continue
            stop = _VENUE_END.search(sentence.match, match.end())
            end = stop.start() if stop else len(sentence.match)
            if not 0 < end - match.end() <= 100:
                continue
            place = _VENUE_PLACE.match(sentence.match, match.end()).end()
            unit = next((m for m in sentence.units if m.start == place), None)
            names = article.names.names(unit) if unit else []
            return sentence.text[match.start() : end].strip(), (
                names[0] if names else None
            )
    return None, None


def _host(article):
    """The unit the title or lead says organised the event ("Sở X tổ chức ...")."""
    first_block = min(
        (s.block for s in article.body() if s.source == "paragraph"), default=None
    )
    for sentence in article.sentences:
        if sentence.source != "title" and sentence.block != first_block:
            continue
        for mention in sentence.units:
            if mention.kind != "unit" or mention.position:
                continue
            after = sentence.match[mention.end :]
            hosted_by = _HOSTED_BY.search(sentence.match[: mention.start])
            if _HOSTS.match(after) or (hosted_by and _ORGANISED.match(after)):
                names = article.names.names(mention)
                if names:
                    return names[0]
    return None


def _lead(body):
    """The first paragraph, or its first sentence or two when it is long."""
    paragraphs = [item.text for item in body if item.kind == "paragraph"]
    if not paragraphs:
        return next((item.text for item in body if item.text), "")
    lead = paragraphs[0]
    if len(lead) <= _LEAD_LIMIT:
        return lead
    parts = sentences(lead)
    chosen = parts[:1]
    if len(parts) > 1 and len(chosen[0]) + len(parts[1]) < _LEAD_LIMIT:
        chosen.append(parts[1])
    return " ".join(chosen)


def _documents(paragraphs):
    found = {}
    for paragraph in paragraphs:
        for document in dates.documents(paragraph):
            found.setdefault(document.number, document)
    return list(found.values())
