"""Signal handlers: a new bloc gets its groups; seeded vocabularies get indexed;
the search index follows an article's relations and its bloc's and units' names."""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published

from news.models import (
    ArticlePage,
    AwardType,
    BlocPage,
    EventKind,
    Organization,
    Province,
)
from news.permissions import ensure_bloc_groups
from news.tasks import reindex_articles

# The fields of a bloc or a unit that ArticlePage.search_context indexes.
NAME_FIELDS = {
    BlocPage: ("title", "short_name", "other_names"),
    Organization: ("name", "short_name", "other_names"),
    EventKind: ("name",),
}


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


@receiver(page_published, sender=ArticlePage)
def reindex_published_article(sender, instance, **kwargs):
    """Wagtail indexes a page when its row is saved, before modelcluster saves
    its units, activities and tags: index it again once they are saved."""
    insert_or_update_object(instance)


@receiver(pre_save, sender=BlocPage)
@receiver(pre_save, sender=Organization)
@receiver(pre_save, sender=EventKind)
def note_renaming(sender, instance, raw=False, update_fields=None, **kwargs):
    fields = NAME_FIELDS[sender]
    instance._renamed = False
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(fields):
        return  # e.g. a bloc's draft: save_revision() leaves the live names alone
    before = sender.objects.filter(pk=instance.pk).values_list(*fields).first()
    now = tuple(getattr(instance, field) for field in fields)
    instance._renamed = before is not None and before != now


@receiver(post_save, sender=BlocPage)
@receiver(post_save, sender=Organization)
@receiver(post_save, sender=EventKind)
def reindex_articles_of_renamed(sender, instance, raw=False, **kwargs):
    """A bloc's, unit's or event kind's new name or alias must find its articles."""
    if raw or not getattr(instance, "_renamed", False):
        return
    if sender is BlocPage:
        articles = ArticlePage.objects.descendant_of(instance)
    elif sender is EventKind:
        articles = ArticlePage.objects.of_kind(instance)
    else:
        articles = ArticlePage.objects.naming(instance)
    ids = list(articles.live().values_list("pk", flat=True).distinct())
    if ids:
        reindex_articles.enqueue(ids)
