"""Create or repair the editors' and moderators' groups and workflows."""

from django.core.management.base import BaseCommand

from news.models import BlocPage
from news.permissions import ensure_bloc_groups, ensure_site_groups


class Command(BaseCommand):
    help = (
        "Create the site-wide and per-bloc editors' and moderators' groups, "
        "their page permissions and moderation workflows. Safe to run again."
    )

    def handle(self, *args, **options):
        editors, moderators = ensure_site_groups()
        self.stdout.write(f"site-wide groups: {editors.name}, {moderators.name}")
        for bloc in BlocPage.objects.order_by("path"):
            editors, moderators = ensure_bloc_groups(bloc)
            self.stdout.write(f"{bloc.title}: {editors.name}, {moderators.name}")
