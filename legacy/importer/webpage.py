"""Saved article pages (Liferay Asset Publisher, SharePoint) read as layout lines."""

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from legacy.importer.layout import Line
from legacy.importer.text import is_tcvn3, prepare
from news.text import clean_inline

_DROP_TAGS = [
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
    "form", "button", "input", "select", "textarea", "link", "meta", "nav", "footer",
    "aside", "map", "head",
]  # fmt: skip
# Class and id tokens of portal furniture on both CMSs. Matched whole, so that a
# wrapper such as SharePoint's "s4-workspace" (which holds the article) survives.
_CHROME_CLASS = re.compile(
    r"^(?:breadcrumbs?|nav|navbar|navigation|menu|[\w-]+-menu|menu-[\w-]+|sidebar"
    r"|footer|banner|portlet-topper|portlet-title[\w-]*|header-back-to|related[\w-]*"
    r"|other-news|tin-?khac|[\w-]*social[\w-]*|share[\w-]*|print[\w-]*|ms-skip"
    r"|ms-hidden|ms-hide|s4-notdlg|paging|pagination|comments?|lfr-meta-actions"
    r"|taglib-asset-links|asset-links|skip[\w-]*)$",
    re.I,
)
_CHROME_ID = re.compile(
    r"^(?:s4-ribbonrow|s4-titlerow|s4-topheader2?|suitebar[\w-]*|deltatopnavigation"
    r"|deltaplaceholderleftnavbar|sidenavbox|s4-leftpanel|ms-designer-ribbon|banner"
    r"|navigation|breadcrumbs?|footer|skip[\w-]*|[\w-]*skiplink[\w-]*)$",
    re.I,
)
_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section",
    "article", "figure", "figcaption", "blockquote", "ul", "ol", "dl", "dt", "dd",
    "header", "main", "center", "td", "th", "pre", "address", "caption", "body",
}  # fmt: skip
_TITLE_SELECTORS = [
    "h1",
    ".header-title",
    ".asset-title",
    ".page-title",
    ".article-title",
    "#DeltaPlaceHolderPageTitleInTitleArea",
    ".ms-core-pageTitle",
    ".title",
]
_ROOT_SELECTORS = [
    "article", ".asset-full-content", ".journal-content-article", "[role=main]",
    "main", "#DeltaPlaceHolderMain", ".ms-rtestate-field", "#content", ".content",
]  # fmt: skip
_ICON = re.compile(
    r"icon|spacer|blank|pixel|logo|print|email|rss|facebook|zalo|twitt", re.I
)
_SITE_SUFFIX = re.compile(r"\s+[-|–]\s+[^-|–]{2,60}$")


def lines_from_html(html):
    """``Line`` objects for the article in an HTML page, title first."""
    soup = BeautifulSoup(html, "html.parser")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    _remove_chrome(soup)
    title = _find_title(soup)
    root = _find_root(soup, title)
    reader = _Reader(title, is_tcvn3(soup.get_text(" ")))
    reader.walk(root)
    lines = reader.finish()
    if not any(line.hint == "title" for line in lines):
        fallback = title.get_text(" ", strip=True) if title else ""
        fallback = fallback or _SITE_SUFFIX.sub("", page_title)
        if fallback:
            lines.insert(0, Line(clean_inline(prepare(fallback)), hint="title"))
    return lines


def _remove_chrome(soup):
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        classes = tag.get("class") or []
        hidden = re.search(r"display\s*:\s*none", tag.get("style", "") or "", re.I)
        if (
            hidden
            or tag.get("aria-hidden") == "true"
            or tag.get("role") in {"navigation", "banner", "contentinfo", "search"}
            or any(_CHROME_CLASS.match(c) for c in classes)
            or _CHROME_ID.match(tag.get("id", "") or "")
        ):
            tag.decompose()


def _find_title(soup):
    for selector in _TITLE_SELECTORS:
        for tag in soup.select(selector):
            if len(tag.get_text(" ", strip=True).split()) >= 3:
                return tag
    return None


def _find_root(soup, title):
    for selector in _ROOT_SELECTORS:
        for tag in soup.select(selector):
            if len(tag.get_text(" ", strip=True)) >= 200:
                if title is not None and title not in tag.descendants:
                    # Keep the title with the text when it sits just outside the root.
                    parent = tag.parent
                    while parent is not None and title not in parent.descendants:
                        parent = parent.parent
                    return parent or tag
                return tag
    return soup.body or soup


class _Reader:
    """Walks the DOM in reading order and collects lines, images and captions."""

    def __init__(self, title, tcvn3):
        self.title = title
        self.tcvn3 = tcvn3
        self.lines = []
        self.buffer = []

    def flush(self, hint=None):
        raw = "".join(self.buffer)
        self.buffer = []
        for part in raw.split("\n"):
            text = clean_inline(prepare(part, self.tcvn3))
            if text:
                self.lines.append(Line(text, hint=hint))

    def blank(self):
        self.flush()
        if self.lines and not self.lines[-1].blank:
            self.lines.append(Line(""))

    def walk(self, node, hint=None):
        for child in node.children:
            if isinstance(child, NavigableString):
                self.buffer.append(str(child).replace("\n", " "))
            elif isinstance(child, Tag):
                self.visit(child, hint)

    def visit(self, tag, hint):
        name = tag.name
        if tag is self.title:
            self.blank()
            self.walk(tag)
            self.flush(hint="title")
            self.blank()
        elif name == "br":
            self.buffer.append("\n")
        elif name == "img":
            self._image(tag)
        elif name == "figcaption":
            self.flush()
            self.walk(tag, "caption")
            self.flush(hint="caption")
            self.blank()
        elif name in _BLOCKS:
            self.flush(hint)
            self.walk(tag, hint)
            self.flush(hint)
            if name not in {"td", "th", "li", "dt", "dd"}:
                self.blank()
        else:
            self.walk(tag, hint)

    def _image(self, tag):
        source = tag.get("src", "") or ""
        sizes = [tag.get("width", ""), tag.get("height", "")]
        small = any(str(s).isdigit() and int(s) < 40 for s in sizes)
        if small or _ICON.search(source) or not source:
            return
        self.blank()
        alt = clean_inline(prepare(tag.get("alt", "") or "", self.tcvn3)) or None
        self.lines.append(Line("", image=True, alt=alt))

    def finish(self):
        self.flush()
        return self.lines
