"""Controlled vocabularies: provinces, unit names, portal chrome, event and award words.

Names follow the official Vietnamese usage. Lists are data, so extending them
for a new portal or a new kind of unit needs no change to the parsing code.
"""

import re

from legacy.importer.text import key

# The 63 provinces before 1 July 2025, plus "Huế", the name the province database
# uses for what was "Thừa Thiên Huế" until January 2025.
PROVINCES = [
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế",
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh",
    "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
    "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An",
    "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Tiền Giang", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]  # fmt: skip
PROVINCE_ALIASES = {
    "Thừa Thiên Huế": "Huế",
    "Thừa Thiên - Huế": "Huế",
    "TP. Hồ Chí Minh": "Hồ Chí Minh",
    "TP.HCM": "Hồ Chí Minh",
    "TP HCM": "Hồ Chí Minh",
    "Bà Rịa Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Đăk Lăk": "Đắk Lắk",
    "Đắk Lăk": "Đắk Lắk",
    "Đắc Lắc": "Đắk Lắk",
    "Đăk Nông": "Đắk Nông",
    "Đắc Nông": "Đắk Nông",
    "Kontum": "Kon Tum",
    "Bắc Cạn": "Bắc Kạn",
}
CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}


def _flexible(name):
    """A regex for ``name`` that accepts any spacing and either kind of dash."""
    words = re.sub(r"\s*[-–]\s*", " - ", name).split()
    pattern = ""
    for index, word in enumerate(words):
        if word == "-":
            pattern += r"\s*[-–]\s*"
            continue
        if index and words[index - 1] != "-":
            pattern += r"\s+"
        pattern += re.escape(word)
    return pattern


def province_key(name):
    return re.sub(r"\s*[-–]\s*", " - ", key(name))


PROVINCE_BY_KEY = {province_key(name): name for name in PROVINCES}
PROVINCE_BY_KEY.update({province_key(a): n for a, n in PROVINCE_ALIASES.items()})
PROVINCE_PATTERN = "|".join(
    _flexible(name)
    for name in sorted([*PROVINCES, *PROVINCE_ALIASES], key=len, reverse=True)
)

# Fields of provincial departments (Sở) and of ministries (Bộ), with the
# abbreviations portals use. "&" and "và" are interchangeable everywhere.
FIELDS = [
    ("Kế hoạch và Đầu tư", [r"KH\s*&\s*ĐT", r"KH\s*-\s*ĐT", "KHĐT", "KH và ĐT"]),
    ("Tài chính", []),
    ("Nội vụ", []),
    ("Tư pháp", []),
    ("Xây dựng", []),
    ("Khoa học và Công nghệ", [r"KH\s*&\s*CN", "KHCN", "Khoa học - Công nghệ"]),
    ("Công Thương", []),
    ("Giao thông vận tải", ["Giao thông - Vận tải", "GTVT"]),
    (
        "Nông nghiệp và Phát triển nông thôn",
        [r"NN\s*&\s*PTNT", "NNPTNT", "Nông nghiệp và PTNT"],
    ),
    ("Nông nghiệp và Môi trường", []),
    ("Tài nguyên và Môi trường", [r"TN\s*&\s*MT", "TNMT"]),
    (
        "Lao động - Thương binh và Xã hội",
        [r"LĐ\s*-\s*TB\s*&\s*XH", "LĐTBXH", "Lao động Thương binh và Xã hội"],
    ),
    ("Văn hóa, Thể thao và Du lịch", [r"VH\s*-\s*TT\s*&\s*DL", "VHTTDL"]),
    ("Giáo dục và Đào tạo", [r"GD\s*&\s*ĐT", "GDĐT", "Giáo dục - Đào tạo"]),
    ("Y tế", []),
    ("Thông tin và Truyền thông", [r"TT\s*&\s*TT", "TTTT"]),
    ("Dân tộc và Tôn giáo", []),
]
DEPARTMENT_ONLY = [
    ("Ngoại vụ", []),
    ("Văn hóa và Thể thao", []),
    ("Du lịch", []),
]
MINISTRY_ONLY = [("Ngoại giao", []), ("Quốc phòng", []), ("Công an", [])]


def _field_pattern(name):
    pattern = _flexible(name).replace("và", "(?:và|&)")
    return pattern.replace(r",\s+", r",?\s+")


