"""The words of the benchmark's articles (demo/bench.py): event kinds and how
often each is reported, blocs, units, names, and templates of titles, leads,
sentences and captions, from the vocabulary of the blocs' news (review
conferences, pact signings, sports exchanges, awards)."""

FIRST_YEAR, LAST_YEAR = 2010, 2025

# Event kinds and how often an article reports each (weights).
KIND_WEIGHTS = {
    "tong_ket": 20,
    "ky_ket_giao_uoc": 18,
    "so_ket": 10,
    "phat_dong": 8,
    "giao_luu_the_thao_van_nghe": 10,
    "binh_xet": 5,
    "de_nghi_khen_thuong": 5,
    "trao_khen_thuong": 5,
    "kiem_tra_cheo": 4,
    "giao_luu_kinh_nghiem": 4,
    "bau_luan_phien": 2,
    "dai_hoi_thi_dua": 2,
    "hoi_thi": 2,
    "dang_ky_thi_dua": 2,
    "thong_bao": 5,
    "khac": 2,
}

# Blocs named in the text of articles that are not under a bloc's page.
OTHER_BLOCS = [
    ("Khối thi đua các cơ quan Đảng, đoàn thể tỉnh", "Khối Đảng, đoàn thể"),
    ("Khối thi đua Văn hóa - Xã hội", "Khối Văn hóa - Xã hội"),
    ("Khối thi đua Nội chính", "Khối Nội chính"),
    ("Cụm thi đua các tỉnh Đông Nam Bộ", "Cụm Đông Nam Bộ"),
    ("Cụm thi đua các tỉnh Bắc Trung Bộ", "Cụm Bắc Trung Bộ"),
    ("Cụm thi đua các tỉnh Tây Nguyên", "Cụm Tây Nguyên"),
    ("Khối thi đua các doanh nghiệp nhà nước", "Khối Doanh nghiệp"),
    ("Khối thi đua các trường đại học, cao đẳng", "Khối Giáo dục"),
    ("Cụm thi đua số 3 các huyện, thị xã", "Cụm số 3"),
    ("Khối thi đua các Ban Đảng và Văn phòng Tỉnh ủy", "Khối Ban Đảng"),
]
UNITS = [
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tư pháp",
    "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Thông tin và Truyền thông",
    "Sở KH&ĐT",
    "Văn phòng UBND",
    "Văn phòng Đoàn ĐBQH và HĐND",
    "Liên minh HTX",
    "Kho bạc Nhà nước",
    "Cục Thuế",
    "Bảo hiểm xã hội",
    "Ngân hàng Nhà nước chi nhánh",
    "Ban Thi đua - Khen thưởng",
    "Liên đoàn Lao động",
    "Hội Liên hiệp Phụ nữ",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
FAMILY += ["Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Thạch", "Mai", "Lò", "Hà"]
MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Thanh", "Đức", "Ngọc", "Quốc", "Thu", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hoài", "Hùng", "Hương", "Lan", "Long"]
GIVEN += ["Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Yến"]
POSTS = ["Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Trưởng ban", "Phó Chủ tịch"]
SPORTS = ["bóng đá", "cầu lông", "bóng bàn", "quần vợt", "kéo co", "cờ tướng"]
SPORTS += ["bóng chuyền hơi", "chạy việt dã"]
RARE_SPORT = "pickleball"  # in about 1 sports article in 50: the rare query
TAGS = [
    "giao ước thi đua",
    "tổng kết",
    "sơ kết",
    "khen thưởng",
    "thể thao",
    "văn nghệ",
    "cờ thi đua",
    "bằng khen",
    "cải cách hành chính",
    "chuyển đổi số",
    "phong trào thi đua",
    "điển hình tiên tiến",
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "xây dựng nông thôn mới",
    "kiểm tra chéo",
    "Cụm trưởng",
    "Trưởng khối",
]

