"""Demo content for a first `make run`: blocs, units, settings, seed articles.

The articles in ``articles/`` are real ones from the old portals; the photos of
their galleries are generated, since the old portals' image files are not kept.
"""

from pathlib import Path

ARTICLES_DIR = Path(__file__).resolve().parent / "articles"

ORGANISERS = [
    # (name, short name, kind)
    ("Bộ Kế hoạch và Đầu tư", "Bộ KH&ĐT", "bo"),
]

# The blocs the seed articles report, as their organisers name them.
BLOCS = [
    {
        "title": "Cụm thi đua các tỉnh miền Tây Nam Bộ 2",
        "slug": "cum-thi-dua-tay-nam-bo-2",
        "short_name": "Cụm Tây Nam Bộ 2",
        "kind": "cum",
        "level": "bo_nganh",
        "organiser": "Bộ Kế hoạch và Đầu tư",
        "other_names": ["Cụm thi đua Tây Nam Bộ 2"],
        "intro": (
            "Cụm thi đua của các Sở Kế hoạch và Đầu tư sáu tỉnh miền Tây Nam Bộ, "
            "thuộc ngành Kế hoạch, Đầu tư và Thống kê."
        ),
    },
    {
        "title": (
            "Cụm thi đua Sở Kế hoạch và Đầu tư các tỉnh Miền núi biên giới phía Bắc"
        ),
        "slug": "cum-thi-dua-mien-nui-bien-gioi-phia-bac",
        "short_name": "Cụm miền núi biên giới phía Bắc",
        "kind": "cum",
        "level": "bo_nganh",
        "organiser": "Bộ Kế hoạch và Đầu tư",
        "other_names": [
            "Khối thi đua Sở Kế hoạch và Đầu tư các tỉnh miền núi biên giới phía Bắc"
        ],
        "intro": (
            "Cụm thi đua của các Sở Kế hoạch và Đầu tư bảy tỉnh miền núi biên giới "
            "phía Bắc."
        ),
    },
    {
        "title": "Khối thi đua các sở, ngành tổng hợp",
        "slug": "khoi-thi-dua-cac-so-nganh-tong-hop",
        "short_name": "Khối Tổng hợp",
        "kind": "khoi",
        "level": "tinh",
        "organiser": None,
        "other_names": ["Khối Thi đua các sở, ngành Tổng hợp"],
        "intro": "Khối thi đua các sở, ngành tổng hợp của tỉnh.",
    },
    {
        "title": "Khối thi đua Kinh tế ngành",
        "slug": "khoi-thi-dua-kinh-te-nganh",
        "short_name": "Khối Kinh tế ngành",
        "kind": "khoi",
        "level": "tinh",
        "organiser": None,
        "other_names": [],
        "intro": "Khối thi đua các sở quản lý kinh tế ngành của tỉnh.",
    },
]

SETTINGS = {
    "portal_name": "Bảng tin Thi đua",
    "governing_body": "Hội đồng Thi đua - Khen thưởng (dữ liệu mẫu)",
    "licence_line": "Giấy phép số 00/GP-TTĐT (dữ liệu mẫu, không phải giấy phép thật)",
    "responsible_person": "Trưởng ban biên tập (dữ liệu mẫu)",
    "address": "Địa chỉ của cơ quan chủ quản (dữ liệu mẫu)",
    "phone": "0000 000 000",
    "email": "bientap@example.vn",
}

WEB_LINKS = [
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Ban Thi đua - Khen thưởng Trung ương", "https://thiduakhenthuong.gov.vn/"),
    ("Bộ Nội vụ", "https://moha.gov.vn/"),
]

PHOTO_CREDIT = "Ảnh minh họa (dữ liệu mẫu)"