def _field_entries(head, fields):
    entries = []
    for name, aliases in fields:
        patterns = [
            _field_pattern(name),
            *(a if "\\" in a else _flexible(a) for a in aliases),
        ]
        entries.append((f"{head} {name}", rf"{head}\s+(?:{'|'.join(patterns)})"))
    return entries


# Units that can be members of a bloc: (canonical name, regex).
UNITS = [
    *_field_entries("Sở", FIELDS + DEPARTMENT_ONLY),
    (
        "Văn phòng Đoàn Đại biểu Quốc hội và HĐND",
        r"Văn phòng Đoàn (?:Đại biểu Quốc hội|ĐBQH) (?:và|&) "
        r"(?:HĐND|Hội đồng nhân dân)",
    ),
    ("Văn phòng Đoàn Đại biểu Quốc hội", r"Văn phòng Đoàn (?:Đại biểu Quốc hội|ĐBQH)"),
    ("Văn phòng HĐND", r"Văn phòng (?:HĐND|Hội đồng nhân dân)"),
    ("Văn phòng UBND", r"Văn phòng (?:UBND|Ủy ban nhân dân|UB nhân dân)"),
    ("Văn phòng Tỉnh ủy", r"Văn phòng (?:Tỉnh|Thành) ủy"),
    ("Liên minh Hợp tác xã", r"Liên minh (?:các )?(?:Hợp tác xã|HTX)"),
    ("Cục Thống kê", r"Cục Thống kê"),
    ("Cục Thuế", r"Cục Thuế"),
    ("Cục Hải quan", r"Cục Hải quan"),
    ("Cục Quản lý thị trường", r"Cục Quản lý thị trường"),
    ("Kho bạc Nhà nước", r"Kho bạc Nhà nước|KBNN"),
    ("Ngân hàng Nhà nước chi nhánh", r"Ngân hàng Nhà nước(?: Việt Nam)? chi nhánh"),
    ("Ngân hàng Chính sách xã hội", r"Ngân hàng Chính sách xã hội|NHCSXH"),
    ("Bảo hiểm xã hội", r"Bảo hiểm xã hội|BHXH"),
    ("Thanh tra", r"Thanh tra(?=\s+(?:tỉnh|thành phố)\b)"),
    ("Công an", r"Công an(?=\s+(?:tỉnh|thành phố)\b)"),
    ("Ban Dân tộc", r"Ban Dân tộc"),
    (
        "Ban Quản lý các Khu công nghiệp",
        r"Ban Quản lý (?:các )?(?:Khu công nghiệp|KCN)",
    ),
    ("Ban Quản lý Khu kinh tế", r"Ban Quản lý (?:các )?Khu kinh tế"),
    ("Đài Phát thanh và Truyền hình", r"Đài Phát thanh (?:và |& |- ?)?Truyền hình"),
    ("Trường Chính trị", r"Trường Chính trị"),
    ("Liên đoàn Lao động", r"Liên đoàn Lao động"),
    ("Hội Nông dân", r"Hội Nông dân"),
    ("Hội Liên hiệp Phụ nữ", r"Hội Liên hiệp Phụ nữ|Hội LHPN"),
    ("Hội Cựu chiến binh", r"Hội Cựu chiến binh"),
    ("Hội Chữ thập đỏ", r"Hội Chữ thập đỏ"),
    ("Tỉnh đoàn", r"Tỉnh đoàn"),
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam",
        r"Ủy ban (?:Mặt trận Tổ quốc|MTTQ)(?: Việt Nam| VN)?",
    ),
    (
        "Liên hiệp các Hội Khoa học và Kỹ thuật",
        r"Liên hiệp các Hội Khoa học (?:và|&) Kỹ thuật",
    ),
    ("Ban Tổ chức Tỉnh ủy", r"Ban Tổ chức (?:Tỉnh|Thành) ủy"),
    ("Ban Tuyên giáo Tỉnh ủy", r"Ban Tuyên giáo (?:Tỉnh|Thành) ủy"),
    ("Ban Dân vận Tỉnh ủy", r"Ban Dân vận (?:Tỉnh|Thành) ủy"),
    ("Ban Nội chính Tỉnh ủy", r"Ban Nội chính (?:Tỉnh|Thành) ủy"),
    ("Ủy ban Kiểm tra Tỉnh ủy", r"Ủy ban Kiểm tra (?:Tỉnh|Thành) ủy"),
    ("Bộ Chỉ huy Quân sự", r"Bộ Chỉ huy Quân sự"),
    ("Tòa án nhân dân", r"Tòa án nhân dân"),
    ("Viện Kiểm sát nhân dân", r"Viện Kiểm sát nhân dân"),
]
# Bodies that lead, supervise or decide, and so are never members of the bloc.
AUTHORITIES = [
    (
        "Hội đồng Thi đua - Khen thưởng",
        r"Hội đồng thi đua(?:\s*[-–,]\s*|\s+)khen thưởng",
    ),
    ("Ban Thi đua - Khen thưởng", r"Ban thi đua(?:\s*[-–,]\s*|\s+)khen thưởng"),
    ("Vụ Thi đua - Khen thưởng", r"Vụ thi đua(?:\s*[-–,]\s*|\s+)khen thưởng"),
    ("Ban Thường vụ Tỉnh ủy", r"Ban Thường vụ (?:Tỉnh|Thành) ủy"),
    ("UBND", r"UBND|Ủy ban nhân dân|UB nhân dân"),
    ("HĐND", r"HĐND|Hội đồng nhân dân"),
    ("Tỉnh ủy", r"Tỉnh ủy|Thành ủy"),
    ("Bộ Chính trị", r"Bộ Chính trị"),
    ("Ban Bí thư", r"Ban Bí thư"),
    ("Thủ tướng Chính phủ", r"Thủ tướng(?: Chính phủ)?"),
    ("Chính phủ", r"Chính phủ"),
]
MINISTRIES = _field_entries("Bộ", FIELDS + MINISTRY_ONLY)

