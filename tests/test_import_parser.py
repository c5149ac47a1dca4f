"""The legacy importer's parser: seeds field by field, then the old portals' traps.

No database: the parser is plain Python.
"""

import dataclasses
import datetime
import functools
import json
import unicodedata
from pathlib import Path

import pytest

from legacy.importer import (
    Activity,
    AwardRecord,
    ParsedArticle,
    ParseError,
    Ranking,
    Role,
    parse_html,
    parse_text,
)
from news.text import modern_tones

TESTS_DIR = Path(__file__).resolve().parent
# The seed articles ship with the project (the demo content) and their ground
# truth with the tests; test_import_legacy checks both against shared/.
SEEDS_DIR = TESTS_DIR.parent / "demo" / "articles"
EXPECTED_DIR = TESTS_DIR / "seeds_expected"
SAMPLES_DIR = TESTS_DIR / "import_samples"
NBSP = "\u00a0"

# Lists compared as multisets, because their order carries no meaning: membership
# and provinces are sets (the JSON follows whichever enumeration its author read),
# and roles, activities and awards are records of facts, not a sequence.
# Every other list is compared in order: captions and gallery headings follow the
# page, rankings go by rank, emulation years ascend.
UNORDERED = {
    "provinces",
    "member_units_named",
    "roles",
    "event_kinds",
    "awards",
    "bloc_other_names",
}
# Record fields the JSON may leave out when they hold their default.
RECORDS = {
    "roles": Role,
    "event_kinds": Activity,
    "rankings": Ranking,
    "awards": AwardRecord,
}
# The old portals' chrome (menus, buttons, link boxes): never in a title, body,
# caption or byline.
CHROME = [
    "Asset Publisher",
    "Zurück",
    "thông báo",
    "liên kết web",
    "Các tin khác",
    "Cannot retrieve the URL",
    "Skip Ribbon Commands",
    "Skip to main content",
    "Thông tin chỉ đạo, điều hành",
]


def _cases(expected_folder, article_folder):
    cases = []
    for expected_path in sorted(expected_folder.glob("*.json")):
        article_path = next(
            p
            for p in article_folder.glob(f"{expected_path.stem}.*")
            if p.suffix != ".json"
        )
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        for field in expected:
            cases.append(
                pytest.param(
                    article_path,
                    field,
                    expected[field],
                    id=f"{article_path.name}:{field}",
                )
            )
    return cases


