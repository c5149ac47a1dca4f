"""Signal handlers of the import's redirects."""

from django.dispatch import receiver
from wagtail.signals import page_published

from legacy.redirects import record_legacy_redirect
from news.models import ArticlePage


@receiver(page_published, sender=ArticlePage)
def redirect_original_address(sender, instance, **kwargs):
    """An original address an editor typed in the admin redirects here too, as
    the importer's do (legacy/redirects.py; an existing redirect is left alone)."""
    if instance.source_url:
        record_legacy_redirect(instance.source_url, instance)
