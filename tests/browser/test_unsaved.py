"""An editor's unsaved work in the article editor: leaving with unsaved
changes asks first (Wagtail's dialog in Vietnamese for an admin link, the
browser's prompt for a closed tab), a gallery change made during an autosave
is saved too, and an expired session keeps the form until the editor has
logged in again (news/admin_unsaved.py, static/js/admin-unsaved.js)."""

import re
import time

import pytest
from django.contrib.sessions.models import Session
from django.db import OperationalError
from playwright.sync_api import expect

from news.models import ArticlePage
from tests.browser.test_editor import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EDIT_URL = r"/admin/pages/\d+/edit/$"
# Wagtail's w-unsaved controller reads the form about 2 s after the page loads
# (at times twice, a few hundred ms apart) and compares every later state with
# the last reading: changes made before do not count.
WATCH_EDITS = """
document.addEventListener("w-unsaved:watch-edits", () => {
  window.lastWatchEdits = performance.now();
});
"""


def demo_article_with_gallery():
    for article in ArticlePage.objects.order_by("pk"):
        if any(block.block_type == "gallery" for block in article.body):
            return article
    raise AssertionError("the demo content has no article with a gallery")


def gallery_photos(article):
    """The photos of the article's gallery in its latest revision."""
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    (gallery,) = [b for b in draft.body if b.block_type == "gallery"]
    return [item["image"].pk for item in gallery.value["photos"]]


def open_editor(page, article):
    page.add_init_script(WATCH_EDITS)
    log_in(page)
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.wait_for_function(
        "window.lastWatchEdits && performance.now() - window.lastWatchEdits > 1000"
    )


class Dialogs:
    """The browser's own dialogs (beforeunload prompts) a page opened."""

    def __init__(self, page, accept=False):
        self.seen = []
        self.accept = accept
        page.on("dialog", self.on_dialog)

    def on_dialog(self, dialog):
        self.seen.append(dialog.type)
        if self.accept:
            dialog.accept()
        else:
            dialog.dismiss()


def wait_until(page, condition, timeout=10):
    """Wait for ``condition()`` (e.g. a database read) while the page runs.

    On SQLite the live server's request threads share the test's in-memory
    connection: a read that meets an autosave writing the same table is told
    "database table is locked", and is simply tried again."""
    deadline = time.monotonic() + timeout
    while not holds(condition):
        assert time.monotonic() < deadline, "timed out"
        page.wait_for_timeout(200)


def holds(condition):
    try:
        return condition()
    except OperationalError as error:
        if "locked" not in str(error):
            raise
        return False


def side_menu_link(page, name):
    return page.locator(".sidebar").get_by_role("link", name=name)


def test_leaving_with_unsaved_changes_asks_first_and_not_after_saving(
    demo_site, open_page
):
    article = demo_article_with_gallery()
    editor = open_page()
    # The event ends before it starts: autosave is refused (400) until fixed.
    editor.watch.expect_status(EDIT_URL, 400)
    dialogs = Dialogs(editor)
    open_editor(editor, article)

    lead = "Tóm tắt sửa lại nhưng chưa lưu được."
    editor.locator("#id_lead").fill(lead)
    editor.locator("#id_event_start").fill("10/05/2024")
    editor.locator("#id_event_end").fill("01/05/2024")
    expect(editor.locator(".footer__save-warning")).to_contain_text(
        "Tự động lưu đang tạm dừng"
    )

    # The side menu: Wagtail's dialog, in Vietnamese, not the browser's.
    side_menu_link(editor, "Hình ảnh").click()
    leave = editor.locator("#news-leave-dialog")
    expect(leave).to_be_visible()
    expect(leave).to_contain_text("Bạn có thay đổi chưa được lưu")
    expect(leave).to_contain_text("những gì bạn nhập từ lần lưu gần nhất sẽ mất")
    assert dialogs.seen == []
    leave.get_by_role("button", name="Ở lại trang này").click()
    expect(leave).to_be_hidden()
    expect(editor).to_have_url(re.compile(EDIT_URL))
    expect(editor.locator("#id_lead")).to_have_value(lead)

    # Closing the tab: the browser's prompt; dismissed, the tab stays.
    with editor.expect_event("dialog", timeout=5_000):
        editor.close(run_before_unload=True)
    assert dialogs.seen == ["beforeunload"]
    expect(editor.locator("#id_lead")).to_have_value(lead)

    # Fixed and saved, the editor leaves by the side menu without a question.
    editor.locator("#id_event_end").fill("11/05/2024")
    with editor.expect_navigation():
        editor.locator("footer button.action-save").click()
    expect(editor.locator(".messages .success")).to_be_visible()
    with editor.expect_navigation():
        side_menu_link(editor, "Hình ảnh").click()
    expect(editor).to_have_url(re.compile(r"/admin/images/$"))
    assert dialogs.seen == ["beforeunload"]
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.lead == lead


