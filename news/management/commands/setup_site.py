"""Build a new portal's page tree: the home page as the default site's root,
its sections (news, blocs, announcements, about, contact) and the site-wide
groups. Run once after the first ``migrate`` in production; safe to run again.
Blocs, units and articles are then added in the admin or by ``import_legacy``."""

from django.core.management.base import BaseCommand
from django.db import transaction

from news.site_tree import build_site_tree


class Command(BaseCommand):
    help = "Build the page tree of a new portal (home page and sections)."

    def handle(self, *args, **options):
        with transaction.atomic():
            build_site_tree(self.report)

    def report(self, kind, page, created):
        verb = "created" if created else "kept"
        self.stdout.write(f"{verb} {kind}: {page.get_url() or page.url_path}")
