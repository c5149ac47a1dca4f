"""Seed the controlled vocabularies: event kinds, award types.

Editors may rename or extend them later; the codes stay, as the importer and
the public filters use them.
"""

from django.db import migrations

EVENT_KINDS = [
    ("ky_ket_giao_uoc", "Ký kết giao ước thi đua"),
    ("phat_dong", "Phát động phong trào thi đua"),
    ("dang_ky_thi_dua", "Đăng ký thi đua"),
    ("so_ket", "Sơ kết"),
    ("tong_ket", "Tổng kết năm"),
    ("binh_xet", "Bình xét, chấm điểm, xếp hạng"),
    ("de_nghi_khen_thuong", "Đề nghị khen thưởng"),
    ("trao_khen_thuong", "Trao tặng, đón nhận khen thưởng"),
    ("bau_luan_phien", "Bầu, bàn giao Trưởng khối, Cụm trưởng"),
    ("giao_luu_the_thao_van_nghe", "Giao lưu Hội thao - Văn nghệ"),
    ("giao_luu_kinh_nghiem", "Giao lưu học tập kinh nghiệm"),
    ("kiem_tra_cheo", "Kiểm tra chéo"),
    ("dai_hoi_thi_dua", "Đại hội Thi đua yêu nước"),
    ("hoi_thi", "Hội thi"),
    ("thong_bao", "Thông báo"),
    ("khac", "Khác"),
]

TITLE, FORM = "danh_hieu_thi_dua", "hinh_thuc_khen_thuong"
COLLECTIVE, INDIVIDUAL, BOTH = "tap_the", "ca_nhan", "ca_hai"

# (code, name, category, level, decided by, given to, legal basis)
AWARD_TYPES = [
    ("huan_chuong", "Huân chương", FORM, "nha_nuoc", "Chủ tịch nước", BOTH,
     "Luật Thi đua, khen thưởng 2022, Điều 9"),
    ("co_thi_dua_chinh_phu", "Cờ thi đua của Chính phủ", TITLE, "nha_nuoc",
     "Thủ tướng Chính phủ", COLLECTIVE, "Luật Thi đua, khen thưởng 2022, Điều 25"),
    ("chien_si_thi_dua_toan_quoc", "Chiến sĩ thi đua toàn quốc", TITLE, "nha_nuoc",
     "Thủ tướng Chính phủ", INDIVIDUAL, "Nghị định 98/2023/NĐ-CP, Điều 3"),
    ("bang_khen_thu_tuong", "Bằng khen của Thủ tướng Chính phủ", FORM, "nha_nuoc",
     "Thủ tướng Chính phủ", BOTH, "Luật Thi đua, khen thưởng 2022, Điều 73"),
    ("co_thi_dua_bo", "Cờ thi đua của bộ, ban, ngành", TITLE, "bo",
     "Bộ trưởng, Thủ trưởng cơ quan trung ương", COLLECTIVE,
     "Luật Thi đua, khen thưởng 2022, Điều 26"),
    ("co_thi_dua_tinh", "Cờ thi đua của Ủy ban nhân dân tỉnh", TITLE, "tinh",
     "Chủ tịch Ủy ban nhân dân tỉnh", COLLECTIVE,
     "Luật Thi đua, khen thưởng 2022, Điều 26"),
    ("chien_si_thi_dua_bo_tinh", "Chiến sĩ thi đua bộ, ban, ngành, tỉnh", TITLE, "tinh",
     "Bộ trưởng, Chủ tịch Ủy ban nhân dân tỉnh", INDIVIDUAL,
     "Luật Thi đua, khen thưởng 2022"),
    ("bang_khen_bo", "Bằng khen của Bộ trưởng", FORM, "bo", "Bộ trưởng", BOTH,
     "Luật Thi đua, khen thưởng 2022, Điều 74"),
    ("bang_khen_chu_tich_ubnd_tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
     FORM, "tinh", "Chủ tịch Ủy ban nhân dân tỉnh", BOTH,
     "Luật Thi đua, khen thưởng 2022, Điều 74"),
    ("tap_the_lao_dong_xuat_sac", "Tập thể lao động xuất sắc", TITLE, "tinh",
     "Bộ trưởng, Chủ tịch Ủy ban nhân dân tỉnh", COLLECTIVE,
     "Luật Thi đua, khen thưởng 2022, Điều 27"),
    ("ky_niem_chuong", "Kỷ niệm chương", FORM, "bo",
     "Bộ trưởng, Thủ trưởng cơ quan trung ương", INDIVIDUAL,
     "Luật Thi đua, khen thưởng 2022, Điều 9"),
    ("chien_si_thi_dua_co_so", "Chiến sĩ thi đua cơ sở", TITLE, "co_so",
     "Thủ trưởng cơ quan, đơn vị", INDIVIDUAL,
     "Luật Thi đua, khen thưởng 2022, Điều 23, 80"),
    ("tap_the_lao_dong_tien_tien", "Tập thể lao động tiên tiến", TITLE, "co_so",
     "Thủ trưởng cơ quan, đơn vị", COLLECTIVE,
     "Luật Thi đua, khen thưởng 2022, Điều 28, 80"),
    ("lao_dong_tien_tien", "Lao động tiên tiến", TITLE, "co_so",
     "Thủ trưởng cơ quan, đơn vị", INDIVIDUAL,
     "Luật Thi đua, khen thưởng 2022, Điều 24, 80"),
    ("giay_khen", "Giấy khen", FORM, "co_so",
     "Thủ trưởng cơ quan, đơn vị; Chủ tịch Ủy ban nhân dân cấp xã", BOTH,
     "Luật Thi đua, khen thưởng 2022, Điều 75, 80"),
]


def seed(apps, schema_editor):
    EventKind = apps.get_model("news", "EventKind")
    for order, (code, name) in enumerate(EVENT_KINDS, start=1):
        EventKind.objects.update_or_create(
            code=code, defaults={"name": name, "sort_order": order * 10}
        )
    AwardType = apps.get_model("news", "AwardType")
    for order, row in enumerate(AWARD_TYPES, start=1):
        code, name, category, level, decided_by, given_to, basis = row
        AwardType.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "category": category,
                "level": level,
                "decided_by": decided_by,
                "recipient_kinds": given_to,
                "legal_basis": basis,
                "sort_order": order * 10,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("news", "EventKind").objects.all().delete()
    apps.get_model("news", "AwardType").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0002_seed_provinces")]

    operations = [migrations.RunPython(seed, unseed)]
