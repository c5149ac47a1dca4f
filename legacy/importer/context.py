"""The article as sentences with their unit mentions: what the fact readers share."""

import re
from dataclasses import dataclass, field

from legacy.importer.text import sentence_spans
from legacy.importer.units import UnitMention, UnitNames, find_units
from news.text import modern_tones

_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", re.I)


@dataclass
class Sentence:
    """One sentence of the title, a paragraph or a caption."""

    text: str
    source: str
    block: int
    units: list[UnitMention] = field(default_factory=list)

    def __post_init__(self):
        # Same length as ``text``: offsets found in one are valid in the other.
        self.match = modern_tones(self.text)
        self.units = find_units(self.match)

    def years_after(self, pos, limit=150):
        return [
            int(m.group(1))
            for m in _YEAR.finditer(self.match, pos)
            if m.start() - pos <= limit
        ]

    def year_near(self, start, end, limit=150):
        """The "năm YYYY" nearest after ``end``, else the last one before ``start``."""
        after = self.years_after(end, limit)
        if after:
            return after[0]
        before = [int(m.group(1)) for m in _YEAR.finditer(self.match[:start])]
        return before[-1] if before else None

    def year_around(self, pos):
        """The last "năm YYYY" before ``pos``, else the first one after it."""
        before = [int(m.group(1)) for m in _YEAR.finditer(self.match[:pos])]
        if before:
            return before[-1]
        after = self.years_after(pos, limit=len(self.match))
        return after[0] if after else None

    def units_before(self, pos):
        """Unit mentions (not authorities) that end before ``pos``, in order."""
        return [m for m in self.units if m.end <= pos and m.kind == "unit"]

    def units_between(self, start, end):
        return [m for m in self.units if start <= m.start and m.end <= end]


@dataclass
class ArticleText:
    """All sentences of an article, and the unit names they resolve to."""

    sentences: list[Sentence]
    names: UnitNames

    @classmethod
    def build(cls, blocks):
        """``blocks`` holds ``(source, text)`` pairs: the title first, then the body."""
        sentences = []
        for index, (source, text) in enumerate(blocks):
            spans = [(0, len(text))] if source == "title" else sentence_spans(text)
            for start, end in spans:
                sentences.append(Sentence(text[start:end], source, index))
        mentions = [m for s in sentences for m in s.units]
        provinces = {
            p
            for m in mentions
            if m.kind == "unit" and m.qualifier in {"province", "list"}
            for p in m.provinces
        }
        return cls(sentences, UnitNames(mentions, several_provinces=len(provinces) > 1))

    @property
    def several_provinces(self):
        return self.names.several_provinces

    def body(self):
        return [s for s in self.sentences if s.source != "title"]