# Heads of unit names not in the lists above, read up to where the proper name ends.
GENERIC_UNIT_HEADS = [
    "Sở", "Cục", "Chi cục", "Ban", "Trung tâm", "Văn phòng", "Hội", "Liên đoàn",
    "Trường", "Báo", "Đài", "Công ty", "Tổng công ty", "Ngân hàng", "Viện",
    "Bệnh viện", "Phòng",
]  # fmt: skip

# Position titles: a unit written right after one names a person's post, and the
# unit only takes part in the bloc if the text says so elsewhere.
POSITION_BEFORE_UNIT = re.compile(
    r"(?:\b(?:phó\s+)?(?:giám\s+đốc|chủ\s+tịch|vụ\s+trưởng|vụ\s+phó|cục\s+trưởng"
    r"|chánh\s+văn\s+phòng|chánh\s+thanh\s+tra|bí\s+thư|thủ\s+trưởng|hiệu\s+trưởng"
    r"|tổng\s+giám\s+đốc|trưởng\s+(?:phòng|ban)|trưởng|ủy\s+viên|thành\s+viên"
    r"|chi\s+cục\s+trưởng|phó))\s*[:,]?\s*$",
    re.IGNORECASE,
)

CHROME_LINES = {
    key(line)
    for line in (
        "Asset Publisher", "Asset Publisher Asset Publisher", "Zurück", "Back",
        "Quay lại", "« Quay lại", "Trở về", "Trở lại", "Skip Ribbon Commands",
        "Skip to main content", "Skip to navigation", "Bỏ qua lệnh Ruy-băng",
        "Bỏ qua để tới nội dung chính", "Chuyển đến nội dung chính",
        "Turn on more accessible mode", "Turn off more accessible mode", "Sign In",
        "Đăng nhập", "In bài viết", "In trang", "Bản in", "Gửi email",
        "Gửi bài viết", "Chia sẻ", "Print", "Email", "Facebook", "Zalo", "Twitter",
        "Tweet", "Share", "Lên đầu trang", "Về đầu trang", "Đầu trang", "Trang chủ",
        "Web Part Error", "Tải về", "Xem thêm", "Đọc thêm", "Web Content Display",
        "Hiển thị nội dung web", "Ẩn", "Hiện",
    )
}  # fmt: skip
CHROME_PREFIXES = tuple(
    key(line)
    for line in (
        "Cannot retrieve the URL specified in the Content Link property",
        "Web Part Error:", "This page has been modified since you opened it",
        "Sorry, something went wrong", "Lượt xem", "Số lượt xem", "Lượt truy cập",
        "Bạn đang ở", "You are here", "Đánh giá bài viết", "Ý kiến bạn đọc",
    )
)  # fmt: skip
# Widgets after the article: what follows them is other content.
TAIL_HEADINGS = {
    key(line)
    for line in (
        "Các tin khác", "Tin khác", "Tin liên quan", "Các tin liên quan",
        "Tin cùng chuyên mục", "Các tin đã đưa", "Tin đã đưa", "Tin mới hơn",
        "Tin cũ hơn", "Bài viết liên quan", "Các bài viết khác", "Thông báo",
        "Liên kết web", "Liên kết website", "Thống kê truy cập", "Thăm dò ý kiến",
        "Văn bản mới", "Tin xem nhiều", "Tin nổi bật",
    )
}  # fmt: skip
SECTION_LABELS = {
    key(line)
    for line in (
        "Tin trong tỉnh", "Tin trong nước", "Tin tức", "Tin tức - Sự kiện",
        "Tin tức sự kiện", "Tin hoạt động", "Hoạt động", "Tin thi đua",
        "Tin thi đua - khen thưởng", "Thi đua - Khen thưởng", "Tin địa phương",
        "Tin ngành", "Tin hoạt động ngành", "Sự kiện", "Tin sự kiện", "Tin tổng hợp",
        "Hoạt động của Khối", "Hoạt động của Cụm", "Hoạt động Khối, Cụm thi đua",
    )
}  # fmt: skip

