"""Signal handlers: a new bloc gets its editors' and moderators' groups."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from news.models import BlocPage
from news.permissions import ensure_bloc_groups


@receiver(post_save, sender=BlocPage)
def create_bloc_groups(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_bloc_groups(instance)
