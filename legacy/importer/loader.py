"""Turn a parsed legacy article into pages, units, blocs and bloc years.

The parser (``legacy.importer.parser``) reads the old portals' text; this module
decides where things go in the database. Nothing here invents a fact: what the
text does not say stays empty and the article is flagged for review.
"""

import hashlib
import re
from dataclasses import dataclass, field
from html import escape

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from legacy.importer.bloc_facts import BlocFacts
from legacy.importer.lookups import Lookups
from legacy.redirects import record_legacy_redirects
from news.models import (
    ArticleActivity,
    ArticleOrganization,
    ArticlePage,
    BlocPage,
    EventKind,
    Province,
)
from news.text import clean


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


class ArticleImporter(Lookups, BlocFacts):
    """Imports parsed articles, reusing units and blocs across a batch."""

    def __init__(self, options):
        self.options = options
        self._units = {}  # units already looked up in this batch
        # note stored on the article -> what the command line prints instead
        self.command_line_wording = {}

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
        if page.event_start and page.event_end and page.event_end < page.event_start:
            # A range misread from the text: the database refuses an event
            # ending before it starts (article_event_ends_after_it_starts).
            notes.append(
                _(
                    "The event's end date in the text (%(date)s) is before "
                    "its start: left out."
                )
                % {"date": page.event_end.strftime("%d/%m/%Y")}
            )
            page.event_end = None
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
        listed = set()
        for activity in parsed.event_kinds:
            kind = kinds.get(activity.kind) or kinds.get("khac")
            if kind is None:
                notes.append(
                    _("Unknown event kind “%(code)s” left out.")
                    % {"code": activity.kind}
                )
                continue
            # Two unknown kinds both become "khac": one activity, as the
            # database holds each (kind, year) once (unique_article_activity).
            if (kind.pk, activity.year) in listed:
                continue
            listed.add((kind.pk, activity.year))
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