@functools.cache
def parsed(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return parse_html(text, file_name=path.name)
    return parse_text(text, file_name=path.name)


def _with_defaults(field, value):
    record = RECORDS.get(field)
    if record is None:
        return value
    defaults = {
        f.name: f.default
        for f in dataclasses.fields(record)
        if f.default is not dataclasses.MISSING
    }
    return [{**defaults, **item} for item in value]


def _comparable(field, value):
    value = _with_defaults(field, value)
    if field in UNORDERED:
        return sorted(
            json.dumps(item, ensure_ascii=False, sort_keys=True) for item in value
        )
    return value


def assert_field(path, field, expected):
    actual = parsed(path).as_dict()[field]
    assert _comparable(field, actual) == _comparable(field, expected), (
        f"{path.name}: field {field!r} differs\n"
        f"  expected: {expected!r}\n"
        f"  actual:   {actual!r}"
    )


# The seeds and their expected JSON ---------------------------------------------------


def test_the_seeds_are_there():
    assert len(list(SEEDS_DIR.glob("*.txt"))) == 4
    assert len(list(EXPECTED_DIR.glob("*.json"))) == 4


@pytest.mark.parametrize(("path", "field", "expected"), _cases(EXPECTED_DIR, SEEDS_DIR))
def test_seed_field_matches_expected(path, field, expected):
    assert_field(path, field, expected)


@pytest.mark.parametrize(
    ("path", "field", "expected"), _cases(SAMPLES_DIR, SAMPLES_DIR)
)
def test_sample_field_matches_expected(path, field, expected):
    assert_field(path, field, expected)


# Other names of each seed's bloc, as the old portals wrote them.
@pytest.mark.parametrize(
    ("seed", "names"),
    [
        ("000_801d880ce7b2f0c7.txt", {"Cụm thi đua Tây Nam Bộ 2"}),
        (
            "001_5ad1419dee86e8b6.txt",
            {
                "Khối thi đua Sở Kế hoạch và Đầu tư các tỉnh miền núi biên giới "
                "phía Bắc",
                "Sở Kế hoạch và Đầu tư các tỉnh miền núi biên giới phía Bắc",
            },
        ),
        (
            "002_f8eb950489ae91c4.txt",
            {
                "Khối Thi đua các sở, ngành Tổng hợp",
                "Khối thi đua các sở, ngành Tổng hợp",
            },
        ),
        ("003_2f19b7e13258856b.txt", {"Khối Kinh tế ngành"}),
    ],
)
def test_seed_bloc_aliases(seed, names):
    assert set(parsed(SEEDS_DIR / seed).bloc_other_names) == names


@pytest.mark.parametrize("path", sorted(SEEDS_DIR.glob("*.txt")), ids=lambda p: p.name)
def test_no_chrome_or_hard_space_reaches_the_article(path):
    article = parsed(path)
    texts = [article.title, article.lead, article.byline_raw or ""]
    texts += [item.text for item in article.body]
    for text in texts:
        assert NBSP not in text
        assert not any(chrome.casefold() in text.casefold() for chrome in CHROME), text
    assert article.lead
    first = next(i.text for i in article.body if i.kind == "paragraph")
    assert first.startswith(article.lead.split(". ")[0])


@pytest.mark.parametrize(
    ("seed", "typo"),
    [
        ("000_801d880ce7b2f0c7.txt", "Tiếc mục hợp ca"),
        ("000_801d880ce7b2f0c7.txt", "Trao cờ lưu niêm"),
        ("000_801d880ce7b2f0c7.txt", "của đua các Sở"),
        ("001_5ad1419dee86e8b6.txt", "tổng vống đầu tư"),
        ("002_f8eb950489ae91c4.txt", "xác đinh"),
        ("002_f8eb950489ae91c4.txt", "đồng thời thời"),
        ("003_2f19b7e13258856b.txt", "có hiu quả"),
    ],
)
def test_typos_in_the_source_are_kept(seed, typo):
    article = parsed(SEEDS_DIR / seed)
    assert any(typo in item.text for item in article.body)


def test_seed_photos_and_alt_text():
    article = parsed(SEEDS_DIR / "000_801d880ce7b2f0c7.txt")
    photos = [item for item in article.body if item.kind == "photo"]
    assert len(photos) == 8
    assert photos[1].alt == (
        "Ông: Mai Phước Hưng, Giám đốc Sở Kế hoạch và Đầu tư tỉnh Sóc Trăng"
    )
    assert [p.alt for p in photos[2:]] == [None] * 6
    kinds = [item.kind for item in article.body]
    assert kinds.index("gallery_heading") == kinds.index("photo", 3) - 1


def test_seed_documents_and_time_of_day():
    soc_trang = parsed(SEEDS_DIR / "000_801d880ce7b2f0c7.txt")
    assert [(d.number, d.date) for d in soc_trang.documents] == [
        ("10004/BKHĐT-TĐKT", datetime.date(2013, 12, 12))
    ]
    kinh_te = parsed(SEEDS_DIR / "003_2f19b7e13258856b.txt")
    assert [(d.kind, d.number) for d in kinh_te.documents] == [("Chỉ thị", "34-CT/TW")]
    assert kinh_te.event_time_of_day == "chiều"
    assert parsed(SEEDS_DIR / "002_f8eb950489ae91c4.txt").event_time_of_day == "chiều"
    assert parsed(SEEDS_DIR / "001_5ad1419dee86e8b6.txt").event_time_of_day is None


# Unicode -----------------------------------------------------------------------------


def _same_as_seed(seed, text):
    return parse_text(text, file_name=seed.name).as_dict() == parsed(seed).as_dict()


@pytest.mark.parametrize("seed", sorted(SEEDS_DIR.glob("*.txt")), ids=lambda p: p.name)
def test_nfd_input_gives_the_same_article(seed):
    text = seed.read_text(encoding="utf-8")
    assert _same_as_seed(seed, unicodedata.normalize("NFD", text))


def test_decomposed_marks_in_any_order_are_composed():
    # "Hội nghị" with the dot below before the circumflex: not NFC, not even NFD.
    odd = "Ho\u0323\u0302i nghi\u0323"
    article = parse_text(f"Khối thi đua A tổ chức {odd}\nChiều 8/1/2019, khối tổ chức.")
    assert "Hội nghị" in article.title


def test_utf8_read_as_windows_1252_is_repaired():
    seed = SEEDS_DIR / "002_f8eb950489ae91c4.txt"
    raw = seed.read_bytes()
    garbled = "".join(
        chr(b) if b in {0x81, 0x8D, 0x8F, 0x90, 0x9D} else bytes([b]).decode("cp1252")
        for b in raw
    )
    assert "Sá»Ÿ" in garbled
    assert _same_as_seed(seed, garbled)


def test_bytes_and_utf16_are_decoded():
    seed = SEEDS_DIR / "002_f8eb950489ae91c4.txt"
    text = seed.read_text(encoding="utf-8")
    assert _same_as_seed(seed, text.encode("utf-8"))
    assert _same_as_seed(seed, text.encode("utf-16"))


def test_tcvn3_text_is_converted():
    tcvn3 = "Khèi thi ®ua c¸c së, ngµnh tæng hîp ký kÕt giao \xadíc thi ®ua n¨m 2019"
    body = "ChiÒu 08/01/2019, Khèi tæ chøc Héi nghÞ tæng kÕt c«ng t¸c thi ®ua n¨m 2018."
    article = parse_text(f"{tcvn3}\n{body}")
    assert article.title == (
        "Khối thi đua các sở, ngành tổng hợp ký kết giao ước thi đua năm 2019"
    )
    assert article.event_date_start == datetime.date(2019, 1, 8)


def test_old_style_tone_marks_move_to_the_modern_place():
    # Offsets found in the moved text must be valid in the original: same length.
    old = "Khánh Hoà, THANH HOÁ, Thuỷ, hoàn thành, quỹ, Khoẻ"
    assert modern_tones(old) == "Khánh Hòa, THANH HÓA, Thủy, hoàn thành, quỹ, Khỏe"
    assert len(modern_tones(old)) == len(old)


def test_old_style_tone_marks_name_the_same_province():
    article = parse_text(
        "Cụm thi đua Sở Nội vụ các tỉnh ký kết giao ước thi đua năm 2019\n"
        "Cụm thi đua gồm 3 tỉnh: Khánh Hoà, Thanh Hoá và Hoà Bình cùng ký kết giao "
        "ước thi đua."
    )
    assert article.provinces == ["Khánh Hòa", "Thanh Hóa", "Hòa Bình"]


# Dates -------------------------------------------------------------------------------

TITLE = "Khối thi đua Văn hóa - Xã hội ký kết giao ước thi đua năm 2019"


def lead_only(lead, *more):
    return parse_text("\n".join([TITLE, lead, *more]))


@pytest.mark.parametrize(
    ("lead", "start", "end", "time_of_day"),
    [
        (
            "Chiều 08/01/2019, Khối tổ chức hội nghị.",
            (2019, 1, 8),
            (2019, 1, 8),
            "chiều",
        ),
        ("Chiều 8/1/2019, Khối tổ chức hội nghị.", (2019, 1, 8), (2019, 1, 8), "chiều"),
        ("Sáng ngày 15/3/2017, Khối tổ chức.", (2017, 3, 15), (2017, 3, 15), "sáng"),
        ("Ngày 17/06/2020, Khối tổ chức hội nghị.", (2020, 6, 17), (2020, 6, 17), None),
        (
            "Trong hai ngày 11 và 12/03/2017, Cụm tổ chức hội nghị.",
            (2017, 3, 11),
            (2017, 3, 12),
            None,
        ),
        ("Trong 2 ngày 24-25/1/2019, Cụm tổ chức.", (2019, 1, 24), (2019, 1, 25), None),
        (
            "Từ ngày 30/3 đến ngày 01/4/2017, Cụm tổ chức.",
            (2017, 3, 30),
            (2017, 4, 1),
            None,
        ),
        (
            "Tối ngày 9 tháng 1 năm 2019, Khối tổ chức.",
            (2019, 1, 9),
            (2019, 1, 9),
            "tối",
        ),
    ],
)
def test_event_dates(lead, start, end, time_of_day):
    article = lead_only(lead)
    assert article.event_date_start == datetime.date(*start)
    assert article.event_date_end == datetime.date(*end)
    assert article.event_time_of_day == time_of_day


def test_document_and_census_dates_are_not_event_dates():
    article = lead_only(
        "Thực hiện Công văn số 10004/BKHĐT-TĐKT, ngày 12/12/2013 của Bộ Kế hoạch và "
        "Đầu tư, Khối tổ chức ký kết giao ước thi đua.",
        "Các đơn vị thực hiện Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị.",
        "Cục Thống kê hoàn thành Tổng điều tra dân số thời điểm 01/4/2019.",
    )
    assert article.event_date_start is None
    assert article.publication_date is None
    assert [d.date for d in article.documents] == [
        datetime.date(2013, 12, 12),
        datetime.date(2014, 4, 7),
    ]


def test_a_document_date_before_the_event_date_is_skipped():
    article = lead_only(
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2019 của UBND tỉnh, chiều "
        "15/01/2019, Khối tổ chức hội nghị."
    )
    assert article.event_date_start == datetime.date(2019, 1, 15)


def test_publication_date_comes_only_from_its_own_line():
    article = parse_text(
        f"{TITLE}\nThứ Tư, 09/01/2019 10:25\nChiều 08/01/2019, Khối họp."
    )
    assert article.publication_date == datetime.date(2019, 1, 9)
    assert article.event_date_start == datetime.date(2019, 1, 8)
    undated = parse_text(f"{TITLE}\nChiều 08/01/2019, Khối họp.")
    assert undated.publication_date is None


@pytest.mark.parametrize(
    "line",
    [
        "09/01/2019",
        "9/1/2019",
        "Thứ Tư, 09/01/2019 10:25",
        "Ngày đăng: 9/1/2019",
        "Cập nhật lúc 08:30 ngày 09/01/2019",
        "(09/01/2019)",
        "Thứ Tư, ngày 9 tháng 1 năm 2019",
        "Thứ Tư, 09/01/2019 | Lượt xem: 120",
    ],
)
def test_publication_date_line_formats(line):
    article = parse_text(f"{TITLE}\n{line}\nChiều 08/01/2019, Khối họp.")
    assert article.publication_date == datetime.date(2019, 1, 9)


def test_a_date_without_year_takes_the_publication_year():
    article = parse_text(
        f"{TITLE}\n16/03/2017\nSáng nay (15/3), Khối tổ chức hội nghị."
    )
    assert article.event_date_start == datetime.date(2017, 3, 15)
    assert parse_text(f"{TITLE}\nSáng nay (15/3), Khối họp.").event_date_start is None


# Layout ------------------------------------------------------------------------------


def test_hard_space_lines_are_dropped_and_never_become_photos():
    article = parse_text(
        "\n".join(
            [
                f"{NBSP}{TITLE}{NBSP}",
                NBSP * 94,
                f"Chiều 08/01/2019,{NBSP}{NBSP}Khối tổ chức hội nghị.",
                NBSP,
                f"{NBSP}Đại biểu ký kết giao ước thi đua",
                NBSP,
                "Các đơn vị  trong Khối đã thảo luận sôi nổi về nội dung hội nghị.",
            ]
        )
    )
    assert article.title == TITLE
    assert [(i.kind, i.text) for i in article.body] == [
        ("paragraph", "Chiều 08/01/2019, Khối tổ chức hội nghị."),
        ("photo", "Đại biểu ký kết giao ước thi đua"),
        (
            "paragraph",
            "Các đơn vị trong Khối đã thảo luận sôi nổi về nội dung hội nghị.",
        ),
    ]


def test_duplicated_title_and_navigation_line_are_dropped():
    article = parse_text(
        "\n".join(
            [
                "Skip Ribbon Commands",
                "Skip to main content",
                "",
                TITLE,
                "",
                f"Thông tin chỉ đạo, điều hành{NBSP}Thông tin khen thưởng{NBSP}",
                TITLE,
                "Chiều 08/01/2019, Khối tổ chức hội nghị.",
            ]
        )
    )
    assert article.title == TITLE
    assert [i.text for i in article.body] == [
        "Chiều 08/01/2019, Khối tổ chức hội nghị."
    ]


def test_title_ending_with_a_period_is_kept_as_written():
    title = "Khối thi đua Nội chính sơ kết 6 tháng đầu năm 2020."
    article = parse_text(f"{title}\nNgày 17/6/2020, Khối tổ chức hội nghị sơ kết.")
    assert article.title == title
    assert article.lead == "Ngày 17/6/2020, Khối tổ chức hội nghị sơ kết."


def test_section_label_repeated_is_kept_once():
    article = parse_text(
        f"Tin trong tỉnh\nTin trong tỉnh\n{TITLE}\n17/06/2020\n"
        "Ngày 17/6/2020, Khối họp."
    )
    assert article.section == "Tin trong tỉnh"
    assert article.title == TITLE
    assert [i.text for i in article.body] == ["Ngày 17/6/2020, Khối họp."]


def test_breadcrumb_gives_the_section():
    article = parse_text(f"Trang chủ > Tin tức > Tin trong tỉnh\n{TITLE}\nKhối họp.")
    assert article.section == "Tin trong tỉnh"


def test_alt_text_line_duplicating_the_caption_makes_one_photo():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị.",
        "",
        "Đại diện các tỉnh giao lưu",
        "Đại diện các tỉnh giao lưu",
        "",
        "Lãnh đạo Sở Y tế phát biểu",
        "Lãnh đạo Sở Y tế phát biểu,",
        "(Trưởng khối năm 2019)",
    )
    photos = [(i.text, i.alt) for i in article.body if i.kind == "photo"]
    assert photos == [
        ("Đại diện các tỉnh giao lưu", None),
        (
            "Lãnh đạo Sở Y tế phát biểu,\n(Trưởng khối năm 2019)",
            "Lãnh đạo Sở Y tế phát biểu",
        ),
    ]


