"""An editor writes an article with a photo gallery in the Wagtail admin and
publishes it; a citizen then finds it on the public site."""

import datetime
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from news.models import ArticlePage, BlocPage, EventKind
from tests.browser.conftest import PHONE
from tests.browser.test_citizen import expect_photo

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Khối thi đua Kinh tế ngành giao lưu thể thao chào mừng năm mới"
LEAD = (
    "Các đơn vị trong Khối thi đua Kinh tế ngành tổ chức giao lưu bóng đá, "
    "bóng chuyền và kéo co nhân dịp năm mới."
)
CAPTIONS = [
    "Lễ khai mạc giao lưu thể thao",
    "Trận chung kết bóng chuyền nam",
    "Các đội kéo co chụp ảnh lưu niệm",
]
COLOURS = ["#8b1e3f", "#1e5f8b", "#3f6b1e"]


def make_photos(folder):
    """Three JPEG files, different from each other and from the demo photos."""
    paths = []
    for number, colour in enumerate(COLOURS, start=1):
        path = folder / f"giao-luu-the-thao-{number}.jpg"
        image = Image.new("RGB", (1200 + 40 * number, 800), colour)
        image.paste("#f4e3b1", (100 * number, 100, 100 * number + 300, 400))
        image.save(path, "JPEG", quality=85)
        paths.append(str(path))
    return paths


def log_in(page, username="admin", password="admin"):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def publish(editor):
    """Press "Xuất bản", in the menu next to "Lưu bản nháp", and see it done."""
    footer = editor.locator("footer .footer__container")
    footer.locator(".w-dropdown__toggle").click()
    button = footer.locator("button[name=action-publish]")
    expect(button).to_be_visible()
    with editor.expect_navigation():
        button.click()
    expect(editor.locator(".messages .success")).to_be_visible()


def test_editor_publishes_an_article_with_a_gallery_that_a_citizen_sees(
    demo_site, open_page, tmp_path
):
    bloc = BlocPage.objects.get(slug="khoi-thi-dua-kinh-te-nganh")
    kind = EventKind.objects.get(code="giao_luu_the_thao_van_nghe")
    year = datetime.date.today().year
    photos = make_photos(tmp_path)

    editor = open_page()
    # Wagtail's autosave posts the edit form while the editor types, and is
    # answered 400 as long as the form is incomplete: not an error here.
    editor.watch.expect_status(r"/admin/pages/(add/[^?]*|\d+/edit/)$", 400)
    log_in(editor)

    editor.goto(f"/admin/pages/add/news/articlepage/{bloc.pk}/")
    editor.locator("#id_title").fill(TITLE)
    editor.locator("#id_lead").fill(LEAD)

    # Event: one activity, a sports exchange of this year.
    editor.locator("#id_activities-ADD").click()
    editor.locator(
        "#id_activities-0-event_kind-chooser [data-chooser-action-choose]"
    ).click()
    kinds = editor.locator(".modal-dialog")
    kinds.get_by_role("link", name=kind.name, exact=True).click()
    expect(kinds).to_be_hidden()
    expect(editor.locator("#id_activities-0-event_kind-title")).to_have_text(kind.name)
    editor.locator("#id_activities-0-year").fill(str(year))

    # Body: a "Bộ ảnh" (gallery) block, its photos uploaded at once.
    body = editor.locator("#body-root")
    body.locator(".c-sf-add-button").first.click()
    editor.get_by_role("option", name="Bộ ảnh").click()
    gallery = body.locator("[data-streamfield-child]").filter(has_text="Bộ ảnh")
    expect(gallery).to_have_count(1)
    gallery.locator("[data-streamfield-list-add]").click()
    chooser = editor.locator(".modal-dialog").filter(
        has=editor.get_by_role("tab", name="Đăng tải")
    )
    expect(chooser).to_be_visible()
    chooser.get_by_role("tab", name="Đăng tải").click()
    chooser.locator("#fileupload").set_input_files(photos)
    # The chooser closes by itself once every upload has succeeded, and the
    # photos are added to the gallery in order.
    expect(chooser).to_be_hidden(timeout=30_000)
    prefix = "body-0-value-photos"
    expect(editor.locator(f"[name={prefix}-count]")).to_have_value(str(len(photos)))
    for number, caption in enumerate(CAPTIONS):
        editor.locator(f"[name={prefix}-{number}-value-caption]").fill(caption)
        # Alt text is needed to publish (the uploads' titles are file names).
        editor.locator(f"[name={prefix}-{number}-value-alt_text]").fill(caption)

    publish(editor)

    article = ArticlePage.objects.get(title=TITLE)
    assert article.live
    assert article.get_parent().pk == bloc.pk

    # A citizen on a phone: the home page, the bloc's page, then the article.
    citizen = open_page(PHONE, touch=True)
    citizen.goto("/")
    expect(citizen.get_by_role("link", name=TITLE).first).to_be_visible()
    citizen.goto(bloc.url)
    card = citizen.locator("section.article-list .card").filter(has_text=TITLE)
    expect(card).to_have_count(1)
    expect(card.locator(".card-meta")).to_contain_text(kind.name)
    with citizen.expect_navigation():
        card.get_by_role("link", name=TITLE).click()

    expect(citizen.locator("h1")).to_have_text(TITLE)
    expect(citizen.locator(".lead")).to_have_text(LEAD)
    links = citizen.locator("section.gallery[data-gallery] a[data-gallery-item]")
    expect(links).to_have_count(len(photos))
    expect(citizen.locator("section.gallery figcaption")).to_have_text(CAPTIONS)
    links.nth(0).scroll_into_view_if_needed()
    links.nth(0).tap()
    dialog = citizen.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    for number in range(len(photos)):
        expect_photo(citizen, dialog, links, number)
        expect(dialog.locator(".lightbox-text")).to_contain_text(CAPTIONS[number])
        dialog.locator(".lightbox-next").tap()
