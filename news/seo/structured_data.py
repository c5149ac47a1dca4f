"""JSON-LD of the pages (schema.org): NewsArticle, BreadcrumbList, WebSite."""

import json

from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from news.text import clean

# The search page, when no URL is named "search".
SEARCH_PATH = "/tim-kiem/"

# Characters that could end a <script> element or confuse an HTML parser,
# written as JSON escapes: json.loads() reads them back unchanged.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def script_json(data):
    """JSON safe inside a <script> element: no "</script>" can end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(_SCRIPT_ESCAPES))


def breadcrumb_list(pages, request, current_name, current_url):
    """A BreadcrumbList of the pages above, then the current page."""
    items = [
        (_("Home") if crumb.depth == 2 else crumb.title, crumb.get_full_url(request))
        for crumb in pages
    ]
    items.append((current_name, current_url))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": url}
            for n, (name, url) in enumerate(
                [(name, url) for name, url in items if url], start=1
            )
        ],
    }


def search_action(root_url):
    """The site search, for search engines that offer a search box."""
    try:
        path = reverse("search")
    except NoReverseMatch:
        path = SEARCH_PATH
    return {
        "@type": "SearchAction",
        "target": {
            "@type": "EntryPoint",
            "urlTemplate": f"{root_url}{path}?q={{search_term_string}}",
        },
        "query-input": "required name=search_term_string",
    }


def news_article(article, meta, images, publisher):
    """The NewsArticle of an article; empty fields are left out."""
    authors = []
    if article.byline_person:
        authors.append({"@type": "Person", "name": clean(article.byline_person)})
    if article.byline_unit:
        authors.append({"@type": "Organization", "name": article.byline_unit.name})
    data = {
        "@type": "NewsArticle",
        "@id": f"{meta.canonical}#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.canonical},
        "url": meta.canonical,
        "headline": meta.headline,
        "description": meta.description,
        "inLanguage": "vi",
        "image": images,
        "datePublished": meta.published_iso,
        "dateModified": meta.modified_iso,
        "author": authors or [publisher],
        "publisher": publisher,
        "articleSection": meta.section,
        "keywords": meta.tags,
        "isAccessibleForFree": True,
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def website(meta, root_url, publisher):
    """The WebSite of the home page, with its search."""
    return {
        "@type": "WebSite",
        "@id": f"{root_url}/#website",
        "url": f"{root_url}/",
        "name": meta.site_name,
        "description": meta.description,
        "inLanguage": "vi",
        "publisher": publisher,
        "potentialAction": search_action(root_url),
    }