EVENT_PATTERNS = {
    "ky_ket_giao_uoc": [
        r"\bký(?:\s+kết)?\s+(?:bản\s+)?giao\s+ước",
        r"\bký\s+kết\s+thi\s+đua",
        r"\blễ\s+ký\s+kết",
    ],
    "phat_dong": [r"\bphát\s+động"],
    "dang_ky_thi_dua": [r"\bđăng\s+ký\s+(?:các\s+)?(?:thi\s+đua|danh\s+hiệu)"],
    "so_ket": [r"\bsơ\s+kết"],
    "tong_ket": [r"\btổng\s+kết"],
    "binh_xet": [
        r"\bbình\s+xét",
        r"\bchấm\s+điểm",
        r"\bxếp\s+hạng",
        r"\bxếp\s+thứ",
        r"\bbình\s+bầu",
    ],
    "de_nghi_khen_thuong": [
        r"\bđề\s+nghị\b[^.;:]{0,80}?\b(?:tặng|khen\s+thưởng|công\s+nhận)",
        r"\bđề\s+xuất\s+khen\s+thưởng",
    ],
    "trao_khen_thuong": [
        r"\btrao(?:\s+tặng)?\s+(?:cờ\s+thi\s+đua|bằng\s+khen|giấy\s+khen|huân\s+chương"
        r"|danh\s+hiệu|kỷ\s+niệm\s+chương)",
        r"\bđón\s+nhận\s+(?:cờ\s+thi\s+đua|bằng\s+khen|huân\s+chương|danh\s+hiệu)",
        r"\blễ\s+trao\s+tặng",
    ],
    "bau_luan_phien": [
        r"\b(?:bàn\s+giao|tiếp\s+nhận|chuyển\s+giao)\s+(?:vai\s+trò\s+|nhiệm\s+vụ\s+)?"
        r"(?:đơn\s+vị\s+)?(?:trưởng\s+(?:khối|cụm)|(?:khối|cụm)\s+trưởng)",
        r"\b(?:bầu|bình\s+bầu|bình\s+chọn|suy\s+tôn|chọn|giới\s+thiệu|cử)\b[^.;]{0,160}?"
        r"\blàm\s+(?:đơn\s+vị\s+)?(?:trưởng|phó|khối|cụm)\b",
        r"\bluân\s+phiên\s+(?:làm\s+)?(?:trưởng\s+(?:khối|cụm)|(?:khối|cụm)\s+trưởng)",
    ],
    "giao_luu_the_thao_van_nghe": [
        r"\bgiao\s+lưu\b[^.;]{0,40}?\b(?:hội\s+thao|văn\s+nghệ|thể\s+thao|thể\s+dục)",
        r"\bhội\s+thao\b",
        r"\bhội\s+diễn\b",
    ],
    "giao_luu_kinh_nghiem": [
        r"\bgiao\s+lưu\s+(?:học\s+tập\s+)?(?:trao\s+đổi\s+)?kinh\s+nghiệm",
        r"\bhọc\s+tập\s+kinh\s+nghiệm",
        r"\btrao\s+đổi\s+kinh\s+nghiệm",
        r"\btham\s+quan\s+học\s+tập",
    ],
    "kiem_tra_cheo": [r"\bkiểm\s+tra\s+chéo"],
    "dai_hoi_thi_dua": [r"\bđại\s+hội\s+thi\s+đua"],
    "hoi_thi": [r"\bhội\s+thi\b", r"\bcuộc\s+thi\b"],
}
# The order of the annual cycle (DOMAIN §0.3), used to list body activities.
CYCLE_ORDER = [
    "so_ket", "tong_ket", "binh_xet", "de_nghi_khen_thuong", "trao_khen_thuong",
    "bau_luan_phien", "phat_dong", "ky_ket_giao_uoc", "dang_ky_thi_dua",
    "giao_luu_the_thao_van_nghe", "giao_luu_kinh_nghiem", "kiem_tra_cheo", "hoi_thi",
    "dai_hoi_thi_dua", "khac",
]  # fmt: skip
# Kinds that look back at the year under review rather than at the new year.
REVIEW_KINDS = {"tong_ket", "binh_xet", "de_nghi_khen_thuong", "trao_khen_thuong"}

