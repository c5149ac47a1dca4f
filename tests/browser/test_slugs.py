"""The slug an editor sees while typing a title keeps its Vietnamese letters as
ASCII ("Hội thao" -> "hoi-thao", "Đ" -> "d"), as the server and the importer
write it (news/admin_slugs.py)."""

import re

import pytest
from playwright.sync_api import expect

from news.admin_slugs import VIETNAMESE_LETTERS
from news.text import slugify_vi
from tests.browser.test_editor import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Each vowel with every mark, in both cases, as words: "àáạảã… ÀÁẠẢÃ…", then Đ/đ.
LOWER_LETTERS = "".join(letter for letter in VIETNAMESE_LETTERS if letter.islower())
LETTER_WORDS = " ".join(
    re.findall(
        r"[aàáạảãâầấậẩẫăằắặẳẵ]+|[eèéẹẻẽêềếệểễ]+|[iìíịỉĩ]+|[oòóọỏõôồốộổỗơờớợởỡ]+"
        r"|[uùúụủũưừứựửữ]+|[yỳýỵỷỹ]+|đ",
        LOWER_LETTERS,
    )
)
LETTERS_TITLE = f"{LETTER_WORDS} {LETTER_WORDS.upper()} Đoàn ĐẠI HỘI 2026"


@pytest.fixture
def editor(open_page, site_tree, django_user_model):
    django_user_model.objects.create_superuser(
        "bientap", "bientap@example.com", "mat-khau-dai-123"
    )
    page = open_page()
    # Wagtail's autosave posts the incomplete form while the editor types.
    page.watch.expect_status(r"/admin/pages/add/[^?]*$", 400)
    log_in(page, "bientap", "mat-khau-dai-123")
    page.bloc = site_tree["a"]
    return page


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Khối thi đua giao lưu Hội thao - Văn nghệ chào mừng năm 2026",
            "khoi-thi-dua-giao-luu-hoi-thao-van-nghe-chao-mung-nam-2026",
        ),
        ("Bài viết thử không có hoạt động", "bai-viet-thu-khong-co-hoat-dong"),
        (LETTERS_TITLE, slugify_vi(LETTERS_TITLE, max_length=255)),
    ],
)
def test_the_slug_follows_the_title_without_marks(editor, title, slug):
    assert slug.isascii() and "dj" not in slug
    editor.goto(f"/admin/pages/add/news/articlepage/{editor.bloc.pk}/")

    editor.locator("#id_title").press_sequentially(title)

    expect(editor.locator("#id_slug")).to_have_value(slug)
    editor.locator("#id_title").blur()
    expect(editor.locator("#id_slug")).to_have_value(slug)


def test_a_slug_typed_with_marks_becomes_ascii(editor):
    editor.goto(f"/admin/pages/add/news/articlepage/{editor.bloc.pk}/")
    editor.get_by_role("tab", name="Quảng bá").click()
    slug = editor.locator("#id_slug")

    slug.fill("Hội nghị Đà Nẵng")
    slug.blur()

    expect(slug).to_have_value("hoi-nghi-da-nang")


def test_a_unit_slug_typed_with_marks_becomes_ascii(editor):
    editor.goto("/admin/snippets/news/organization/add/")
    slug = editor.locator("#id_slug")

    slug.fill("Sở Nội vụ tỉnh Điện Biên")
    slug.blur()

    expect(slug).to_have_value("so-noi-vu-tinh-dien-bien")
