"""Signal handlers: a new bloc gets its groups; seeded vocabularies get indexed."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search.index import insert_or_update_object

from news.models import AwardType, BlocPage, EventKind, Province
from news.permissions import ensure_bloc_groups


@receiver(post_save, sender=BlocPage)
def create_bloc_groups(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_bloc_groups(instance)


def index_vocabularies(sender, using="default", **kwargs):
    """Data migrations seed event kinds, award types and provinces without
    indexing them: index them, so the admin's choosers can search them."""
    for model in (EventKind, AwardType, Province):
        for item in model.objects.using(using).all():
            insert_or_update_object(item)
