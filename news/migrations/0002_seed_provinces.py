"""Seed the provinces: the 63 before 1 July 2025 and the 34 after.

Resolution 202/2025/QH15 merged 52 provinces into 23 new ones on 01/07/2025;
11 were left as they were. Each merged province keeps its old name and points
to the one it became part of, so articles keep the names of their time and a
filter on a new province can include its predecessors.
"""

import datetime

from django.db import migrations
from django.utils.text import slugify

MERGER = datetime.date(2025, 7, 1)
LAST_DAY = datetime.date(2025, 6, 30)

CITY, PROVINCE = "thanh_pho", "tinh"

# The 11 provincial units the resolution left unchanged (they span both eras).
UNCHANGED = [
    ("Hà Nội", CITY),
    ("Huế", CITY),
    ("Lai Châu", PROVINCE),
    ("Điện Biên", PROVINCE),
    ("Sơn La", PROVINCE),
    ("Lạng Sơn", PROVINCE),
    ("Quảng Ninh", PROVINCE),
    ("Thanh Hóa", PROVINCE),
    ("Nghệ An", PROVINCE),
    ("Hà Tĩnh", PROVINCE),
    ("Cao Bằng", PROVINCE),
]

# The 23 new units and the old ones merged into each: (name, kind, [(old, kind)]).
MERGED = [
    ("Tuyên Quang", PROVINCE, [("Tuyên Quang", PROVINCE), ("Hà Giang", PROVINCE)]),
    ("Lào Cai", PROVINCE, [("Lào Cai", PROVINCE), ("Yên Bái", PROVINCE)]),
    ("Thái Nguyên", PROVINCE, [("Thái Nguyên", PROVINCE), ("Bắc Kạn", PROVINCE)]),
    (
        "Phú Thọ",
        PROVINCE,
        [("Phú Thọ", PROVINCE), ("Vĩnh Phúc", PROVINCE), ("Hòa Bình", PROVINCE)],
    ),
    ("Bắc Ninh", PROVINCE, [("Bắc Ninh", PROVINCE), ("Bắc Giang", PROVINCE)]),
    ("Hưng Yên", PROVINCE, [("Hưng Yên", PROVINCE), ("Thái Bình", PROVINCE)]),
    ("Hải Phòng", CITY, [("Hải Phòng", CITY), ("Hải Dương", PROVINCE)]),
    (
        "Ninh Bình",
        PROVINCE,
        [("Ninh Bình", PROVINCE), ("Hà Nam", PROVINCE), ("Nam Định", PROVINCE)],
    ),
    ("Quảng Trị", PROVINCE, [("Quảng Trị", PROVINCE), ("Quảng Bình", PROVINCE)]),
    ("Đà Nẵng", CITY, [("Đà Nẵng", CITY), ("Quảng Nam", PROVINCE)]),
    ("Quảng Ngãi", PROVINCE, [("Quảng Ngãi", PROVINCE), ("Kon Tum", PROVINCE)]),
    ("Gia Lai", PROVINCE, [("Gia Lai", PROVINCE), ("Bình Định", PROVINCE)]),
    ("Khánh Hòa", PROVINCE, [("Khánh Hòa", PROVINCE), ("Ninh Thuận", PROVINCE)]),
    (
        "Lâm Đồng",
        PROVINCE,
        [("Lâm Đồng", PROVINCE), ("Đắk Nông", PROVINCE), ("Bình Thuận", PROVINCE)],
    ),
    ("Đắk Lắk", PROVINCE, [("Đắk Lắk", PROVINCE), ("Phú Yên", PROVINCE)]),
    (
        "Hồ Chí Minh",
        CITY,
        [
            ("Hồ Chí Minh", CITY),
            ("Bình Dương", PROVINCE),
            ("Bà Rịa - Vũng Tàu", PROVINCE),
        ],
    ),
    ("Đồng Nai", PROVINCE, [("Đồng Nai", PROVINCE), ("Bình Phước", PROVINCE)]),
    ("Tây Ninh", PROVINCE, [("Tây Ninh", PROVINCE), ("Long An", PROVINCE)]),
    (
        "Cần Thơ",
        CITY,
        [("Cần Thơ", CITY), ("Sóc Trăng", PROVINCE), ("Hậu Giang", PROVINCE)],
    ),
    (
        "Vĩnh Long",
        PROVINCE,
        [("Vĩnh Long", PROVINCE), ("Bến Tre", PROVINCE), ("Trà Vinh", PROVINCE)],
    ),
    ("Đồng Tháp", PROVINCE, [("Đồng Tháp", PROVINCE), ("Tiền Giang", PROVINCE)]),
    ("Cà Mau", PROVINCE, [("Cà Mau", PROVINCE), ("Bạc Liêu", PROVINCE)]),
    ("An Giang", PROVINCE, [("An Giang", PROVINCE), ("Kiên Giang", PROVINCE)]),
]


def full_name(name, kind):
    if kind == CITY:
        return "Thành phố Hồ Chí Minh" if name == "Hồ Chí Minh" else f"thành phố {name}"
    return f"tỉnh {name}"


def seed(apps, schema_editor):
    Province = apps.get_model("news", "Province")
    for name, kind in UNCHANGED:
        Province.objects.update_or_create(
            slug=slugify(name.replace("đ", "d").replace("Đ", "D")),
            defaults={"name": name, "full_name": full_name(name, kind), "kind": kind},
        )
    for new_name, new_kind, olds in MERGED:
        base = slugify(new_name.replace("đ", "d").replace("Đ", "D"))
        new, _ = Province.objects.update_or_create(
            slug=base,
            defaults={
                "name": new_name,
                "full_name": full_name(new_name, new_kind),
                "kind": new_kind,
                "valid_from": MERGER,
            },
        )
        for old_name, old_kind in olds:
            old_slug = slugify(old_name.replace("đ", "d").replace("Đ", "D"))
            if old_slug == base:
                old_slug = f"{base}-truoc-2025"
            Province.objects.update_or_create(
                slug=old_slug,
                defaults={
                    "name": old_name,
                    "full_name": full_name(old_name, old_kind),
                    "kind": old_kind,
                    "valid_until": LAST_DAY,
                    "merged_into": new,
                },
            )


def unseed(apps, schema_editor):
    apps.get_model("news", "Province").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
