"""Build the demo portal: page tree, settings, blocs and units, the seed
articles with generated photos, and in development an admin account.

Safe to run any number of times: what exists already is left as it is.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

import demo
from demo.photos import COLLECTION_NAME, DemoPhotoMaker
from legacy.importer.loader import ArticleImporter, ImportOptions
from legacy.importer.parser import parse_text
from news.blocks import PHOTO_RENDITIONS
from news.listing import CARD_RENDITIONS
from news.models import (
    BlocIndexPage,
    BlocPage,
    EventKind,
    HomePage,
    NewsIndexPage,
    Organization,
    PortalImage,
    PortalSettings,
    StandardPage,
    WebLink,
)
from news.permissions import ensure_site_groups
from news.text import slugify_vi

SITE_NAME = "Bảng tin Thi đua"

# (model, slug, title, fields) for the home page's children, in menu order.
SECTIONS = [
    (
        NewsIndexPage,
        "tin-tuc",
        "Tin tức",
        {"intro": "Tin hoạt động của các khối, cụm thi đua."},
    ),
    (
        BlocIndexPage,
        "khoi-cum-thi-dua",
        "Khối, cụm thi đua",
        {"intro": "Các khối, cụm thi đua và đơn vị thành viên."},
    ),
    (
        NewsIndexPage,
        "thong-bao",
        "Thông báo",
        {"intro": "Thông báo của các khối, cụm thi đua."},
    ),
    (
        StandardPage,
        "gioi-thieu",
        "Giới thiệu",
        {
            "body": "<p>Bảng tin Thi đua đăng tin hoạt động của các khối, cụm thi "
            "đua: ký kết giao ước, hội nghị sơ kết, tổng kết, giao lưu văn hóa, "
            "thể thao và đề nghị khen thưởng.</p>"
        },
    ),
    (
        StandardPage,
        "lien-he",
        "Liên hệ",
        {"body": "<p>Mọi góp ý xin gửi về ban biên tập của cổng thông tin.</p>"},
    ),
]


class Command(BaseCommand):
    help = "Load the demo content (page tree; dev admin account in development)."

    def handle(self, *args, **options):
        with transaction.atomic():
            home, created = self.ensure_home()
            self.report("home page", home, created)
            for model, slug, title, fields in SECTIONS:
                page, created = self.ensure_child(home, model, slug, title, fields)
                self.report(model._meta.verbose_name, page, created)
            editors, moderators = ensure_site_groups()
            self.stdout.write(f"groups: {editors.name}, {moderators.name}")
            # "Thông báo" lists the announcements only.
            NewsIndexPage.objects.filter(slug="thong-bao", event_kind=None).update(
                event_kind=EventKind.objects.filter(code="thong_bao").first()
            )
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

    def ensure_home(self):
        home = HomePage.objects.first()
        if home:
            return home, False
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=SITE_NAME,
                slug="trang-chu",
                intro="Tin hoạt động của các khối, cụm thi đua.",
            )
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = SITE_NAME
            site.save()
        else:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=SITE_NAME,
            )
        # Wagtail's placeholder "Welcome" page, only if nothing hangs below it.
        if (
            old_root
            and old_root.specific_class is Page
            and old_root.depth == 2
            and not old_root.get_children().exists()
        ):
            old_root.delete()
        return home, True

    def ensure_child(self, parent, model, slug, title, fields):
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing, False
        page = parent.add_child(
            instance=model(title=title, slug=slug, show_in_menus=True, **fields)
        )
        page.save_revision().publish()  # a first revision to compare edits with
        return page, True

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
