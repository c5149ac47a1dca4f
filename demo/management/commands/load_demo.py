"""Build the demo portal: page tree (news/site_tree.py), settings, blocs and
units, the seed articles with generated photos, and in development an admin account.

Safe to run any number of times: what exists already is left as it is.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

import demo
from demo.photos import COLLECTION_NAME, DemoPhotoMaker
from legacy.importer.loader import ArticleImporter, ImportOptions
from legacy.importer.parser import parse_text
from news.blocks import PHOTO_RENDITIONS
from news.models import (
    BlocIndexPage,
    BlocPage,
    Organization,
    PortalImage,
    PortalSettings,
    WebLink,
)
from news.models.articles import CARD_RENDITIONS
from news.site_tree import build_site_tree
from news.text import slugify_vi


class Command(BaseCommand):
    help = "Load the demo content (page tree; dev admin account in development)."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = build_site_tree(self.report)
            self.ensure_settings()
            blocs = home.get_children().type(BlocIndexPage).first().specific
            for spec in demo.BLOCS:
                bloc, created = self.ensure_bloc(blocs, spec)
                self.report("bloc", bloc, created)
            self.import_articles()
        self.ensure_admin()

    def report(self, kind, page, created):
        verb = "created" if created else "kept"
        self.stdout.write(f"{verb} {kind}: {page.get_url() or page.url_path}")

    def ensure_settings(self):
        site = Site.objects.get(is_default_site=True)
        settings_, created = PortalSettings.objects.get_or_create(
            site=site, defaults=demo.SETTINGS
        )
        if created:
            for order, (title, url) in enumerate(demo.WEB_LINKS):
                WebLink.objects.create(
                    settings=settings_, title=title, url=url, sort_order=order
                )
        self.stdout.write(f"{'created' if created else 'kept'} portal settings")

    def ensure_bloc(self, index, spec):
        existing = index.get_children().filter(slug=spec["slug"]).first()
        if existing:
            return existing, False
        organiser = None
        if spec["organiser"]:
            name, short_name, kind = next(
                row for row in demo.ORGANISERS if row[0] == spec["organiser"]
            )
            organiser, _created = Organization.objects.get_or_create(
                name=name,
                province=None,
                defaults={
                    "slug": slugify_vi(name),
                    "kind": kind,
                    "short_name": short_name,
                },
            )
        bloc = index.add_child(
            instance=BlocPage(
                title=spec["title"],
                slug=spec["slug"],
                short_name=spec["short_name"],
                kind=spec["kind"],
                level=spec["level"],
                organiser=organiser,
                other_names="\n".join(spec["other_names"]),
                intro=spec["intro"],
            )
        )
        bloc.save_revision().publish()
        return bloc, True

    def import_articles(self):
        importer = ArticleImporter(
            ImportOptions(
                publish=True,
                source_portal="Cổng thông tin cũ (dữ liệu mẫu)",
                image_for=DemoPhotoMaker(),
            )
        )
        for path in sorted(demo.ARTICLES_DIR.glob("*.txt")):
            raw = path.read_bytes()
            parsed = parse_text(raw.decode("utf-8"), file_name=path.name)
            result = importer.import_article(
                parsed, raw, path.name, key=f"demo:{path.name}"
            )
            self.stdout.write(f"{result.action} article: {result.title}")
        # Make the renditions the pages use now, not on a visitor's first view.
        for image in PortalImage.objects.filter(collection__name=COLLECTION_NAME):
            image.get_renditions(*PHOTO_RENDITIONS, *CARD_RENDITIONS)

    def ensure_admin(self):
        if not settings.DEMO_ADMIN_ENABLED:
            self.stdout.write("No demo admin account: these settings do not allow one.")
            return
        username = settings.DEMO_ADMIN_USERNAME
        password = settings.DEMO_ADMIN_PASSWORD
        user_model = get_user_model()
        if not user_model.objects.filter(username=username).exists():
            user_model.objects.create_superuser(
                username=username, email="admin@example.com", password=password
            )
            self.stdout.write(f"created demo admin account: {username}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/ "
                f"user {username!r}, password {password!r} (development only)"
            )
        )
