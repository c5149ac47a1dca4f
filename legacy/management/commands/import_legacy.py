"""Import articles saved from the old Liferay and SharePoint portals."""

import traceback
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q

from legacy.importer.loader import ArticleImporter, ImportFailed, ImportOptions
from legacy.importer.parser import ParseError, parse_html, parse_text
from news.models import BlocPage, Province
from news.text import clean

SUFFIXES = {".txt": "text", ".htm": "html", ".html": "html", ".aspx": "html"}


def write_redirect_outcomes(command, outcomes):
    """One line per old address: added, or a warning; "already there" only
    with --verbosity 2."""
    for outcome in outcomes:
        if outcome.is_warning:
            command.stdout.write(
                command.style.WARNING(f"    warning: {outcome.describe()}")
            )
        elif outcome.status == "added" or command.verbosity > 1:
            command.stdout.write(f"    {outcome.describe()}")


class DryRunRollback(Exception):
    """Raised at the end of a dry run to undo everything it wrote."""


def collect_files(paths):
    """The files to import, each with its path inside the folder given (which,
    with the portal's name, identifies it on a later run)."""
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                (p, p.relative_to(path).as_posix())
                for p in sorted(path.rglob("*"))
                if p.suffix.lower() in SUFFIXES
            )
        elif path.exists():
            files.append((path, path.name))
        else:
            raise CommandError(f"{raw}: no such file or folder.")
    return files


def read_text(raw):
    """Decode a file: UTF-8 (with or without BOM), else Windows-1258."""
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ParseError("the file is neither UTF-8 nor Windows-1258 text")


class Command(BaseCommand):
    help = (
        "Import legacy articles (plain text or saved HTML) as article pages. "
        "Re-importing a file updates its article instead of duplicating it."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be created; write nothing.",
        )
        parser.add_argument(
            "--bloc", help="Put every article under this bloc (slug or title)."
        )
        parser.add_argument(
            "--province",
            help="The source portal's province, for units written without one.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the articles (default: drafts for an editor to review).",
        )
        parser.add_argument(
            "--source-url",
            default="",
            help=(
                "The article's address on the old portal (one file only); "
                "it then redirects to the article."
            ),
        )
        parser.add_argument(
            "--source-portal", default="", help="A name for the old portal."
        )

    def handle(self, *args, **options):
        files = collect_files(options["paths"])
        if options["source_url"] and len(files) != 1:
            raise CommandError("--source-url applies to one file at a time.")
        importer = ArticleImporter(
            ImportOptions(
                bloc=self.find_bloc(options["bloc"]),
                province=self.find_province(options["province"]),
                publish=options["publish"],
                source_url=options["source_url"],
                source_portal=options["source_portal"],
            )
        )
        self.traceback = options["traceback"]
        self.verbosity = options["verbosity"]
        portal = options["source_portal"] or "file"
        failures = 0
        if options["dry_run"]:
            try:
                with transaction.atomic():
                    for path, name in files:
                        failures += not self.import_file(
                            importer, path, f"{portal}:{name}"
                        )
                    raise DryRunRollback
            except DryRunRollback:
                self.stdout.write("Dry run: nothing was written.")
        else:
            for path, name in files:
                failures += not self.import_file(importer, path, f"{portal}:{name}")
        summary = f"{len(files) - failures} imported, {failures} failed."
        if failures:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))

    def import_file(self, importer, path, key):
        try:
            raw = path.read_bytes()
            text = read_text(raw)
            kind = SUFFIXES.get(path.suffix.lower(), "text")
            parse = parse_html if kind == "html" else parse_text
            parsed = parse(text, file_name=path.name)
            # Each file in its own transaction: a failure undoes that file only.
            with transaction.atomic():
                result = importer.import_article(parsed, raw, path.name, key=key)
        except (ParseError, OSError, ImportFailed, ValidationError) as error:
            self.stderr.write(f"FAILED {path}: {error}")
            return False
        except Exception as error:  # noqa: BLE001 - one bad file must not stop a batch
            self.stderr.write(
                f"FAILED {path}: unexpected {type(error).__name__}: {error}"
            )
            if self.traceback:
                self.stderr.write(traceback.format_exc())
            return False
        where = f" under “{result.parent}”" if result.parent else ""
        self.stdout.write(f"{result.action} {path.name}: “{result.title}”{where}")
        for note in result.notes:
            self.stdout.write(f"    needs review: {note}")
        write_redirect_outcomes(self, result.redirects)
        page = result.page
        if page is not None and not page.live and page.source_url:
            self.stdout.write(
                "    a draft: its old address will redirect once it is published"
            )
        return True

    def find_bloc(self, value):
        if not value:
            return None
        bloc = BlocPage.objects.filter(Q(slug=value) | Q(title__iexact=value)).first()
        if bloc is None:
            raise CommandError(f"--bloc {value}: no bloc with this slug or title.")
        return bloc

    def find_province(self, value):
        if not value:
            return None
        value = clean(value)
        matches = Province.objects.filter(Q(slug=value) | Q(name__iexact=value))
        # Legacy articles predate the 2025 merger: prefer the province of their time.
        province = (
            matches.filter(valid_until__isnull=False).first()
            or matches.filter(valid_from__isnull=True).first()
            or matches.first()
        )
        if province is None:
            raise CommandError(f"--province {value}: no province with this name.")
        return province
