"""Uploading photos in the admin: every path (add, add multiple, the choosers'
upload, replacing the file of an image) refuses a damaged or too large file
with a Vietnamese form error, asks for alt text where the editor sees the
field, and the gallery's bulk upload uses again a photo already in the
library. As an administrator and as the editor of a bloc."""

import io
import os
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.models import Collection

from news.alt_text import looks_like_file_name
from news.models import PortalImage
from news.permissions import bloc_collection
from tests.factories import ArticlePageFactory, ImageFactory

pytestmark = pytest.mark.django_db

DAMAGED = "Tệp ảnh này bị hỏng hoặc không đầy đủ"
ALT_REQUIRED = "Trường này là bắt buộc."
UNRELATED_PROMPT = "Vui lòng cung cấp mô tả cho hình ảnh"


# Files -----------------------------------------------------------------------


def noisy_image(size=(640, 480)):
    """A photo-like image: noise compresses badly, so half a file is half a
    picture (a flat colour would fit in the first bytes)."""
    return Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))


def jpeg(size=(640, 480), **save):
    buffer = io.BytesIO()
    noisy_image(size).save(buffer, "JPEG", quality=85, **save)
    return buffer.getvalue()


def png(size=(320, 240)):
    buffer = io.BytesIO()
    noisy_image(size).save(buffer, "PNG")
    return buffer.getvalue()


