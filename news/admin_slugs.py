"""ASCII slugs in the admin, spelled the way the importer spells them.

"Hội thao - Văn nghệ" becomes "hoi-thao-van-nghe", "Đảng" becomes "dang": every
tone and vowel mark is dropped, not the letter (news.text.slugify_vi).

- In the browser, Wagtail's slug field (the ``w-slug`` Stimulus controller)
  transliterates with a map that has no Vietnamese: "Hội" became "hi", "đ" became
  "dj". Its ``formatters`` option, regular expressions run before the slug is
  made, gets one replacement per ASCII letter, derived from anyascii, so the live
  slug matches the server's. Data attributes only: nothing for the CSP to allow.
- On the server, a slug typed with marks or spaces ("Hội nghị") is transliterated
  instead of refused (or, since Wagtail's page slug allows Unicode, kept as is).
- A page slug left empty takes the title (news.forms.PortalPageForm).
"""

from anyascii import anyascii
from django import forms
from django.conf import settings
from django.db import models
from django.utils.text import slugify
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

from news.text import fold

_VIETNAMESE_VOWELS = "".join(
    [
        "àáạảãâầấậẩẫăằắặẳẵ",
        "èéẹẻẽêềếệểễ",
        "ìíịỉĩ",
        "òóọỏõôồốộổỗơờớợởỡ",
        "ùúụủũưừứựửữ",
        "ỳýỵỷỹ",
    ]
)
VIETNAMESE_LETTERS = _VIETNAMESE_VOWELS + "đ" + (_VIETNAMESE_VOWELS + "đ").upper()


def _formatters():
    """[(regex, replacement)]: one character class per ASCII letter, then the
    combining marks of text typed decomposed (a Windows "Unicode tổ hợp" keyboard)."""
    by_ascii = {}
    for letter in VIETNAMESE_LETTERS:
        by_ascii.setdefault(anyascii(letter), []).append(letter)
    formatters = [(f"[{''.join(chars)}]", ascii_) for ascii_, chars in by_ascii.items()]
    formatters.append(("[\u0300-\u036f]", ""))
    return formatters


SLUG_FORMATTERS = _formatters()


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug input, with Vietnamese letters turned into ASCII live."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters=formatters or SLUG_FORMATTERS, locale=locale)


def transliterate_slug(value):
    """ "Hội nghị Đà Nẵng" -> "hoi-nghi-da-nang"; a valid ASCII slug is unchanged."""
    return slugify(fold(value)) or value


class VietnameseSlugField(forms.SlugField):
    """A slug typed with marks, spaces or capitals is transliterated, not refused."""

    def to_python(self, value):
        value = super().to_python(value)
        if value and not getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
            value = transliterate_slug(value)
        return value


# Every SlugField of an admin form (pages, snippets, settings) replaces the one
# Wagtail registers in wagtail.admin.forms.models.
register_form_field_override(
    models.SlugField,
    override={"form_class": VietnameseSlugField, "widget": VietnameseSlugInput},
)