def test_multi_line_caption_after_an_image_placeholder():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị.",
        NBSP,
        "Ông: Nguyễn Văn A, Giám đốc Sở Y tế,",
        "(Trưởng khối năm 2019)",
        "Trao cờ lưu niệm",
    )
    assert article.photo_captions == [
        "Ông: Nguyễn Văn A, Giám đốc Sở Y tế,\n(Trưởng khối năm 2019)\nTrao cờ lưu niệm"
    ]
    assert article.awards == []


def test_short_lines_between_paragraphs_are_captions_and_long_ones_are_not():
    long_paragraph = (
        "Tại hội nghị, các đơn vị trong Khối đã thảo luận và thống nhất " * 3
    )
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị.",
        "",
        "Đại biểu thảo luận tại hội nghị",
        "",
        long_paragraph.strip(),
        "",
        "Kết thúc hội nghị, lãnh đạo các đơn vị trong khối ký kết giao ước thi đua./.",
        "",
        "Lãnh đạo các đơn vị trong khối ký kết giao ước thi đua năm 2017./.",
    )
    assert [i.kind for i in article.body] == [
        "paragraph",
        "photo",
        "paragraph",
        "paragraph",
        "paragraph",
    ]


def test_gallery_heading_and_gallery_without_captions():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị.",
        "",
        "Một số hình ảnh tại Hội nghị",
        NBSP,
        NBSP * 20,
        "Văn phòng Sở",
    )
    assert article.gallery_headings == ["Một số hình ảnh tại Hội nghị"]
    assert article.photo_captions == []
    assert article.author_unit == "Văn phòng Sở"


