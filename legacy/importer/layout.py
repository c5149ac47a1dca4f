"""Page layout: title, header lines, body paragraphs, photos and byline.

Works on ``Line`` objects so that plain text and HTML go through the same rules; the
HTML reader only adds certainty (an ``<img>`` is a photo, a ``<figcaption>`` a caption).
"""

import datetime
import re
from dataclasses import dataclass, field

from legacy.importer import dates, vocab
from legacy.importer.byline import byline_parts, has_byline_prefix
from legacy.importer.records import BodyItem, ParseError
from legacy.importer.text import (
    is_blank_but_not_empty,
    key,
    sentences,
    starts_with_hard_space,
    word_count,
)
from news.text import clean_inline


@dataclass
class Line:
    """One line of the page, with what the source format tells about it."""

    text: str
    image: bool = False
    placeholder: bool = False
    hard_space: bool = False
    menu: bool = False
    alt: str | None = None
    hint: str | None = None

    @property
    def blank(self):
        return not self.text and not self.image


@dataclass
class Layout:
    """The parts of a page once chrome is gone."""

    title: str
    section: str | None = None
    publication_date: datetime.date | None = None
    byline: str | None = None
    body: list[BodyItem] = field(default_factory=list)


_GALLERY = re.compile(
    r"^(?:dưới\s+đây\s+là\s+)?(?:(?:một\s+số|các|những|chùm|bộ)\s+(?:hình\s+ảnh|hình|ảnh)"
    r"|(?:album|thư\s+viện)\s+ảnh)\b",
    re.I,
)
_INTRO = re.compile(
    r"^(?:tại|trong|sau|trước|kết\s+thúc|tiếp\s+đó|tiếp\s+theo|ngoài\s+ra|đồng\s+thời"
    r"|theo|với|năm\s+\d{4}|sáng|chiều|tối|ngày|hôm|vào|khai\s+mạc|phát\s+biểu"
    r"|thay\s+mặt|nhân\s+dịp|dịp|qua|thực\s+hiện|trên\s+cơ\s+sở|về|bên\s+cạnh"
    r"|cùng\s+với|như\s+vậy|nhìn\s+chung|tuy\s+nhiên|mặt\s+khác|để|nhằm|căn\s+cứ"
    r"|hưởng\s+ứng|được\s+biết|từ\s+đầu\s+năm)\b[^,]{0,70},",
    re.I,
)
# How sure the layout is that a picture stands next to a line.
_NO_HINT, _SOFT_HINT, _STRONG_HINT = range(3)
_LIST_ITEM = re.compile(r"^(?:[-+•*–]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)")
_CRUMB = re.compile(r"\s+[>»|]\s+")


def lines_from_text(text):
    """``Line`` objects for plain text as the seeds have it."""
    lines = []
    for raw in text.split("\n"):
        segments = [clean_inline(s) for s in re.split("[\u00a0\u202f]", raw)]
        segments = [s for s in segments if s]
        menu = len(segments) >= 2 and all(
            word_count(s) <= 12 and not s.endswith(".") for s in segments
        )
        lines.append(
            Line(
                clean_inline(raw),
                placeholder=is_blank_but_not_empty(raw),
                hard_space=starts_with_hard_space(raw),
                menu=menu,
            )
        )
    return lines


def is_chrome(text):
    """True for portal furniture such as "Skip to main content" or "Zurück"."""
    line_key = key(text)
    return line_key in vocab.CHROME_LINES or line_key.startswith(vocab.CHROME_PREFIXES)


def is_section_label(text):
    """True for a portal section such as "Tin trong tỉnh"."""
    line_key = key(text)
    if line_key in vocab.SECTION_LABELS:
        return True
    return bool(
        re.match(r"tin\s", line_key)
        and word_count(text) <= 5
        and not re.search(r"[\d.,:;]", text)
    )


def _crumbs(text):
    parts = _CRUMB.split(text)
    if len(parts) >= 2 and all(0 < word_count(p) <= 6 for p in parts):
        return parts
    return None


