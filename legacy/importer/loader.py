"""Turn a parsed legacy article into pages, units, blocs and bloc years.

The parser (``legacy.importer.parser``) reads the old portals' text; this module
decides where things go in the database. Nothing here invents a fact: what the
text does not say stays empty and the article is flagged for review.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from html import escape

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from legacy.redirects import record_legacy_redirects
from news.models import (
    ArticleActivity,
    ArticleOrganization,
    ArticlePage,
    Award,
    AwardType,
    BlocIndexPage,
    BlocMembership,
    BlocPage,
    BlocRanking,
    BlocYear,
    EventKind,
    NewsIndexPage,
    Organization,
    Province,
)
from news.models.snippets import PROVINCE_MERGER_DATE
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


# How far an award has gone; "not approved" is an end like "presented".
AWARD_PROGRESS = [
    Award.Status.PROPOSED,
    Award.Status.SUBMITTED,
    Award.Status.REJECTED,
    Award.Status.DECIDED,
    Award.Status.PRESENTED,
]

# Units that never belong to a province, whatever the source portal.
CENTRAL_KINDS = {Organization.Kind.MINISTRY, Organization.Kind.MINISTRY_DEPARTMENT}


def _unit_keys(unit):
    """The keys a unit answers to: its names, with and without the province."""
    names = [unit.name, *unit.alias_list]
    return {name_key(n) for n in names} | {
        name_key(_PROVINCE_IN_NAME.sub("", n)) for n in names
    }


@dataclass
class ImportOptions:
    """What the command line adds to what the text says."""

    bloc: BlocPage | None = None
    province: Province | None = None
    publish: bool = False
    source_url: str = ""
    source_portal: str = ""
    #: Called as image_for(caption, number, article_title) -> PortalImage | None
    image_for: object = None


@dataclass
class ImportResult:
    """What happened to one file."""

    file: str
    action: str  # created / updated / unchanged / kept
    title: str = ""
    parent: str = ""
    notes: list = field(default_factory=list)
    page: ArticlePage | None = None
    #: legacy.redirects.RedirectOutcome for each old address of the article
    redirects: list = field(default_factory=list)


class ImportFailed(ValueError):
    """The article cannot be imported into this site as it is."""


def checksum(raw):
    return hashlib.sha256(raw).hexdigest()


class ArticleImporter:
    """Imports parsed articles, reusing units and blocs across a batch."""

    def __init__(self, options):
        self.options = options
        self._units = {}  # units already looked up in this batch
        # note stored on the article -> what the command line prints instead
        self.command_line_wording = {}

    # Lookups -----------------------------------------------------------------

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

    # Bloc years ----------------------------------------------------------------

    def bloc_year(self, bloc, year):
        bloc_year, _created = BlocYear.objects.get_or_create(bloc=bloc, year=year)
        return bloc_year

    def record_bloc_facts(self, parsed, bloc, on_date, notes):
        """Members, roles, rankings and awards the article states, by year."""
        awards = []
        years = sorted(set(parsed.emulation_years))
        current_year = years[-1] if years else (on_date.year if on_date else None)
        if current_year:
            current = self.bloc_year(bloc, current_year)
            for name in parsed.member_units_named:
                unit = self.organization(name, on_date)
                BlocMembership.objects.get_or_create(
                    bloc_year=current,
                    organization=unit,
                    defaults={
                        "role": BlocMembership.Role.MEMBER,
                        "basis": BlocMembership.Basis.STATED,
                    },
                )
            if parsed.member_count_stated and not current.reported_member_count:
                current.reported_member_count = parsed.member_count_stated
                current.save(update_fields=["reported_member_count"])

        for role in parsed.roles:
            unit = self.organization(role.unit, on_date)
            bloc_year = self.bloc_year(bloc, role.year)
            if role.role == BlocMembership.Role.LEADER:
                other = bloc_year.memberships.filter(
                    role=BlocMembership.Role.LEADER
                ).exclude(organization=unit)
                if other.exists():
                    notes.append(
                        _(
                            "%(year)s: the article names %(unit)s as leader, "
                            "but %(other)s is already recorded."
                        )
                        % {"year": role.year, "unit": unit, "other": other[0]}
                    )
                    continue
            basis = (
                BlocMembership.Basis.IMPLIED
                if getattr(role, "implied", False)
                else BlocMembership.Basis.STATED
            )
            membership, created = BlocMembership.objects.get_or_create(
                bloc_year=bloc_year,
                organization=unit,
                defaults={"role": role.role, "basis": basis},
            )
            # What an editor entered stands; an article only fills gaps.
            if (
                not created
                and membership.basis != BlocMembership.Basis.EDITOR
                and membership.role == BlocMembership.Role.MEMBER
            ):
                membership.role = role.role
                membership.basis = basis
                membership.save(update_fields=["role", "basis"])

        for ranking in parsed.rankings:
            BlocRanking.objects.get_or_create(
                bloc_year=self.bloc_year(bloc, ranking.year),
                organization=self.organization(ranking.unit, on_date),
                defaults={"rank": ranking.rank},
            )

        for record in parsed.awards:
            award_type = AwardType.objects.filter(code=record.type).first()
            if award_type is None:
                notes.append(
                    _("Unknown award type “%(code)s” left out.") % {"code": record.type}
                )
                continue
            where = {
                "bloc_year": self.bloc_year(bloc, record.year),
                "award_type": award_type,
                "recipient_organization": self.organization(record.recipient, on_date),
            }
            award = Award.objects.filter(
                **where, achievement_year__in=[record.year, None]
            ).first() or Award(
                **where,
                achievement_year=record.year,
                status=record.status,
                rank=record.rank,
            )
            # A later article may move an award forward (proposed -> decided),
            # never back, and never over what an editor recorded.
            if AWARD_PROGRESS.index(record.status) > AWARD_PROGRESS.index(award.status):
                award.status = record.status
            if award.rank is None:
                award.rank = record.rank
            award.save()
            if award.status == Award.Status.DECIDED and not award.decision_date:
                notes.append(
                    _("%(award)s: decided, but the decision date is not in the text.")
                    % {"award": award}
                )
            awards.append(award)
        return awards

    # The article -----------------------------------------------------------------

    def body(self, parsed, notes):
        """StreamField data: paragraphs, and photos grouped into galleries."""
        items = list(parsed.body)
        if (
            items
            and items[0].kind == "paragraph"
            and clean(items[0].text) == clean(parsed.lead)
        ):
            items = items[1:]
        blocks, gallery, heading, missing = [], [], "", []

        def flush():
            nonlocal gallery, heading
            if len(gallery) == 1 and not heading:
                blocks.append(("image", gallery[0]))
            elif gallery:
                blocks.append(("gallery", {"heading": heading, "photos": gallery}))
            gallery, heading = [], ""

        number = 0
        for item in items:
            if item.kind == "photo":
                number += 1
                image = None
                if self.options.image_for:
                    image = self.options.image_for(item.text, number, parsed.title)
                if image is None:
                    missing.append(item.text)
                    continue
                gallery.append(
                    {"image": image, "caption": item.text, "alt_text": "", "credit": ""}
                )
            elif item.kind == "gallery_heading":
                flush()
                heading = clean(item.text)
            else:
                flush()
                blocks.append(("paragraph", f"<p>{escape(clean(item.text))}</p>"))
        flush()
        if missing:
            notes.append(
                _("%(count)s photos have no image file; their captions: %(captions)s")
                % {"count": len(missing), "captions": " | ".join(missing)}
            )
        return blocks

    def review_notes(self, parsed, bloc, notes):
        checks = [
            (parsed.publication_date, _("The publication date is not in the text.")),
            (
                parsed.event_date_start,
                _("The event date is not in the text."),
            ),
            (
                parsed.author_name or parsed.author_unit,
                _("The author is not in the text."),
            ),
            (bloc, _("The bloc is not named: the article was put under the news.")),
        ]
        missing = [message for present, message in checks if not present]
        if (
            bloc is not None
            and bloc.level == BlocPage.Level.PROVINCE
            and bloc.province is None
            and self.options.province is None
        ):
            # Stored for the editor, who works in the admin; the command line
            # prints how to give it there (see command_line_wording).
            note = _(
                "The province of the bloc “%(bloc)s” is not known: choose it on "
                "the bloc's page (Blocs → click “%(bloc)s”)."
            ) % {"bloc": bloc.title}
            missing.append(note)
            self.command_line_wording[note] = _(
                "The province is not named: give it with --province or by hand."
            )
        return [*missing, *notes]

    def find_existing(self, key, digest):
        """The article imported before from the same source, if any: by its
        import key (the original URL, else the portal and file path), else by
        the file's checksum."""
        return (
            ArticlePage.objects.filter(import_key=key).first()
            or ArticlePage.objects.filter(import_checksum=digest).first()
        )

    def touched_by_people(self, page):
        """True once anyone has edited, published, unpublished or moved it."""
        return (
            page.revisions.filter(user__isnull=False).exists()
            or PageLogEntry.objects.filter(page=page, user__isnull=False).exists()
        )

    def record_redirects(self, page, live):
        """Old addresses of the article redirect to it: the one given now and
        the one stored by an earlier import (which may differ); never more than
        adds (see legacy.redirects.record_legacy_redirect). Only for a live
        article: a permanent redirect to a draft would be a cached 404; a
        draft's addresses are recorded when it is published (news/signals.py)."""
        if not live:
            return []
        return record_legacy_redirects([self.options.source_url, page.source_url], page)

    @transaction.atomic
    def import_article(self, parsed, raw, file_name, key=None):
        result = self._import_article(parsed, raw, file_name, key)
        if result.page is not None and not result.redirects and result.page.live:
            # Also when the article is unchanged or kept for an editor: a
            # redirect is not content, and an older import may predate them.
            result.redirects = self.record_redirects(result.page, live=True)
        return result

    def _import_article(self, parsed, raw, file_name, key=None):
        digest = checksum(raw)
        key = self.options.source_url or key or f"file:{file_name}"
        existing = self.find_existing(key, digest)
        if existing is not None:
            if existing.import_checksum == digest:
                return ImportResult(
                    file_name, "unchanged", existing.title, page=existing
                )
            if self.touched_by_people(existing):
                return ImportResult(
                    file_name,
                    "kept",
                    existing.title,
                    notes=[_("Edited by an editor since the import: not overwritten.")],
                    page=existing,
                )

        on_date = parsed.publication_date or parsed.event_date_start
        notes = []
        bloc = self.bloc(parsed, on_date, notes)
        awards = self.record_bloc_facts(parsed, bloc, on_date, notes) if bloc else []
        parent = self.parent_for(bloc)
        if parent is None:
            raise ImportFailed(_("There is no news index page to put the article in."))

        page = existing or ArticlePage()
        page.title = clean(parsed.title)
        page.date = parsed.publication_date
        page.lead = clean(parsed.lead) or page.title
        page.event_start = parsed.event_date_start
        page.event_end = parsed.event_date_end
        venue = clean(parsed.venue_raw or "")
        page.venue = re.sub(r"^tại\s+", "", venue)
        page.byline_person = clean(parsed.author_name or "")
        page.byline_unit = (
            self.organization(parsed.author_unit, on_date)
            if parsed.author_unit
            else None
        )
        page.section = clean(parsed.section or "")
        page.source_url = self.options.source_url or page.source_url
        page.source_portal = self.options.source_portal or page.source_portal
        page.import_checksum = digest
        page.import_key = key
        body = self.body(parsed, notes)
        page.body = body
        if page.cover is None:
            # The first photo of the article stands for it in lists and shares.
            photos = [
                photo
                for kind, value in body
                for photo in (value["photos"] if kind == "gallery" else [value])
                if kind in {"gallery", "image"}
            ]
            page.cover = photos[0]["image"] if photos else None

        page.activities.clear()
        kinds = {kind.code: kind for kind in EventKind.objects.all()}
        for activity in parsed.event_kinds:
            kind = kinds.get(activity.kind) or kinds.get("khac")
            if kind is None:
                notes.append(
                    _("Unknown event kind “%(code)s” left out.")
                    % {"code": activity.kind}
                )
                continue
            page.activities.add(ArticleActivity(event_kind=kind, year=activity.year))
        page.organizations.clear()
        links = [
            (parsed.host_unit, ArticleOrganization.Role.HOST),
            (parsed.venue_unit, ArticleOrganization.Role.VENUE),
            (parsed.author_unit, ArticleOrganization.Role.AUTHOR_UNIT),
            *[
                (n, ArticleOrganization.Role.PARTICIPANT)
                for n in parsed.member_units_named
            ],
        ]
        seen = set()
        for name, role in links:
            unit = self.organization(name, on_date) if name else None
            if unit is None or unit.pk in seen:
                continue
            seen.add(unit.pk)
            page.organizations.add(ArticleOrganization(organization=unit, role=role))
        page.awards.set(awards)
        review = self.review_notes(parsed, bloc, notes)
        page.needs_review = bool(review)
        page.review_notes = "\n".join(review)

        if existing is None:
            page.slug = self._unique_page_slug(parent, page.title)
            page.live = False
            parent.add_child(instance=page)
            action = "created"
        else:
            action = "updated"
        revision = page.save_revision(log_action=True)
        # Import metadata is not content: keep it on the row even for a draft.
        ArticlePage.objects.filter(pk=page.pk).update(
            import_checksum=digest, import_key=key
        )
        # Before publishing, which would record them too (news/signals.py)
        # without telling the import's output.
        redirects = self.record_redirects(page, live=self.options.publish or page.live)
        if self.options.publish:
            revision.publish()
            if bloc is not None and not bloc.live:
                # A published article needs its bloc's page to be reachable.
                bloc.save_revision().publish()
        return ImportResult(
            file_name,
            action,
            page.title,
            parent=parent.title,
            notes=[self.command_line_wording.get(note, note) for note in review],
            page=page,
            redirects=redirects,
        )
