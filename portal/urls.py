"""URL configuration: the admin, a few plain views, then Wagtail's page tree."""

from django.conf import settings
from django.urls import include, path
from django.views.decorators.cache import cache_page
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from news import views
from news.feeds import ArticleAtomFeed, ArticleRssFeed
from news.sitemaps import PageSitemap
from search import views as search_views

SITEMAPS = {"pages": PageSitemap}
SITEMAP_CACHE_SECONDS = 60 * 60

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path(
        "sitemap.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("tim-kiem/", search_views.search, name="search"),
    path("rss/", ArticleRssFeed(), name="feed_rss"),
    path("atom/", ArticleAtomFeed(), name="feed_atom"),
    path(
        "rss/<str:scope>/<slug:slug>/",
        ArticleRssFeed(),
        name="feed_rss_scoped",
    ),
    path(
        "atom/<str:scope>/<slug:slug>/",
        ArticleAtomFeed(),
        name="feed_atom_scoped",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