def test_captions_under_a_gallery_heading_belong_to_it():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị.",
        "Các hình hoạt động giao lưu Văn nghệ, Thể thao",
        "",
        "Tiết mục hợp ca đạt giải nhất",
        "",
        "Các đơn vị đạt thành tích môn Bóng bàn",
    )
    assert [i.kind for i in article.body] == [
        "paragraph",
        "gallery_heading",
        "photo",
        "photo",
    ]
    assert article.awards == []


@pytest.mark.parametrize(
    ("last_line", "name", "unit"),
    [
        ("Thạch Minh Hoài", "Thạch Minh Hoài", None),
        ("Việt Hà - Sở Ngoại vụ", "Việt Hà", "Sở Ngoại vụ"),
        ("Văn phòng Sở", None, "Văn phòng Sở"),
        (
            "Tác giả: Minh Châu (Văn phòng Sở Nội vụ)",
            "Minh Châu",
            "Văn phòng Sở Nội vụ",
        ),
        ("Khối họp lần hai vào tháng sau để rà soát kết quả.", None, None),
        ("Đại biểu thảo luận tại hội nghị", None, None),
    ],
)
def test_bylines(last_line, name, unit):
    article = lead_only("Chiều 08/01/2019, Khối tổ chức hội nghị.", "", last_line)
    assert (article.author_name, article.author_unit) == (name, unit)
    assert article.byline_raw == (last_line if name or unit else None)
    assert all(item.text != article.byline_raw for item in article.body)


