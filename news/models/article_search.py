"""What the search index holds of an article besides its own text."""

from .blocs import BlocPage


def _with_related(manager, field):
    """``manager.all()``, joined to ``field`` unless it was prefetched (or is a
    modelcluster relation held in memory, as in a preview or a publish)."""
    items = manager.all()
    if getattr(items, "_result_cache", None) is None and hasattr(items, "query"):
        items = items.select_related(field)
    return items


class ArticleSearchMixin:
    """The names an article is found by: its bloc's, its units', its kinds'."""

    def search_context(self):
        """What the search index knows of the article besides its own text: the
        names and aliases of its bloc, of the units it names and of its author's
        unit, its event kinds and its tags. A citizen who searches a bloc's or a
        unit's other name finds its news."""
        parts = []
        bloc = BlocPage.objects.filter(
            path=self.path[: -self.steplen], depth=self.depth - 1
        ).first()
        if bloc is not None:
            parts += [bloc.title, bloc.short_name, *bloc.alias_list]
        links = _with_related(self.organizations, "organization")
        units = [link.organization for link in links]
        if self.byline_unit_id:
            units.append(self.byline_unit)
        for unit in units:
            parts += [unit.name, unit.short_name, *unit.alias_list]
        activities = _with_related(self.activities, "event_kind")
        parts += [activity.event_kind.name for activity in activities]
        parts += [tag.name for tag in self.tags.all()]
        return "\n".join(part for part in parts if part)

    @classmethod
    def get_indexed_objects(cls):
        """What update_index and reindex_articles read, with the relations
        search_context needs, so a batch costs a few queries, not a few per page."""
        return (
            super()
            .get_indexed_objects()
            .select_related("byline_unit")
            .prefetch_related(
                "organizations__organization", "activities__event_kind", "tags"
            )
            .order_by("pk")
        )
