"""The seeded vocabularies: provinces before and after 2025, event kinds, awards."""

import pytest

from news.models import AwardType, EventKind, Province

pytestmark = pytest.mark.django_db

DOMAIN_EVENT_KINDS = {
    "ky_ket_giao_uoc",
    "phat_dong",
    "dang_ky_thi_dua",
    "so_ket",
    "tong_ket",
    "binh_xet",
    "de_nghi_khen_thuong",
    "trao_khen_thuong",
    "bau_luan_phien",
    "giao_luu_the_thao_van_nghe",
    "giao_luu_kinh_nghiem",
    "kiem_tra_cheo",
    "dai_hoi_thi_dua",
    "hoi_thi",
    "khac",
}
DOMAIN_AWARD_TYPES = {
    "co_thi_dua_chinh_phu",
    "co_thi_dua_bo",
    "co_thi_dua_tinh",
    "chien_si_thi_dua_toan_quoc",
    "chien_si_thi_dua_bo_tinh",
    "chien_si_thi_dua_co_so",
    "lao_dong_tien_tien",
    "tap_the_lao_dong_xuat_sac",
    "tap_the_lao_dong_tien_tien",
    "huan_chuong",
    "bang_khen_thu_tuong",
    "bang_khen_bo",
    "bang_khen_chu_tich_ubnd_tinh",
    "giay_khen",
    "ky_niem_chuong",
}


def test_63_provinces_before_the_merger_and_34_after():
    before = Province.objects.filter(valid_from__isnull=True)
    after = Province.objects.filter(valid_until__isnull=True)
    assert before.count() == 63
    assert after.count() == 34
    assert after.filter(kind=Province.Kind.CITY).count() == 6
    # Every province that ended was merged into one that exists now.
    ended = Province.objects.filter(valid_until__isnull=False)
    assert ended.count() == 52
    assert not ended.filter(merged_into__isnull=True).exists()
    assert not ended.filter(merged_into__valid_until__isnull=False).exists()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Hà Giang", "Tuyên Quang"),
        ("Sóc Trăng", "Cần Thơ"),
        ("Hậu Giang", "Cần Thơ"),
        ("Bạc Liêu", "Cà Mau"),
        ("Kiên Giang", "An Giang"),
        ("Yên Bái", "Lào Cai"),
        ("Bình Dương", "Hồ Chí Minh"),
        ("Quảng Nam", "Đà Nẵng"),
    ],
)
def test_old_provinces_keep_their_names_and_point_to_the_new_one(old, new):
    province = Province.objects.get(name=old)
    assert province.merged_into.name == new
    assert province.merged_into.is_current
    assert str(province) == f"{old} (đến 30/06/2025)"


def test_a_new_province_lists_all_it_absorbed():
    can_tho = Province.objects.get(slug="can-tho")
    assert sorted(p.name for p in can_tho.predecessors.all()) == [
        "Cần Thơ",
        "Hậu Giang",
        "Sóc Trăng",
    ]
    assert Province.objects.get(slug="can-tho-truoc-2025").merged_into == can_tho
    # Unchanged provinces are one record spanning both periods.
    son_la = Province.objects.get(slug="son-la")
    assert son_la.is_current and son_la.valid_from is None
    assert not son_la.predecessors.exists()


def test_event_kinds_and_award_types_are_seeded_with_vietnamese_names():
    assert set(EventKind.objects.values_list("code", flat=True)) >= DOMAIN_EVENT_KINDS
    assert EventKind.objects.get(code="tong_ket").name == "Tổng kết năm"
    assert set(AwardType.objects.values_list("code", flat=True)) == DOMAIN_AWARD_TYPES
    flag = AwardType.objects.get(code="co_thi_dua_chinh_phu")
    assert flag.name == "Cờ thi đua của Chính phủ"
    assert flag.level == AwardType.Level.STATE
    assert flag.category == AwardType.Category.EMULATION_TITLE
    # Higher awards come first.
    assert list(AwardType.objects.values_list("code", flat=True))[0] == "huan_chuong"