def lay_out(lines, explicit_images=False):
    """Split ``lines`` into title, header facts, body items and byline.

    With ``explicit_images`` (HTML) only text next to a picture can be a caption; plain
    text has lost its pictures, so a short line standing alone is taken for one.
    """
    lines = [Line("") if line.text and is_chrome(line.text) else line for line in lines]
    layout, body_start = _read_header(lines)
    body = [
        line
        for line in lines[body_start:]
        if not (line.text and layout.section and key(line.text) == key(layout.section))
    ]
    body = _cut_tail(body)
    while body and (body[-1].blank or body[-1].placeholder):
        body.pop()
    if body and not body[-1].image and dates.date_line(body[-1].text):
        when = dates.date_line(body.pop().text)
        layout.publication_date = layout.publication_date or when
    if body and not body[-1].image and byline_parts(body[-1].text):
        layout.byline = body.pop().text
    layout.body = _items(body, explicit_images)
    if not layout.body:
        raise ParseError("no article body after the title")
    return layout


def _read_header(lines):
    titled = [i for i, line in enumerate(lines) if line.hint == "title"]
    layout, title_index = Layout(title=""), None
    for index, line in enumerate(lines):
        if titled and index == titled[0]:
            title_index = index
            break
        if _header_fact(layout, line) or titled:
            continue
        if line.blank or line.placeholder or line.image:
            continue
        if key(line.text) in vocab.TAIL_HEADINGS or _crumbs(line.text):
            continue
        # One- and two-word lines before the title are portal labels ("Zurück").
        if word_count(line.text) < 3 and index + 1 < len(lines):
            continue
        title_index = index
        break
    if title_index is None:
        raise ParseError("no title: the text has no line that can be a title")
    title = lines[title_index].text
    if len(title) > 300 or not any(char.isalpha() for char in title):
        raise ParseError("no title: the first line of text is not a headline")
    layout.title = title
    index = title_index + 1
    while index < len(lines):
        line = lines[index]
        ahead = [i for i in range(index, min(index + 4, len(lines))) if lines[i].text]
        repeat = next((i for i in ahead if key(lines[i].text) == key(title)), None)
        if repeat is not None:
            # The lines between a title and its repeat are navigation (SharePoint).
            for between in lines[index:repeat]:
                _header_fact(layout, between)
            index = repeat + 1
            continue
        if line.blank or line.placeholder or line.menu or _header_fact(layout, line):
            index += 1
            continue
        break
    return layout, index


def _header_fact(layout, line):
    """Record a date, section or breadcrumb line of the header; False for others."""
    if line.image or not line.text:
        return False
    when = dates.date_line(line.text)
    if when:
        layout.publication_date = layout.publication_date or when
        return True
    if is_section_label(line.text):
        layout.section = layout.section or line.text
        return True
    crumbs = _crumbs(line.text)
    if crumbs:
        if is_section_label(crumbs[-1]):
            layout.section = layout.section or crumbs[-1]
        return True
    if has_byline_prefix(line.text) and byline_parts(line.text):
        layout.byline = layout.byline or line.text
        return True
    return False


def _cut_tail(body):
    seen_text = False
    for index, line in enumerate(body):
        if line.text and key(line.text) in vocab.TAIL_HEADINGS and seen_text:
            return body[:index]
        seen_text = seen_text or bool(line.text)
    return body


def is_gallery_heading(text):
    return bool(_GALLERY.match(text)) and word_count(text) <= 20 and len(text) <= 120


def _is_alt_of(first, second):
    """True when ``first`` is an image's alt text printed above its caption."""
    a, b = key(first), key(second)
    if not a or len(second) > 300:
        return False
    return a == b or (b.startswith(a) and word_count(first) >= 3)


def _caption_like(text, hint, first, standalone):
    """Whether ``text`` reads as a caption, given how sure the layout is of a picture.

    ``hint`` is strong next to a known picture, soft after a line of no-break spaces
    (often, but not always, where a picture was) and absent otherwise.
    """
    if (first and hint == _NO_HINT) or _LIST_ITEM.match(text) or _INTRO.match(text):
        return False
    if text.endswith((":", "./.")):
        return False
    if hint == _STRONG_HINT:
        return len(text) <= 300 and len(sentences(text)) <= 2
    longest = 200 if hint == _SOFT_HINT else 120
    return (
        (standalone or hint == _SOFT_HINT)
        and len(text) <= longest
        and word_count(text) <= longest // 5
        and len(sentences(text)) == 1
        and " đã " not in f" {text.lower()} "
        and not text.endswith(("!", "?", "…", "..."))
    )


