from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The news portal: pages, emulation-bloc data, public views."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Emulation news")

    def ready(self):
        from django.db.models.signals import post_migrate

        from news import signals

        post_migrate.connect(signals.index_vocabularies, sender=self)
