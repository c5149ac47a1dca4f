"""sitemap.xml: a sitemap index naming files of at most LIMIT pages each.

One file holds at most 50,000 addresses (the sitemap protocol's limit, where
Django stops): at 100,000 articles half of them were in no sitemap, and the one
7 MB file took 8.6 s to build (make bench). Files are cached for an hour.
An article's <lastmod> is the day it last changed by news/dates.py
(``ArticlePage.get_sitemap_urls``), never the day it was imported.
"""

from wagtail.contrib.sitemaps import Sitemap


class PageSitemap(Sitemap):
    """Every live public page of the request's site, by tree order."""

    limit = 5000