# Award names, most specific first. "cờ thi đua" and "bằng khen" without an
# authority are settled by who proposes or decides, or by the bloc's level.
AWARD_PATTERNS = [
    (
        "co_thi_dua_chinh_phu",
        r"cờ\s+thi\s+đua\s+(?:của\s+)?(?:Thủ\s+tướng\s+)?Chính\s+phủ",
    ),
    (
        "co_thi_dua_tinh",
        r"cờ\s+thi\s+đua\s+(?:của\s+)?(?:(?:Chủ\s+tịch\s+)?(?:UBND|Ủy\s+ban\s+nhân\s+dân)"
        r"\s+)?(?:tỉnh|thành\s+phố)\b|cờ\s+thi\s+đua\s+cấp\s+tỉnh",
    ),
    (
        "co_thi_dua_bo",
        r"cờ\s+thi\s+đua\s+(?:của\s+)?(?:Bộ|ngành)\b|cờ\s+thi\s+đua\s+cấp\s+bộ",
    ),
    ("co_thi_dua", r"cờ\s+thi\s+đua"),
    ("bang_khen_thu_tuong", r"bằng\s+khen\s+(?:của\s+)?Thủ\s+tướng"),
    (
        "bang_khen_chu_tich_ubnd_tinh",
        r"bằng\s+khen\s+(?:của\s+)?(?:Chủ\s+tịch\s+)?(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+"
        r"(?:tỉnh|thành\s+phố)|bằng\s+khen\s+(?:của\s+)?(?:cấp\s+)?tỉnh\b",
    ),
    (
        "bang_khen_bo",
        r"bằng\s+khen\s+(?:của\s+)?(?:Bộ\s+trưởng|Bộ\b)|bằng\s+khen\s+cấp\s+bộ",
    ),
    ("bang_khen", r"bằng\s+khen"),
    ("giay_khen", r"giấy\s+khen"),
    ("huan_chuong", r"huân\s+chương"),
    ("ky_niem_chuong", r"kỷ\s+niệm\s+chương"),
    ("chien_si_thi_dua_toan_quoc", r"chiến\s+sĩ\s+thi\s+đua\s+toàn\s+quốc"),
    ("chien_si_thi_dua_co_so", r"chiến\s+sĩ\s+thi\s+đua\s+cơ\s+sở"),
    (
        "chien_si_thi_dua_bo_tinh",
        r"chiến\s+sĩ\s+thi\s+đua\s+(?:cấp\s+)?(?:bộ|ngành|tỉnh)",
    ),
    ("tap_the_lao_dong_xuat_sac", r"tập\s+thể\s+lao\s+động\s+xuất\s+sắc"),
    ("tap_the_lao_dong_tien_tien", r"tập\s+thể\s+lao\s+động\s+tiên\s+tiến"),
    ("lao_dong_tien_tien", r"(?<!tập thể )lao\s+động\s+tiên\s+tiến"),
]
RANK_WORDS = {
    "nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