def test_a_gallery_change_made_during_an_autosave_is_saved_too(demo_site, open_page):
    article = demo_article_with_gallery()
    photos = gallery_photos(article)
    editor = open_page()
    dialogs = Dialogs(editor)
    open_editor(editor, article)

    # The editor removes a photo just after an autosave has read the form
    # (a chooser closing with its photos does the same): Wagtail marked the
    # whole form saved when that autosave answered, and nothing saved it.
    editor.evaluate(
        """() => document.addEventListener("w-autosave:save", () => {
          setTimeout(() => document.querySelector(
            "#body-root [data-contentpath=photos] [data-streamfield-action=DELETE]"
          ).click(), 50);
        }, {once: true})"""
    )
    editor.locator("#id_lead").fill("Tóm tắt sửa trong lúc tự động lưu.")

    wait_until(editor, lambda: gallery_photos(article) == photos[1:])
    form = editor.locator("form[data-edit-form]")
    expect(form).to_have_attribute("data-w-unsaved-has-edits-value", "false")
    # Everything is saved now: the tab closes without a prompt.
    with editor.expect_event("close", timeout=5_000):
        editor.close(run_before_unload=True)
    assert dialogs.seen == []


def test_a_change_only_in_the_gallery_warns_when_autosave_is_off(
    demo_site, open_page, settings
):
    """With autosave off (WAGTAIL_AUTOSAVE_INTERVAL = 0), moving a photo is
    an unsaved change like any typed text."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    article = demo_article_with_gallery()
    editor = open_page()
    dialogs = Dialogs(editor)
    open_editor(editor, article)

    editor.locator(
        "#body-root [data-contentpath=photos] [data-streamfield-action=MOVE_DOWN]"
    ).first.click()
    side_menu_link(editor, "Hình ảnh").click()
    leave = editor.locator("#news-leave-dialog")
    expect(leave).to_be_visible()
    leave.get_by_role("button", name="Ở lại trang này").click()
    expect(leave).to_be_hidden()

    with editor.expect_event("dialog", timeout=5_000):
        editor.close(run_before_unload=True)
    assert dialogs.seen == ["beforeunload"]

    # Leaving from Wagtail's dialog asks nothing more.
    side_menu_link(editor, "Hình ảnh").click()
    with editor.expect_navigation():
        leave.get_by_role("link", name="Rời trang, bỏ các thay đổi").click()
    expect(editor).to_have_url(re.compile(r"/admin/images/$"))
    assert dialogs.seen == ["beforeunload"]


def test_an_expired_session_keeps_the_form_until_the_editor_logs_in_again(
    demo_site, open_page
):
    article = demo_article_with_gallery()
    editor = open_page()
    dialogs = Dialogs(editor)
    open_editor(editor, article)

    # The session ends on the server while the editor types.
    Session.objects.all().delete()
    lead = f"Tóm tắt gõ khi phiên đăng nhập đã hết {time.time():.0f}."
    editor.locator("#id_lead").fill(lead)

    # The autosave is answered by the login page: the editor is told at once.
    expired = editor.locator("#news-session-dialog")
    expect(expired).to_be_visible()
    expect(expired).to_contain_text("Phiên đăng nhập đã hết hạn")
    expect(expired).to_contain_text("Những gì bạn đã nhập vẫn còn trên trang này")
    expired.get_by_role("button", name="Đóng hộp thoại").click()
    expect(expired).to_be_hidden()

    # Saving anyway: the form stays, and so does the dialog's advice.
    editor.locator("footer button.action-save").click()
    expect(expired).to_be_visible()
    expect(editor).to_have_url(re.compile(EDIT_URL))
    expect(editor.locator("#id_lead")).to_have_value(lead)
    expired.get_by_role("button", name="Lưu lại").click()
    expect(expired).to_contain_text("Bạn chưa đăng nhập lại")

    # Logged in again in another tab, the editor saves from the dialog.
    login_tab = editor.context.new_page()
    log_in(login_tab)
    login_tab.close()
    with editor.expect_navigation():
        expired.get_by_role("button", name="Lưu lại").click()
    expect(editor.locator(".messages .success")).to_be_visible()
    expect(editor).to_have_url(re.compile(EDIT_URL))
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.lead == lead
    assert dialogs.seen == []
