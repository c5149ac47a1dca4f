"""Settings of ``make bench``: production, with no cache.

The site caches nothing but image renditions and Wagtail's site root paths;
the benchmark measures pages as a cold cache serves them (every rendition and
site lookup goes to the database), the worst case of a shared Redis cache.
"""

from .production import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

# bench_articles writes the benchmark's articles: the demo app, here only.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
