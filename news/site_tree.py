"""The portal's page tree: the home page and its sections, as a new site
needs them (``manage.py setup_site`` in production, ``load_demo`` in
development). Safe to run again: what exists already is left as it is."""

from wagtail.models import Page, Site

from news.models import (
    BlocIndexPage,
    EventKind,
    HomePage,
    NewsIndexPage,
    StandardPage,
)
from news.permissions import ensure_site_groups

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


def build_site_tree(report=lambda kind, page, created: None):
    """Make the home page (the default site's root) and its sections, the
    site-wide groups, and point "Thông báo" at the announcements. Returns the
    home page. ``report(kind, page, created)`` hears of each page."""
    home, created = ensure_home()
    report("home page", home, created)
    for model, slug, title, fields in SECTIONS:
        page, created = ensure_child(home, model, slug, title, fields)
        report(model._meta.verbose_name, page, created)
    ensure_site_groups()
    # "Thông báo" lists the announcements only.
    NewsIndexPage.objects.filter(slug="thong-bao", event_kind=None).update(
        event_kind=EventKind.objects.filter(code="thong_bao").first()
    )
    return home


def ensure_home():
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


def ensure_child(parent, model, slug, title, fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing, False
    page = parent.add_child(
        instance=model(title=title, slug=slug, show_in_menus=True, **fields)
    )
    page.save_revision().publish()  # a first revision to compare edits with
    return page, True
