"""URL configuration: the admin, a few plain views, then Wagtail's page tree."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from news import views
from news.feeds import ArticleAtomFeed, ArticleRssFeed

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("tim-kiem/", views.search, name="search"),
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
