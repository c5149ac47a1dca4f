"""Filters of the public article lists, all in the query string so a filtered
list can be bookmarked and shared: ?kind=tong_ket&bloc=...&year=2018&page=2."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The model modules, not the news.models package: news/models/pages.py lists
# articles with this filter set, so it is imported while the package loads.
from news.models.article_parts import ArticleOrganization
from news.models.blocs import BlocPage
from news.models.records import FIRST_EMULATION_YEAR
from news.models.vocabularies import EventKind, Organization, Province


class YearFilter(django_filters.NumberFilter):
    """A whole year: "2018.5" is refused with a message, not read as 2018."""

    field_class = forms.IntegerField


class ArticleFilterSet(django_filters.FilterSet):
    """Event kind, bloc, emulation year, province and unit of an article."""

    kind = django_filters.ModelChoiceFilter(
        label=_("Event kind"),
        queryset=EventKind.objects.all(),
        to_field_name="code",
        method="filter_kind",
        empty_label=_("All kinds"),
    )
    bloc = django_filters.ModelChoiceFilter(
        label=_("Bloc"),
        queryset=BlocPage.objects.live().order_by("title"),
        to_field_name="slug",
        method="filter_bloc",
        empty_label=_("All blocs"),
    )
    year = YearFilter(
        label=_("Emulation year"),
        method="filter_year",
        min_value=FIRST_EMULATION_YEAR,
        max_value=2100,
    )
    province = django_filters.ModelChoiceFilter(
        label=_("Province"),
        queryset=Province.objects.all(),
        to_field_name="slug",
        method="filter_province",
        empty_label=_("All provinces"),
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        queryset=Organization.objects.all(),
        to_field_name="slug",
        method="filter_unit",
        empty_label=_("All units"),
    )

    def filter_kind(self, queryset, name, kind):
        return queryset.of_kind(kind)

    def filter_bloc(self, queryset, name, bloc):
        return queryset.descendant_of(bloc)

    def filter_year(self, queryset, name, year):
        return queryset.in_year(year)

    def filter_province(self, queryset, name, province):
        """A province of today includes the provinces merged into it in 2025."""
        provinces = [province.pk, *province.predecessors.values_list("pk", flat=True)]
        blocs = BlocPage.objects.filter(province__in=provinces).values_list(
            "path", flat=True
        )
        units = ArticleOrganization.objects.filter(
            organization__province__in=provinces
        ).values("page_id")
        condition = Q(pk__in=units)
        for path in blocs:
            condition |= Q(path__startswith=path)
        return queryset.filter(condition)

    def filter_unit(self, queryset, name, unit):
        return queryset.naming(unit)