def test_related_news_after_the_article_is_cut_off():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị.",
        "Việt Hà",
        "Các tin khác",
        "Khối thi đua Kinh tế ký kết giao ước (15/02/2020)",
    )
    assert article.author_name == "Việt Hà"
    assert [i.text for i in article.body] == [
        "Chiều 08/01/2019, Khối tổ chức hội nghị."
    ]


def test_curly_and_unbalanced_quotes_do_not_hide_units():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị tổng kết năm 2018.",
        "Sở Y tế với phong trào: “Vì sức khỏe nhân dân; Sở Tài chính với phong trào "
        '“Tài chính minh bạch"; Sở Giáo dục và Đào tạo với phong trào: “Dạy tốt.',
        "Tại Hội nghị, Sở Tài chính xếp thứ nhất, đề nghị tặng Cờ thi đua của tỉnh.",
    )
    assert set(article.member_units_named) == {
        "Sở Y tế",
        "Sở Tài chính",
        "Sở Giáo dục và Đào tạo",
    }
    assert article.rankings == [Ranking(2018, 1, "Sở Tài chính")]


# Facts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Tại hội nghị, 07 đơn vị thành viên đã thảo luận.", 7),
        ("Tại hội nghị, 8 đơn vị thành viên trong khối đã thảo luận.", 8),
        ("Khối thi đua gồm 7 tỉnh: Lạng Sơn, Lai Châu, Lào Cai và Sơn La.", 7),
        ("Tham dự có lãnh đạo Sở Nội vụ 6 tỉnh trong Cụm.", 6),
        ("Khối có 9 đơn vị, chia làm hai nhóm.", 9),
        ("Tại hội nghị, 03 đơn vị xếp thứ ba gồm Sở Y tế, Sở Tài chính.", None),
        ("Có 29 tập thể, 161 cá nhân được đề nghị khen thưởng.", None),
    ],
)
def test_stated_member_counts(sentence, count):
    article = lead_only("Chiều 08/01/2019, Khối tổ chức hội nghị.", sentence)
    assert article.member_count_stated == count


def test_ranking_ties_and_the_awards_proposed_for_them():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị tổng kết công tác thi đua năm 2018.",
        "Tại hội nghị, các đơn vị đã bình xét thi đua năm 2018 với kết quả: Sở Y tế "
        "xếp thứ nhất, đề nghị tặng cờ thi đua của Chính phủ; Sở Tài chính xếp thứ hai "
        "đề nghị tặng cờ thi đua của tỉnh và 03 đơn vị xếp thứ ba gồm Sở Nội vụ, Sở Tư "
        "pháp, Sở Xây dựng được đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh.",
    )
    assert article.rankings == [
        Ranking(2018, 1, "Sở Y tế"),
        Ranking(2018, 2, "Sở Tài chính"),
        Ranking(2018, 3, "Sở Nội vụ"),
        Ranking(2018, 3, "Sở Tư pháp"),
        Ranking(2018, 3, "Sở Xây dựng"),
    ]
    assert [(a.type, a.recipient, a.rank, a.status) for a in article.awards] == [
        ("co_thi_dua_chinh_phu", "Sở Y tế", 1, "de_nghi"),
        ("co_thi_dua_tinh", "Sở Tài chính", 2, "de_nghi"),
        ("bang_khen_chu_tich_ubnd_tinh", "Sở Nội vụ", 3, "de_nghi"),
        ("bang_khen_chu_tich_ubnd_tinh", "Sở Tư pháp", 3, "de_nghi"),
        ("bang_khen_chu_tich_ubnd_tinh", "Sở Xây dựng", 3, "de_nghi"),
    ]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Khối nhất trí đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Y tế.", "de_nghi"),
        ("Sở Y tế được đề nghị tặng Cờ thi đua của UBND tỉnh.", "de_nghi"),
        ("Khối trình UBND tỉnh tặng Cờ thi đua cho Sở Y tế.", "trinh"),
        ("Sở Y tế đã được Chủ tịch UBND tỉnh tặng Cờ thi đua.", "da_quyet_dinh"),
        ("Tại hội nghị, Sở Y tế vinh dự đón nhận Cờ thi đua của UBND tỉnh.", "da_trao"),
    ],
)
def test_award_status_follows_the_wording(sentence, status):
    article = lead_only("Chiều 08/01/2019, Khối tổ chức tổng kết năm 2018.", sentence)
    assert article.awards == [AwardRecord(2018, "co_thi_dua_tinh", "Sở Y tế", status)]


