"""Development settings: ``make run`` on one machine, SQLite by default.

``DEBUG=false`` is honoured, so the Vietnamese error pages can be tried locally.
"""

import os
import warnings

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)

# Demo content and the benchmark's articles (load_demo, bench_articles):
# development and tests only, never installed in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

# A throwaway key: development data only. Production refuses to start without one.
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "dev-only-key-4f1d2c9a7e8b6d5c3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d"
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Without DEBUG, runserver stops serving static files; WhiteNoise then serves
# them straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

DEMO_ADMIN_ENABLED = True