def half(data):
    """A file cut in the middle, as an interrupted copy leaves it."""
    return data[: len(data) // 2]


def png_declaring(width, height):
    """A tiny PNG whose header declares width × height pixels."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def big_png(width, height):
    """A real PNG of width × height pixels (black and white, so it stays small)."""
    buffer = io.BytesIO()
    Image.new("1", (width, height), 1).save(buffer, "PNG")
    return buffer.getvalue()


def phone_photo():
    """A 6000×4000 phone photo, stored on its side with EXIF orientation 6, and
    with bytes after its end (as a polyglot file has): a valid upload."""
    image = Image.new("RGB", (6000, 4000), "#1e5f8b")
    image.paste("#f4e3b1", (1000, 1000, 3000, 2500))
    exif = Image.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80, exif=exif)
    return buffer.getvalue() + b"PK\x05\x06" + b"\x00" * 18


def upload(name, data):
    content_type = "image/png" if name.endswith(".png") else "image/jpeg"
    return SimpleUploadedFile(name, data, content_type=content_type)


# Who uploads ------------------------------------------------------------------


@pytest.fixture(params=["admin", "editor"])
def uploader(request, client, site_tree):
    """A logged-in client and the collection it uploads to."""
    if request.param == "admin":
        user = request.getfixturevalue("admin_user")
        collection = Collection.get_first_root_node()
    else:
        user = request.getfixturevalue("editor")
        collection = bloc_collection(site_tree["a"], user.groups.get())
    client.force_login(user)
    client.user, client.collection = user, collection
    return client


def image_fields(client, **fields):
    data = {
        "title": "Lễ ký kết giao ước thi đua",
        "alt_text": "Đại diện các đơn vị ký kết giao ước thi đua",
        "credit": "Ảnh: Văn phòng Sở",
        "collection": str(client.collection.pk),
        "tags": "",
    }
    data.update(fields)
    return data


# The four upload paths, each answering what the editor sees -----------------


def add_image(client, name, data, **fields):
    """The "Thêm ảnh" page: the page again, with its errors."""
    response = client.post(
        reverse("wagtailimages:add"),
        {**image_fields(client, **fields), "file": upload(name, data)},
    )
    if response.status_code == 302:
        return ""
    assert response.status_code == 200
    return response.content.decode()


def add_multiple(client, name, data, url="wagtailimages:add_multiple"):
    """The "Thêm nhiều ảnh" page (and the gallery's bulk upload): JSON."""
    response = client.post(
        reverse(url),
        {
            "files[]": upload(name, data),
            "title": name.rsplit(".", 1)[0],
            "collection": str(client.collection.pk),
        },
    )
    assert response.status_code == 200
    return response.json()


def chooser_upload(client, name, data, **fields):
    """The upload tab of an image chooser (a cover, a photo block)."""
    fields = {**image_fields(client, **fields), "file": upload(name, data)}
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {f"image-chooser-upload-{key}": value for key, value in fields.items()},
    )
    assert response.status_code == 200
    result = response.json()
    return "" if result["step"] == "chosen" else result["htmlFragment"]


def replace_file(client, name, data, **fields):
    """The edit page of an image, with a new file."""
    image = ImageFactory(  # an editor may change the images they uploaded
        collection=client.collection,
        uploaded_by_user=client.user,
        alt_text="Hội nghị tổng kết năm 2025",
    )
    response = client.post(
        reverse("wagtailimages:edit", args=(image.pk,)),
        {**image_fields(client, **fields), "file": upload(name, data)},
    )
    if response.status_code == 302:
        return ""
    assert response.status_code == 200
    return response.content.decode()


def add_multiple_error(client, name, data):
    result = add_multiple(client, name, data)
    assert result["success"] is False, result
    return result["error_message"]


UPLOAD_PATHS = {
    "add": add_image,
    "add multiple": add_multiple_error,
    "chooser upload": chooser_upload,
    "replace file": replace_file,
}


@pytest.fixture(params=list(UPLOAD_PATHS))
def send(request):
    return UPLOAD_PATHS[request.param]


# Item 6: damaged and too large files ----------------------------------------


@pytest.mark.parametrize(
    "name, data",
    [("hoi-nghi.jpg", half(jpeg())), ("hoi-nghi.png", half(png()))],
    ids=["half a JPEG", "half a PNG"],
)
def test_a_damaged_photo_is_refused_with_a_form_error(uploader, send, name, data):
    before = PortalImage.objects.count()

    page = send(uploader, name, data)

    assert DAMAGED in page
    assert PortalImage.objects.count() == before + (send is replace_file)


def test_too_many_pixels_gives_the_count_with_vietnamese_separators(uploader, send):
    # 8,200 × 8,000: a real photo over the portal's 64 megapixels.
    page = send(uploader, "toan-canh.png", big_png(8200, 8000))

    assert "Tệp này có quá nhiều điểm ảnh (65.600.000)" in page
    assert "Số điểm ảnh tối đa 64.000.000" in page
    assert "64000000" not in page


def test_a_decompression_bomb_gives_its_pixel_count_too(uploader, send):
    # 20,000 × 20,000 in 100 bytes: Pillow refuses to open it at all, and
    # Wagtail then said "(không rõ số lượng)".
    page = send(uploader, "bom.png", png_declaring(20000, 20000))

    assert "(400.000.000)" in page
    assert "không rõ số lượng" not in page
    assert "64.000.000" in page


def test_a_header_over_the_limit_is_refused_before_it_is_decoded(uploader, send):
    # 10,000 × 8,000 declared, under Pillow's own limit: Wagtail decoded it to
    # count its pixels (and failed on the missing data: a server error).
    page = send(uploader, "khai-mac.png", png_declaring(10000, 8000))

    assert "(80.000.000)" in page


def test_a_phone_photo_of_6000_by_4000_turned_by_exif_uploads(uploader):
    result = add_multiple(uploader, "IMG_20261205_101010.jpg", phone_photo())

    assert result["success"] is True, result
    image = PortalImage.objects.get(pk=result["image_id"])
    assert (image.width, image.height) == (6000, 4000)
    assert image.get_rendition("max-800x800").height == 800  # turned upright


def test_a_failed_upload_does_not_show_the_description_prompt(uploader):
    # Wagtail's "Thêm nhiều ảnh" list shows this prompt on every row, failed
    # ones included; the portal's admin stylesheet hides it on those.
    page = uploader.get(reverse("wagtailimages:add_multiple")).content.decode()
    assert UNRELATED_PROMPT in page  # Wagtail's row template: kept for the forms
    assert "css/admin-images.css" in page
    from django.contrib.staticfiles import finders

    with open(finders.find("css/admin-images.css"), encoding="utf-8") as css:
        rules = css.read()
    assert ".upload-list .upload-failure .error-message" in rules
    assert "display: none" in rules


# Item 4: alt text --------------------------------------------------------------


@pytest.mark.parametrize("path", [add_image, chooser_upload, replace_file])
def test_alt_text_is_required_where_the_editor_sees_the_field(uploader, path):
    page = path(uploader, "le-ky-ket.jpg", jpeg(), alt_text="  ")

    assert ALT_REQUIRED in page
    assert "Ảnh cho thấy điều gì" in page  # what to write, in the help text


def test_alt_text_given_on_upload_is_kept(uploader):
    assert add_image(uploader, "le-ky-ket.jpg", jpeg()) == ""
    image = PortalImage.objects.get(title="Lễ ký kết giao ước thi đua")
    assert image.alt_text == "Đại diện các đơn vị ký kết giao ước thi đua"
    assert image.credit == "Ảnh: Văn phòng Sở"


def test_the_image_form_has_one_alt_text_field(uploader):
    page = uploader.get(reverse("wagtailimages:add")).content.decode()
    assert 'id="id_alt_text"' in page
    assert 'id="id_description"' not in page


def test_bulk_upload_makes_the_image_then_asks_for_its_alt_text(uploader):
    result = add_multiple(uploader, "IMG_1234.jpg", jpeg())

    assert result["success"] is True, result
    image = PortalImage.objects.get(pk=result["image_id"])
    assert image.title == "IMG_1234" and image.alt_text == ""
    assert image.default_alt_text == ""  # never the file name
    # The row's form asks for it, and will not save without it.
    prefix = f"image-{image.pk}"
    fields = {
        f"{prefix}-{name}": value
        for name, value in image_fields(uploader, alt_text="").items()
    }
    response = uploader.post(
        reverse("wagtailimages:edit_multiple", args=(image.pk,)), fields
    )
    assert response.json()["success"] is False
    assert ALT_REQUIRED in response.json()["form"]
    fields[f"{prefix}-alt_text"] = "Các đội kéo co chụp ảnh lưu niệm"
    response = uploader.post(
        reverse("wagtailimages:edit_multiple", args=(image.pk,)), fields
    )
    assert response.json()["success"] is True
    image.refresh_from_db()
    assert image.default_alt_text == "Các đội kéo co chụp ảnh lưu niệm"


@pytest.mark.parametrize(
    "title",
    [
        "IMG_202612005",
        "IMG-20261205-WA0001",
        "DSC01234",
        "DSCN0042",
        "20261205_101010",
        "image.jpg",
        "anh hoi nghi.JPG",
        "giao-luu-the-thao-1",
        "image (1)",
        "Screenshot 2026-12-05 at 10.10.10",
        "PXL_20261205_101010123",
    ],
)
def test_a_file_name_is_never_alt_text(title):
    assert looks_like_file_name(title)
    assert PortalImage(title=title).default_alt_text == ""


@pytest.mark.parametrize(
    "title",
    ["Hội nghị tổng kết năm 2025", "Lễ ký kết giao ước thi đua năm 2026"],
)
def test_a_written_title_is_still_alt_text(title):
    assert not looks_like_file_name(title)
    assert PortalImage(title=title).default_alt_text == title


def test_the_public_page_never_shows_a_file_name_as_alt(client, site_tree):
    photo = ImageFactory(title="IMG_202612005")
    article = ArticlePageFactory(
        parent=site_tree["a"],
        lead="Khối thi đua tổ chức hội nghị.",
        cover=photo,
        body=[
            (
                "gallery",
                {
                    "heading": "",
                    "photos": [
                        {"image": photo, "caption": "", "alt_text": "", "credit": ""}
                    ],
                },
            ),
            ("image", {"image": photo, "caption": "", "alt_text": "", "credit": ""}),
        ],
    )

    response = client.get(article.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('alt=""') >= 2  # the gallery's and the photo block's
    assert "IMG_202612005" not in content


# Item 5: photos already in the library ---------------------------------------


def test_the_gallery_bulk_upload_uses_again_a_photo_already_there(uploader):
    data = jpeg()
    first = add_multiple(
        uploader, "le-khai-mac.jpg", data, url="photo_chooser:add_multiple"
    )
    assert first["success"] is True and not first.get("reused")
    count = PortalImage.objects.count()

    again = add_multiple(
        uploader, "le-khai-mac-ban-sao.jpg", data, url="photo_chooser:add_multiple"
    )

    # No question to answer: the existing photo is chosen, and the editor told.
    assert again["success"] is True
    assert again["duplicate"] is False
    assert again["image_id"] == first["image_id"]
    assert again["reused"] is True
    assert again["message"] == (
        "Ảnh đã có trong thư viện: dùng lại ảnh cũ “le-khai-mac”."
    )
    assert again["reused_summary"] == (
        "%(count)s ảnh đã có trong thư viện, dùng lại ảnh cũ: %(photos)s."
    )
    assert PortalImage.objects.count() == count  # no copy left behind


def test_the_gallery_uses_the_photo_chooser_with_that_upload(uploader):
    from news.blocks import PhotoChooserBlock

    widget = PhotoChooserBlock().widget
    assert widget.get_chooser_modal_url() == reverse("photo_chooser:choose")
    response = uploader.get(reverse("photo_chooser:choose"), {"multiple": "1"})
    assert response.status_code == 200
    assert reverse("photo_chooser:add_multiple") in response.json()["html"]
