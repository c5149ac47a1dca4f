"""Admin registration: the emulation snippets, grouped under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news.models import AwardType, BlocYear, EventKind, Organization, Province


class ProvinceViewSet(SnippetViewSet):
    """Provinces before and after the 2025 merger."""

    model = Province
    icon = "site"
    menu_order = 500
    list_display = ["name", "kind", "valid_until", "merged_into"]
    list_filter = ["kind", "valid_until"]
    ordering = ["name", "valid_until"]
    list_per_page = 100


class OrganizationViewSet(SnippetViewSet):
    """Units: departments, committees, offices, associations."""

    model = Organization
    icon = "group"
    menu_order = 200
    list_display = ["name", "short_name", "kind", "province"]
    list_filter = ["kind", "province"]
    list_per_page = 50

    def get_queryset(self, request):
        return Organization.objects.select_related("province")


class EventKindViewSet(SnippetViewSet):
    """The controlled list of event kinds."""

    model = EventKind
    icon = "tag"
    menu_order = 300
    list_display = ["name", "code", "sort_order"]


class AwardTypeViewSet(SnippetViewSet):
    """The controlled list of emulation titles and forms of commendation."""

    model = AwardType
    icon = "pick"
    menu_order = 400
    list_display = ["name", "category", "level", "decided_by"]
    list_filter = ["category", "level"]


class BlocYearViewSet(SnippetViewSet):
    """One screen per bloc and year: members, roles, ranking, awards."""

    model = BlocYear
    icon = "date"
    menu_order = 100
    list_display = ["bloc", "year", "theme"]
    list_filter = ["year", "bloc"]

    def get_queryset(self, request):
        return BlocYear.objects.select_related("bloc")


class EmulationViewSetGroup(SnippetViewSetGroup):
    """The "Emulation" menu of the admin."""

    items = (
        BlocYearViewSet,
        OrganizationViewSet,
        EventKindViewSet,
        AwardTypeViewSet,
        ProvinceViewSet,
    )
    menu_icon = "pick"
    menu_label = _("Emulation")
    menu_name = "emulation"
    menu_order = 250


register_snippet(EmulationViewSetGroup)


import news.admin_images  # noqa: E402, F401  photos: reuse, alt text, activities
import news.admin_slugs  # noqa: E402, F401  Vietnamese letters in slugs
import news.admin_unsaved  # noqa: E402, F401  unsaved work, expired sessions
import news.admin_vietnamese  # noqa: E402, F401  Vietnamese admin texts
