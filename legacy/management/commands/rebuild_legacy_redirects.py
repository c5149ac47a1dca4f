"""Redirect the old portals' addresses of articles imported before redirects were
recorded (or whose redirects were lost) to those articles."""

from django.core.management.base import BaseCommand
from django.db import transaction

from legacy.management.commands.import_legacy import (
    DryRunRollback,
    write_redirect_outcomes,
)
from legacy.redirects import record_legacy_redirect
from news.models import ArticlePage


class Command(BaseCommand):
    help = (
        "Record a permanent redirect from each imported article's original "
        "address (its source URL) to the article. Adds what is missing, never "
        "changes or removes a redirect; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would be recorded; write nothing.",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        counts = {}
        try:
            with transaction.atomic():
                articles = (
                    # Live ones: a draft's are recorded when it is published.
                    ArticlePage.objects.live()
                    .exclude(source_url="")
                    .only("pk", "title", "source_url")
                    .order_by("pk")
                )
                for article in articles.iterator():
                    outcome = record_legacy_redirect(article.source_url, article)
                    counts[outcome.status] = counts.get(outcome.status, 0) + 1
                    shown = outcome.is_warning or outcome.status == "added"
                    if shown or self.verbosity > 1:
                        self.stdout.write(f"“{article.title}” (page {article.pk})")
                    write_redirect_outcomes(self, [outcome])
                if options["dry_run"]:
                    raise DryRunRollback
        except DryRunRollback:
            self.stdout.write("Dry run: nothing was written.")
        warnings = sum(counts.get(s, 0) for s in ("conflict", "deleted", "invalid"))
        summary = (
            f"{counts.get('added', 0)} redirects added, "
            f"{counts.get('present', 0)} already there, {warnings} warnings."
        )
        style = self.style.WARNING if warnings else self.style.SUCCESS
        self.stdout.write(style(summary))