def _plainly_paragraph(text):
    return (
        len(text) > 160
        or len(sentences(text)) > 1
        or bool(_INTRO.match(text))
        or " đã " in f" {text.lower()} "
        or text.endswith(":")
    )


def _continues(previous, text):
    return previous.endswith(",") or text.startswith("(") or text[:1].islower()


def _items(body, explicit_images):
    """Body items in reading order from the body lines."""
    builder = _ItemBuilder(explicit_images)
    run, hint_next = [], False
    for line in [*body, Line("")]:
        if line.image or line.blank or line.placeholder:
            builder.run(run, hint_next)
            run = []
            hint_next = line.placeholder
            if line.image:
                builder.image(line)
            continue
        if run and len(line.text) > 300 and key(run[-1].text) == key(line.text):
            continue  # a paragraph the old editor pasted twice
        run.append(line)
    builder.finish()
    return builder.items


class _ItemBuilder:
    """Turns runs of lines (between blank lines) into paragraphs, photos, headings."""

    def __init__(self, explicit_images):
        self.explicit_images = explicit_images
        self.items = []
        self.pending_image = None
        self.in_gallery = False
        self.caption = None
        self.caption_alt = None

    def image(self, line):
        self._flush_image()
        self.pending_image = line

    def _flush_image(self):
        if self.pending_image is not None:
            self.items.append(BodyItem("photo", "", self.pending_image.alt or None))
            self.pending_image = None

    def _close_caption(self):
        if self.caption is None:
            return
        text = "\n".join(self.caption)
        alt = self.caption_alt
        if alt is None and self.pending_image is not None:
            alt = self.pending_image.alt
        self.pending_image = None
        if alt and key(alt) == key(text):
            alt = None
        self.items.append(BodyItem("photo", text, alt or None))
        self.caption, self.caption_alt = None, None

    def run(self, lines, after_placeholder):
        strong_context = self.pending_image is not None
        soft_context = after_placeholder
        first_paragraph_seen = any(i.kind == "paragraph" for i in self.items)
        index = 0
        while index < len(lines):
            line = lines[index]
            text = line.text
            following = lines[index + 1].text if index + 1 < len(lines) else None
            if is_gallery_heading(text) and (len(lines) == 1 or following is None):
                self._close_caption()
                self._flush_image()
                self.items.append(BodyItem("gallery_heading", text))
                self.in_gallery = True
            elif following is not None and _is_alt_of(text, following):
                self._close_caption()
                self.caption_alt = text
                strong_context = True
            else:
                strong = (
                    strong_context
                    or line.hint == "caption"
                    or self.in_gallery
                    or self.caption_alt is not None
                )
                soft = soft_context or line.hard_space
                hint = _STRONG_HINT if strong else _SOFT_HINT if soft else _NO_HINT
                first = not first_paragraph_seen and self.caption is None
                # A short line between two long paragraphs stands alone too.
                neighbours = [
                    lines[i].text for i in (index - 1, index + 1) if 0 <= i < len(lines)
                ]
                standalone = not self.explicit_images and all(
                    _plainly_paragraph(n) for n in neighbours
                )
                if _caption_like(text, hint, first, standalone):
                    joined = self.caption is not None and (
                        strong_context
                        or soft_context
                        or _continues(self.caption[-1], text)
                    )
                    if joined:
                        self.caption.append(text)
                    else:
                        alt = self.caption_alt
                        self._close_caption()
                        self.caption, self.caption_alt = [text], alt
                else:
                    self._close_caption()
                    self._flush_image()
                    self.in_gallery = False
                    self.items.append(BodyItem("paragraph", text))
                    first_paragraph_seen = True
            index += 1
        self._close_caption()

    def finish(self):
        self._close_caption()
        self._flush_image()
