"""An editor uploads into a gallery photos the library already has: they are
used again without a question per photo, and the admin says so; publishing
then asks for the photos' alt text, naming them and marking their fields."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from news.models import BlocPage, PortalImage
from tests.browser.test_editor import log_in, make_photos

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def upload_into_a_new_gallery(editor, photos, number):
    """Add the body's gallery ``number`` (from 0) and upload ``photos`` in it."""
    body = editor.locator("#body-root")
    body.locator(".c-sf-add-button").last.click()
    editor.get_by_role("option", name="Bộ ảnh").click()
    galleries = body.locator("[data-streamfield-child]").filter(has_text="Bộ ảnh")
    expect(galleries).to_have_count(number + 1)
    galleries.nth(number).locator("[data-streamfield-list-add]").click()
    chooser = editor.locator(".modal-dialog").filter(
        has=editor.get_by_role("tab", name="Đăng tải")
    )
    chooser.get_by_role("tab", name="Đăng tải").click()
    chooser.locator("#fileupload").set_input_files(photos)
    # The chooser closes by itself: no question to answer.
    expect(chooser).to_be_hidden(timeout=30_000)


def test_photos_already_in_the_library_are_used_again_then_need_alt_text(
    demo_site, open_page, tmp_path, settings
):
    # Not about autosave: off, so that no autosave races the publish requests
    # on the test's SQLite database.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    bloc = BlocPage.objects.get(slug="khoi-thi-dua-kinh-te-nganh")
    photos = make_photos(tmp_path)[:2]
    titles = [Path(path).stem for path in photos]
    count = PortalImage.objects.count()

    editor = open_page()
    log_in(editor)
    editor.goto(f"/admin/pages/add/news/articlepage/{bloc.pk}/")
    editor.locator("#id_title").fill("Giao lưu văn nghệ cuối năm")
    editor.locator("#id_lead").fill("Các đơn vị trong khối giao lưu văn nghệ.")

    # The photos go into the library with a first gallery...
    upload_into_a_new_gallery(editor, photos, 0)
    assert PortalImage.objects.count() == count + 2
    first = list(PortalImage.objects.order_by("-pk")[:2])[::-1]
    # ...and uploading them again for a second gallery uses them again, with
    # one message naming them.
    upload_into_a_new_gallery(editor, photos, 1)
    expect(editor.locator("[name=body-1-value-photos-count]")).to_have_value("2")
    expect(editor.locator(".messages")).to_contain_text(
        "2 ảnh đã có trong thư viện, dùng lại ảnh cũ: "
        + ", ".join(f"“{title}”" for title in titles)
        + "."
    )
    assert PortalImage.objects.count() == count + 2
    second = [
        int(editor.locator(f"[name=body-1-value-photos-{n}-value-image]").input_value())
        for n in range(2)
    ]
    assert second == [image.pk for image in first]

    # Publishing asks for the alt text of the four photos (their titles are
    # file names), by name and on their fields.
    footer = editor.locator("footer .footer__container")
    footer.locator(".w-dropdown__toggle").click()
    with editor.expect_navigation():
        footer.locator("button[name=action-publish]").click()
    expect(editor.locator(".messages")).to_contain_text(
        "Chưa thể xuất bản: 4 ảnh chưa có mô tả ảnh (alt): "
        + ", ".join(f"“{title}”" for title in titles * 2)
        + "."
    )
    fields = editor.locator("[name$=-value-alt_text]")
    expect(fields).to_have_count(4)
    expect(fields.first).to_have_attribute("aria-invalid", "true")
    for number in range(4):
        fields.nth(number).fill(f"Tiết mục văn nghệ số {number + 1}")
    footer.locator(".w-dropdown__toggle").click()
    with editor.expect_navigation():
        footer.locator("button[name=action-publish]").click()
    expect(editor.locator(".messages .success")).to_be_visible()


def test_a_failed_upload_shows_only_its_error(demo_site, open_page, tmp_path):
    """ "Thêm nhiều ảnh" with half a photo: a Vietnamese error, and not
    Wagtail's prompt for a description, which belongs to the rows with a form."""
    whole = Path(make_photos(tmp_path)[0]).read_bytes()
    damaged = tmp_path / "IMG_20261205.jpg"
    damaged.write_bytes(whole[: len(whole) // 2])

    editor = open_page()
    log_in(editor)
    editor.goto("/admin/images/multiple/add/")
    editor.locator("#fileupload").set_input_files([str(damaged)])

    row = editor.locator("#upload-list > li")
    expect(row).to_have_class(re.compile("upload-failure"))
    expect(row.locator(".error_messages")).to_have_text(
        "Tệp ảnh này bị hỏng hoặc không đầy đủ (thiếu một phần dữ liệu). Hãy mở "
        "ảnh trên máy, lưu hoặc xuất lại, rồi tải lên lần nữa."
    )
    expect(row.get_by_text("Vui lòng cung cấp mô tả cho hình ảnh")).to_be_hidden()


def test_the_library_bulk_upload_has_one_button_for_all_duplicates(
    demo_site, open_page, tmp_path
):
    """ "Thêm nhiều ảnh" asks, for each photo already in the library, whether to
    keep the new copy: one button answers "use the existing ones" for all."""
    photos = make_photos(tmp_path)
    count = PortalImage.objects.count()
    editor = open_page()
    log_in(editor)
    editor.goto("/admin/images/multiple/add/")
    editor.locator("#fileupload").set_input_files(photos)
    expect(editor.locator("#upload-list > li.upload-success")).to_have_count(3)
    assert PortalImage.objects.count() == count + 3

    editor.goto("/admin/images/multiple/add/")
    editor.locator("#fileupload").set_input_files(photos)
    expect(editor.locator("#upload-list > li.upload-duplicate")).to_have_count(3)
    button = editor.get_by_role(
        "button",
        name="Dùng ảnh cũ cho cả 3 ảnh đã có trong thư viện (xoá các bản mới tải lên)",
    )
    button.click()

    expect(editor.locator("#upload-list > li")).to_have_count(0)
    expect(button).to_be_hidden()
    assert PortalImage.objects.count() == count + 3