def test_bare_flags_take_the_authority_or_the_bloc_level():
    article = parsed(SEEDS_DIR / "001_5ad1419dee86e8b6.txt")
    assert {a.type for a in article.awards} == {"co_thi_dua_bo", "bang_khen_bo"}
    provincial = lead_only(
        "Chiều 08/01/2019, Văn phòng UBND tỉnh tổ chức tổng kết năm 2018.",
        "Khối thống nhất đề nghị tặng Bằng khen cho Sở Y tế.",
    )
    assert [a.type for a in provincial.awards] == ["bang_khen_chu_tich_ubnd_tinh"]


def test_souvenir_pennants_and_contest_prizes_are_not_awards():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức giao lưu văn nghệ, thể thao.",
        "Sở Y tế trao cờ lưu niêm cho các đơn vị; tiết mục hợp ca của Sở Tài chính "
        "đạt giải nhất; Sở Nội vụ đạt giải nhì môn bóng bàn.",
    )
    assert article.awards == []
    assert article.rankings == []
    assert "trao_khen_thuong" not in {a.kind for a in article.event_kinds}


def test_roles_from_election_handover_and_titles():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị tổng kết năm 2018.",
        "Ông Nguyễn Văn A - Giám đốc Sở Y tế - Trưởng khối năm 2018 chủ trì hội nghị.",
        "Hội nghị đã tổ chức bàn giao vai trò Trưởng khối năm 2019 từ Sở Y tế cho Sở "
        "Tài chính; Sở Nội vụ được bầu làm Phó trưởng khối năm 2019.",
    )
    assert article.roles == [
        Role(2018, "truong", "Sở Y tế"),
        Role(2019, "truong", "Sở Tài chính"),
        Role(2019, "pho", "Sở Nội vụ"),
    ]


def test_roles_named_after_the_role_word_or_after_a_person():
    article = lead_only(
        "Chiều 08/01/2020, Khối tổ chức hội nghị tổng kết năm 2019.",
        "Trưởng khối năm 2020 là Sở Công Thương, Phó trưởng khối là Sở Giao thông vận "
        "tải.",
        "Dưới sự chủ trì của đại diện Khối trưởng - Ông Lê Văn A, Giám đốc Sở Xây "
        "dựng và đại diện Khối phó - bà Trần Thị B - Phó Giám đốc Sở Tài nguyên và "
        "Môi trường, hội nghị đã thống nhất.",
    )
    assert article.roles == [
        Role(2019, "truong", "Sở Xây dựng"),
        Role(2019, "pho", "Sở Tài nguyên và Môi trường"),
        Role(2020, "truong", "Sở Công Thương"),
        Role(2020, "pho", "Sở Giao thông vận tải"),
    ]


def test_handover_alone_implies_last_years_leader():
    article = parsed(SEEDS_DIR / "002_f8eb950489ae91c4.txt")
    assert Role(2018, "truong", "Văn phòng UBND tỉnh", implied=True) in article.roles


def test_officials_posts_do_not_make_members_or_provinces():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị.",
        "Dự hội nghị có bà Lê Thị B - Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ và "
        "ông Trần Văn C - Phó Chủ tịch UBND tỉnh.",
        "Sở Y tế, Sở Tài chính báo cáo kết quả thực hiện giao ước.",
    )
    assert article.member_units_named == ["Sở Y tế", "Sở Tài chính"]
    assert article.provinces == []
    assert article.bloc_organiser is None


def test_named_province_gives_the_organiser_and_canonical_unit_names():
    article = lead_only(
        "Chiều 08/01/2019, Khối thi đua Văn hóa - Xã hội tỉnh Bạc liêu tổ chức họp.",
        "Phó Chủ tịch UBND tỉnh Bạc Liêu dự hội nghị. Sở Y tế tỉnh Bạc Liêu báo cáo.",
    )
    assert article.provinces == ["Bạc Liêu"]
    assert (article.bloc_level, article.bloc_organiser) == (
        "tinh",
        "UBND tỉnh Bạc Liêu",
    )
    assert "Sở Y tế tỉnh Bạc Liêu" in article.member_units_named


