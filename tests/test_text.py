"""news/text.py: the one module that normalises and folds Vietnamese text, for
the pages, the importer, search and the old-address redirects."""

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from news.text import (
    clean,
    clean_inline,
    fold,
    modern_tones,
    name_key,
    nfc,
    slugify_vi,
)

DECOMPOSED = unicodedata.normalize("NFD", "Hội nghị")


def test_nfc_composes_letters_and_changes_nothing_else():
    assert DECOMPOSED != "Hội nghị"
    assert nfc(DECOMPOSED) == "Hội nghị"
    assert nfc(f"  {DECOMPOSED}\n") == "  Hội nghị\n"  # offsets stay as typed
    assert nfc(None) == ""


def test_clean_collapses_every_kind_of_space():
    assert clean(f" {DECOMPOSED}\u00a0 tổng\n\tkết  ") == "Hội nghị tổng kết"
    assert clean(None) == ""


def test_clean_inline_keeps_the_line_and_drops_invisible_characters():
    raw = "\u00a0Sở\u200b Nội\u2003 vụ\u00ad \ufeff"
    assert clean_inline(raw) == "Sở Nội vụ"
    assert clean_inline("a\u202f\u202fb") == "a b"
    assert clean_inline("dòng một\ndòng hai") == "dòng một\ndòng hai"


def test_modern_tones_moves_old_style_marks_only_where_they_belong():
    assert modern_tones("Khánh Hoà, Thuỷ, hoàn, quỹ") == "Khánh Hòa, Thủy, hoàn, quỹ"
    assert modern_tones("HOÀ") == "HÒA"
    assert modern_tones("quà") == "quà"  # "qu" is one consonant


def test_fold_and_name_key_ignore_marks_case_and_the_ampersand():
    assert fold("Đà Nẵng") == "da nang"
    assert name_key("Sở Kế hoạch & Đầu tư") == name_key("Sở kế hoạch và đầu tư.")


def test_slugify_vi_keeps_the_letters_and_cuts_at_a_word():
    assert slugify_vi(DECOMPOSED) == "hoi-nghi"
    assert slugify_vi("Đảng " * 40, max_length=12) == "dang-dang"
    assert slugify_vi("!!!") == "bai-viet"


@pytest.mark.parametrize("module", ["news.text", "legacy.importer"])
def test_importable_without_django_settings(module):
    """The importer's parser runs without Django settings, and it reads its
    text helpers from news/text.py."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parent.parent)}
    code = (
        f"import {module}\n"
        "from django.conf import settings\n"
        "assert not settings.configured\n"
        "from legacy.importer.text import key\n"
        "assert key('Khánh Hoà.') == 'khánh hòa'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
