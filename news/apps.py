from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The news portal: pages, emulation-bloc data, public views."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Emulation news")

    def ready(self):
        from news import signals  # noqa: F401