TITLES = {
    "tong_ket": [
        "Hội nghị tổng kết công tác thi đua, khen thưởng năm {y} của {bloc}",
        "{bloc_short} tổng kết phong trào thi đua năm {y}, "
        "triển khai nhiệm vụ năm {y1}",
        "{unit} {province} đăng cai Hội nghị tổng kết {bloc_short} năm {y}",
    ],
    "ky_ket_giao_uoc": [
        "{bloc} ký kết giao ước thi đua năm {y}",
        "Lễ ký kết giao ước thi đua năm {y} của {bloc_short} tại {province}",
        "{unit} chủ trì ký kết giao ước thi đua {bloc_short} năm {y}",
    ],
    "so_ket": [
        "Sơ kết 6 tháng đầu năm {y} phong trào thi đua {bloc_short}",
        "{bloc_short} sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {y}",
    ],
    "phat_dong": [
        "Phát động phong trào thi đua yêu nước năm {y} trong {bloc}",
        "{unit} {province} phát động thi đua hoàn thành nhiệm vụ năm {y}",
    ],
    "giao_luu_the_thao_van_nghe": [
        "Giao lưu thể thao, văn nghệ {bloc_short} năm {y} tại {province}",
        "Hội thao {bloc_short} năm {y}: {n} vận động viên tranh tài môn {sport}",
    ],
    "binh_xet": [
        "{bloc_short} chấm điểm, bình xét thi đua năm {y}",
        "Bình xét, xếp hạng thi đua năm {y} của {bloc}",
    ],
    "de_nghi_khen_thuong": [
        "{bloc_short} đề nghị tặng Cờ thi đua của Chính phủ năm {y}",
        "{bloc_short} thống nhất đề nghị tặng Bằng khen cho {n} tập thể năm {y}",
    ],
    "trao_khen_thuong": [
        "{unit} {province} đón nhận Cờ thi đua của UBND tỉnh năm {y}",
        "Trao Bằng khen của Thủ tướng Chính phủ cho {unit} {province}",
    ],
    "kiem_tra_cheo": [
        "Kiểm tra chéo công tác thi đua, khen thưởng năm {y} giữa các đơn vị "
        "{bloc_short}",
    ],
    "giao_luu_kinh_nghiem": [
        "{bloc_short} giao lưu, học tập kinh nghiệm tại {province} năm {y}",
    ],
    "bau_luan_phien": [
        "{unit} {province} nhận nhiệm vụ Trưởng khối {bloc_short} năm {y1}",
    ],
    "dai_hoi_thi_dua": [
        "Đại hội Thi đua yêu nước {province} lần thứ {n}",
    ],
    "hoi_thi": [
        "Hội thi tìm hiểu công tác thi đua, khen thưởng {bloc_short} năm {y}",
    ],
    "dang_ky_thi_dua": [
        "Các đơn vị {bloc_short} đăng ký danh hiệu thi đua năm {y}",
    ],
    "thong_bao": [
        "Thông báo tổ chức Hội nghị tổng kết năm {y} của {bloc_short}",
        "Thông báo kết quả chấm điểm thi đua năm {y} của {bloc_short}",
    ],
    "khac": [
        "{bloc_short} thăm, tặng quà gia đình chính sách tại {province}",
    ],
}
LEADS = [
    "Ngày {day}, tại {venue}, {bloc} đã tổ chức {kind_lower} năm {y}. "
    "Tham dự có lãnh đạo {unit} và đại diện {n} đơn vị thành viên.",
    "Sáng {day}, {unit} {province}, đơn vị Trưởng khối năm {y}, chủ trì "
    "{kind_lower} của {bloc_short}.",
    "Thực hiện kế hoạch công tác thi đua, khen thưởng năm {y}, {bloc_short} "
    "tổ chức {kind_lower} tại {province}.",
]
SENTENCES = [
    "Năm {y}, các đơn vị trong {bloc_short} đã bám sát chỉ tiêu, nhiệm vụ được "
    "giao, triển khai sâu rộng các phong trào thi đua yêu nước.",
    "Hội nghị đã đánh giá kết quả thực hiện giao ước thi đua năm {y} và thống "
    "nhất nội dung, tiêu chí thi đua năm {y1}.",
    "Các đơn vị đã ký kết giao ước thi đua với quyết tâm hoàn thành vượt mức "
    "các chỉ tiêu phát triển kinh tế - xã hội của {province}.",
    "Phát biểu tại hội nghị, đồng chí {person}, {post} {unit}, ghi nhận những "
    "kết quả nổi bật của các đơn vị trong Khối.",
    "Công tác cải cách hành chính, chuyển đổi số và ứng dụng công nghệ thông "
    "tin tiếp tục được các đơn vị quan tâm, đạt nhiều kết quả tích cực.",
    "100% cán bộ, công chức, viên chức và người lao động hoàn thành tốt nhiệm "
    "vụ; tổ chức Đảng, đoàn thể đạt trong sạch, vững mạnh.",
    "Hội nghị thống nhất đề nghị UBND tỉnh tặng Cờ thi đua cho {unit} và Bằng "
    "khen cho {n} tập thể có thành tích xuất sắc.",
    "Trên cơ sở kết quả chấm điểm, {bloc_short} thống nhất suy tôn {unit} "
    "{province} là đơn vị dẫn đầu phong trào thi đua năm {y}.",
    "Theo quy định luân phiên, {unit} {province} được bầu làm Trưởng khối, "
    "{unit2} làm Phó Trưởng khối năm {y1}.",
    "Các đại biểu đã trao đổi kinh nghiệm trong công tác tham mưu, tổ chức "
    "phong trào thi đua và phát hiện, nhân rộng điển hình tiên tiến.",
    "Ban Thi đua - Khen thưởng tỉnh đề nghị các đơn vị đổi mới nội dung, hình "
    "thức thi đua, bảo đảm thiết thực, hiệu quả, tránh hình thức.",
    "Dịp này, Hội đồng TĐKT {province} đã trao Bằng khen của Chủ tịch "
    "UBND tỉnh cho các tập thể và cá nhân có thành tích tiêu biểu.",
    "Chương trình giao lưu gồm các môn {sport}, {sport2} và các tiết mục văn "
    "nghệ đặc sắc do cán bộ, công chức các đơn vị biểu diễn.",
    "Kết thúc hội thao, Ban Tổ chức đã trao {n} giải nhất, nhì, ba cho các đội "
    "tham gia thi đấu môn {sport}.",
    "Kế hoạch thi đua năm {y1} tập trung vào các nhiệm vụ trọng tâm: thu hút "
    "đầu tư, giải ngân vốn đầu tư công và cải thiện chỉ số năng lực cạnh tranh.",
    "Đoàn kiểm tra chéo đã làm việc tại {unit} {province}, kiểm tra hồ "
    "sơ, tài liệu và việc thực hiện các tiêu chí thi đua năm {y}.",
]
CAPTIONS = [
    "Quang cảnh hội nghị",
    "Lãnh đạo các đơn vị ký kết giao ước thi đua",
    "Trao Cờ thi đua cho đơn vị dẫn đầu",
    "Các đại biểu chụp ảnh lưu niệm",
    "Trận đấu giao hữu môn {sport}",
    "Tiết mục văn nghệ chào mừng",
    "Trao Bằng khen cho các tập thể xuất sắc",
    "Đồng chí {person} phát biểu tại hội nghị",
]
VENUES = [
    "Hội trường {unit} {province}",
    "Trung tâm Hội nghị {province}",
    "Nhà văn hóa Lao động {province}",
    "Hội trường Khách sạn Mường Thanh",
]