def test_khoi_and_cum_name_the_same_bloc():
    article = parse_text(
        "Hội nghị tổng kết của Sở Tư pháp các tỉnh Tây Nguyên\n"
        "Ngày 10/1/2019, Cụm thi đua Sở Tư pháp các tỉnh Tây Nguyên tổ chức tổng kết.\n"
        "Khối thi đua Sở Tư pháp các tỉnh Tây Nguyên gồm 5 tỉnh: Kon Tum, Gia Lai, "
        "Đắk Lắk, Đắk Nông và Lâm Đồng. Cụm thi đua Sở Tư pháp các tỉnh Tây Nguyên "
        "đã ký kết giao ước năm 2019."
    )
    assert article.bloc_name == "Cụm thi đua Sở Tư pháp các tỉnh Tây Nguyên"
    assert article.bloc_kind == "cum"
    assert set(article.bloc_other_names) == {
        "Khối thi đua Sở Tư pháp các tỉnh Tây Nguyên",
        "Sở Tư pháp các tỉnh Tây Nguyên",
    }
    assert article.provinces == [
        "Kon Tum",
        "Gia Lai",
        "Đắk Lắk",
        "Đắk Nông",
        "Lâm Đồng",
    ]
    assert article.bloc_level == "bo_nganh"


def test_cluster_of_districts_is_provincial_and_names_its_districts():
    article = parse_text(
        "Cụm thi đua số 2 các huyện, thị xã ký kết giao ước thi đua năm 2021\n"
        "Sáng ngày 05/3/2021, tại Hội trường UBND huyện Châu Thành, Cụm thi đua số 2 "
        "các huyện, thị xã tổ chức ký kết giao ước thi đua năm 2021. Cụm gồm 4 đơn vị: "
        "UBND huyện Châu Thành, UBND huyện Mỏ Cày Nam, UBND huyện Giồng Trôm và UBND "
        "thị xã Bình Minh.\n"
        "Năm 2021, UBND huyện Châu Thành là Cụm trưởng, UBND huyện Giồng Trôm là Cụm "
        "phó."
    )
    assert article.bloc_name == "Cụm thi đua số 2 các huyện, thị xã"
    assert (article.bloc_kind, article.bloc_level) == ("cum", "tinh")
    assert article.venue_unit == "UBND huyện Châu Thành"
    assert set(article.member_units_named) == {
        "UBND huyện Châu Thành",
        "UBND huyện Mỏ Cày Nam",
        "UBND huyện Giồng Trôm",
        "UBND thị xã Bình Minh",
    }
    assert article.member_count_stated == 4
    assert article.roles == [
        Role(2021, "truong", "UBND huyện Châu Thành"),
        Role(2021, "pho", "UBND huyện Giồng Trôm"),
    ]
    assert article.provinces == []


def test_cluster_of_provinces_is_central():
    article = parse_text(
        "Cụm thi đua các tỉnh Tây Nguyên ký kết giao ước thi đua năm 2022\n"
        "Ngày 10/3/2022, tại thành phố Pleiku, Cụm thi đua các tỉnh Tây Nguyên ký kết "
        "giao ước thi đua năm 2022 dưới sự chỉ đạo của Ban Thi đua - Khen thưởng Trung "
        "ương. Cụm gồm 5 tỉnh: Kon Tum, Gia Lai, Đắk Lắk, Đắk Nông và Lâm Đồng."
    )
    assert article.bloc_level == "trung_uong"
    # The Board guides; only the Council organises, and the text does not name it.
    assert article.bloc_organiser is None
    assert article.venue_raw == "tại thành phố Pleiku"
    assert article.member_count_stated == 5


def test_a_bare_unit_takes_the_one_province_the_article_gives_it():
    article = parse_text(
        "Sở Tư pháp tỉnh Cà Mau đón nhận Huân chương Lao động hạng Ba\n"
        "Chiều 20/12/2019, Sở Tư pháp tỉnh Cà Mau long trọng tổ chức Lễ đón nhận "
        "Huân chương Lao động hạng Ba.\n"
        "Dịp này, Sở Tư pháp được Bộ trưởng Bộ Tư pháp tặng Cờ thi đua năm 2019.\n"
        "P.V"
    )
    assert article.host_unit == "Sở Tư pháp tỉnh Cà Mau"
    assert article.member_units_named == ["Sở Tư pháp tỉnh Cà Mau"]
    assert (article.author_name, article.author_unit) == ("P.V", None)
    assert article.awards == [
        AwardRecord(2019, "huan_chuong", "Sở Tư pháp tỉnh Cà Mau", "da_trao"),
        AwardRecord(2019, "co_thi_dua_bo", "Sở Tư pháp tỉnh Cà Mau", "da_quyet_dinh"),
    ]


def test_narrative_and_plans_are_not_events_of_the_article():
    article = lead_only(
        "Chiều 08/01/2019, Khối tổ chức hội nghị tổng kết năm 2018.",
        "Năm 2018, Sở Y tế đã phát động nhiều phong trào thi đua.",
        "Các đơn vị thống nhất hằng năm tổ chức giao lưu thể thao, văn nghệ để tăng "
        "cường gắn kết, hướng tới Đại hội thi đua yêu nước.",
    )
    assert article.event_kinds == [
        Activity("ky_ket_giao_uoc", 2019, True),
        Activity("tong_ket", 2018, False),
    ]


