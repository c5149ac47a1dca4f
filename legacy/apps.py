from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    """The old portals: the importer, the redirects from their addresses and
    the import review."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "legacy"
    verbose_name = _("Old portals")

    def ready(self):
        from legacy import signals  # noqa: F401
