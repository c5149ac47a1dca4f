"""Where an imported article's names lead: provinces, units, blocs, parents.

A name is matched to what the database holds (by its folded key, with and
without the province) before anything is created.
"""

import datetime
import re

from django.utils.translation import gettext as _

from news.models import BlocIndexPage, BlocPage, NewsIndexPage, Organization, Province
from news.models.vocabularies import PROVINCE_MERGER_DATE
from news.text import clean, name_key, slugify_vi

_PROVINCE_IN_NAME = re.compile(r"\b(?:tỉnh|thành phố|TP\.?)\s+(?P<name>[^,;()]+)$")
_ORGANIZATION_KINDS = [
    (re.compile(r"^(Ủy|Uỷ) ban nhân dân|^UBND"), Organization.Kind.PEOPLES_COMMITTEE),
    (re.compile(r"^Văn phòng"), Organization.Kind.OFFICE),
    (re.compile(r"^Sở "), Organization.Kind.PROVINCIAL_DEPARTMENT),
    (re.compile(r"^Bộ "), Organization.Kind.MINISTRY),
    (re.compile(r"^Vụ "), Organization.Kind.MINISTRY_DEPARTMENT),
    (
        re.compile(r"^(Cục|Kho [Bb]ạc|Chi cục|Ngân hàng)"),
        Organization.Kind.CENTRAL_AGENCY,
    ),
    (
        re.compile(r"^(Liên minh|Hội |Liên đoàn|Mặt trận|Đoàn |Hội Liên hiệp)"),
        Organization.Kind.ASSOCIATION,
    ),
    (re.compile(r"^(Ban |Tỉnh ủy|Đảng ủy)"), Organization.Kind.PARTY),
    (re.compile(r"^Hội đồng [Tt]hi đua"), Organization.Kind.COUNCIL),
]

# Units that never belong to a province, whatever the source portal.
CENTRAL_KINDS = {Organization.Kind.MINISTRY, Organization.Kind.MINISTRY_DEPARTMENT}


def _unit_keys(unit):
    """The keys a unit answers to: its names, with and without the province."""
    names = [unit.name, *unit.alias_list]
    return {name_key(n) for n in names} | {
        name_key(_PROVINCE_IN_NAME.sub("", n)) for n in names
    }


class Lookups:
    """Finds or creates the units and blocs an article names, caching units
    across a batch (``self._units``, set by the importer)."""

    def province_named(self, name, on_date):
        """The province of that name in force at the date (legacy: before 2025)."""
        candidates = list(Province.objects.filter(name__iexact=clean(name)))
        if not candidates:
            return None
        on_date = on_date or PROVINCE_MERGER_DATE - datetime.timedelta(days=1)
        in_force = [
            p
            for p in candidates
            if (p.valid_from is None or p.valid_from <= on_date)
            and (p.valid_until is None or on_date <= p.valid_until)
        ]
        return (in_force or candidates)[0]

    def organization(self, name, on_date, *, province=None):
        """The unit of that name: found by name or other name, else created.

        A unit written without its province ("Văn phòng UBND tỉnh") belongs to
        the source portal's province; central bodies (a ministry, its
        departments) belong to none.
        """
        name = clean(name)
        if not name:
            return None
        kind = self._organization_kind(name)
        match = _PROVINCE_IN_NAME.search(name)
        if province is None and match:
            province = self.province_named(match.group("name"), on_date)
        if province is None and not match and kind not in CENTRAL_KINDS:
            province = self.options.province
        keys = {name_key(name), name_key(_PROVINCE_IN_NAME.sub("", name))} - {""}
        cache_key = (frozenset(keys), province.pk if province else None)
        if cache_key in self._units:
            return self._units[cache_key]
        unit = next(
            (
                candidate
                for candidate in Organization.objects.filter(province=province)
                if keys & _unit_keys(candidate)
            ),
            None,
        )
        if unit is None:
            unit = Organization(
                name=name,
                slug=self._unique_slug(Organization, name, province),
                kind=kind,
                province=province,
            )
            unit.save()
        self._units[cache_key] = unit
        return unit

    def _organization_kind(self, name):
        for pattern, kind in _ORGANIZATION_KINDS:
            if pattern.search(name):
                return kind
        return Organization.Kind.OTHER

    def _unique_slug(self, model, name, province=None):
        base = slugify_vi(name, max_length=200)
        if province and not base.endswith(province.slug):
            base = f"{base}-{province.slug}"
        slug, number = base, 2
        while model.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def bloc(self, parsed, on_date, notes):
        """The article's bloc: the one named on the command line, else matched
        by name or other name, else created and flagged for review."""
        if self.options.bloc:
            return self.options.bloc
        names = [n for n in [parsed.bloc_name, *parsed.bloc_other_names] if n]
        if not names:
            return None
        keys = {name_key(n) for n in names}
        for bloc in BlocPage.objects.all():
            known = {name_key(bloc.title), *map(name_key, bloc.alias_list)}
            if keys & known:
                return bloc
        index = BlocIndexPage.objects.first()
        if index is None:
            notes.append(_("No bloc directory page exists to hold the new bloc."))
            return None
        organiser = (
            self.organization(parsed.bloc_organiser, on_date)
            if parsed.bloc_organiser
            else None
        )
        level = parsed.bloc_level or BlocPage.Level.PROVINCE
        bloc = BlocPage(
            title=clean(parsed.bloc_name),
            slug=self._unique_page_slug(index, parsed.bloc_name),
            kind=parsed.bloc_kind or BlocPage.Kind.BLOC,
            level=level,
            organiser=organiser,
            province=self.options.province
            if level == BlocPage.Level.PROVINCE
            else None,
            other_names="\n".join(clean(n) for n in parsed.bloc_other_names),
            needs_review=True,
            live=self.options.publish,
        )
        index.add_child(instance=bloc)
        revision = bloc.save_revision()
        if self.options.publish:
            revision.publish()
        notes.append(
            _("The bloc “%(bloc)s” was created: check it.") % {"bloc": bloc.title}
        )
        return bloc

    def _unique_page_slug(self, parent, title):
        base = slugify_vi(title)
        slug, number = base, 2
        siblings = set(parent.get_children().values_list("slug", flat=True))
        while slug in siblings:
            slug, number = f"{base}-{number}", number + 1
        return slug

    def parent_for(self, bloc):
        if bloc is not None:
            return bloc
        news = NewsIndexPage.objects.filter(slug="tin-tuc").first()
        return news or NewsIndexPage.objects.first()