def test_an_article_without_facts_leaves_them_empty():
    article = parse_text("Thông báo lịch làm việc của Khối\nKhối sẽ họp vào tuần tới.")
    empty = ParsedArticle(file="", title=article.title, lead=article.lead)
    assert {**article.as_dict(), "body": []} == {
        **empty.as_dict(),
        "bloc_name": None,
        "body": [],
    }


# HTML pages --------------------------------------------------------------------------


def test_liferay_page_keeps_images_alt_and_drops_chrome():
    article = parsed(SAMPLES_DIR / "cum_tai_chinh_liferay.html")
    photos = [(i.text, i.alt) for i in article.body if i.kind == "photo"]
    assert photos == [
        ("Quang cảnh hội nghị tổng kết", "Quang cảnh hội nghị"),
        ("Lãnh đạo 5 Sở Tài chính ký kết giao ước thi đua năm 2019", "Ký kết giao ước"),
    ]
    everything = json.dumps(article.as_dict(), ensure_ascii=False)
    for chrome in ["Zurück", "Asset Publisher", "Liferay", "Trang chủ", "Bản quyền"]:
        assert chrome not in everything
    assert "Chuyển đến nội dung chính" not in everything


def test_sharepoint_page_drops_ribbon_skip_links_and_errors():
    article = parsed(SAMPLES_DIR / "khoi_co_quan_dang_sharepoint.html")
    everything = json.dumps(article.as_dict(), ensure_ascii=False)
    for chrome in ["Skip", "Cannot retrieve", "_spPageContextInfo", "Duyệt Trang"]:
        assert chrome not in everything
    assert article.title.startswith("Khối thi đua các cơ quan Đảng tỉnh")
    assert article.body[1].kind == "photo"


def test_html_images_without_captions_are_photos_without_text():
    html = (
        "<html><head><title>Tin - Cổng thông tin</title></head><body>"
        f"<h1>{TITLE}</h1><p>Chiều 08/01/2019, Khối tổ chức hội nghị.</p>"
        "<p>Một số hình ảnh tại Hội nghị</p>"
        '<p><img src="/a.jpg" alt="Ảnh 1"><img src="/b.jpg"></p>'
        '<img src="/icons/print.png" alt="In">'
        "</body></html>"
    )
    article = parse_html(html)
    assert [(i.kind, i.text, i.alt) for i in article.body] == [
        ("paragraph", "Chiều 08/01/2019, Khối tổ chức hội nghị.", None),
        ("gallery_heading", "Một số hình ảnh tại Hội nghị", None),
        ("photo", "", "Ảnh 1"),
        ("photo", "", None),
    ]
    assert article.photo_captions == []


def test_html_title_falls_back_to_the_page_title():
    html = (
        f"<html><head><title>{TITLE} - Sở Y tế</title></head>"
        "<body><div class='content'><p>Chiều 08/01/2019, Khối tổ chức hội nghị. "
        "Các đơn vị trong Khối đã thảo luận về kế hoạch năm 2019 và ký kết giao ước "
        "thi "
        "đua năm 2019 với quyết tâm cao.</p></div></body></html>"
    )
    assert parse_html(html).title == TITLE


def test_parse_text_hands_html_to_parse_html():
    html = (SAMPLES_DIR / "cum_tai_chinh_liferay.html").read_text(encoding="utf-8")
    assert parse_text(html).as_dict() == {
        **parsed(SAMPLES_DIR / "cum_tai_chinh_liferay.html").as_dict(),
        "file": "",
    }


# Not articles ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("", "empty input"),
        (f"  {NBSP}\n{NBSP * 5}\n", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"\xff\xd8\xff\xe0 JFIF \xc3\x28", "binary data"),
        ("\x01\x02\x03 Khối thi đua \x04\x05\x06\x07\x08\x0e\x0f", "binary data"),
        ("Skip Ribbon Commands\nSkip to main content\nZurück", "not Vietnamese"),
        ("Chuyển đến nội dung chính\nQuay lại\nĐăng nhập", "no title"),
        ("Khối thi đua ký kết giao ước thi đua năm 2019", "no article body"),
        ('{"title": "Khối thi đua", "body": "ký kết"}', "JSON"),
        ("Hello world.\nThis page is in English, not in Vietnamese.", "not Vietnamese"),
        ("Khoái thi ñua caùc sôû kyù keát giao öôùc thi ñua naêm 2019", "VNI"),
        ("Khối " * 200 + "\nthân bài", "no title"),
        (12345, "expected text"),
    ],
)
def test_garbage_is_refused_with_a_reason(data, reason):
    with pytest.raises(ParseError, match=reason):
        parse_text(data)


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        (
            "<html><body><nav>Trang chủ</nav><footer>Bản quyền</footer></body></html>",
            "empty",
        ),
        ("<html><head><script>var a = 'Khối thi đua';</script></head></html>", "empty"),
        (b"<html>\x00\x00</html>", "binary data"),
    ],
)
def test_garbage_html_is_refused_with_a_reason(html, reason):
    with pytest.raises(ParseError, match=reason):
        parse_html(html)
