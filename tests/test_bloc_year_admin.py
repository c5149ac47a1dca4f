"""One admin screen per bloc and year, with the rules of a bloc year (one
leader, one membership per unit, ranks from 1)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from news.models import Award, AwardType, BlocYear
from tests.factories import BlocYearFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_news_blocyear:add"


@pytest.fixture
def units(db):
    return [
        OrganizationFactory(name=name)
        for name in [
            "Văn phòng UBND tỉnh",
            "Liên minh Hợp tác xã tỉnh",
            "Sở Kế hoạch và Đầu tư tỉnh",
            "Sở Tài chính tỉnh",
        ]
    ]


def bloc_year_data(bloc, year=2018, memberships=(), rankings=(), awards=(), **fields):
    data = {
        "bloc": str(bloc.pk),
        "year": str(year),
        "theme": "Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ",
        "pact_signed_on": "",
        "reported_member_count": "",
        "notes": "",
        "memberships": inline_formset(
            [
                {
                    "organization": str(unit.pk),
                    "role": role,
                    "representative": "",
                    "basis": "editor",
                }
                for unit, role in memberships
            ]
        ),
        "rankings": inline_formset(
            [
                {"organization": str(unit.pk), "rank": str(rank), "score": ""}
                for unit, rank in rankings
            ]
        ),
        "awards": inline_formset(
            [
                {
                    "award_type": str(AwardType.objects.get(code=code).pk),
                    "status": status,
                    "recipient_organization": str(unit.pk) if unit else "",
                    "recipient_name": name,
                    "recipient_kind": "tap_the",
                    "achievement_year": "",
                    "rank": "",
                    "authority": "",
                    "decision_number": "",
                    "decision_date": decision_date,
                    "note": "",
                }
                for code, status, unit, name, decision_date in awards
            ]
        ),
    }
    data.update(fields)
    return nested_form_data(data)


def test_a_bloc_year_with_members_tied_ranking_and_proposals_saves(
    admin_client, site_tree, units
):
    office, coop, planning, finance = units
    data = bloc_year_data(
        site_tree["a"],
        memberships=[
            (office, "truong"),
            (coop, "pho"),
            (planning, "thanh_vien"),
            (finance, "thanh_vien"),
        ],
        rankings=[(office, 1), (coop, 2), (planning, 3), (finance, 3)],
        awards=[
            ("co_thi_dua_chinh_phu", "de_nghi", office, "", ""),
            ("bang_khen_chu_tich_ubnd_tinh", "de_nghi", planning, "", ""),
        ],
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    bloc_year = BlocYear.objects.get(bloc=site_tree["a"], year=2018)
    assert bloc_year.leader().organization == office
    assert sorted(r.rank for r in bloc_year.rankings.all()) == [1, 2, 3, 3]
    assert [a.status for a in bloc_year.awards.all()] == ["de_nghi", "de_nghi"]
    assert not any(a.is_conferred for a in bloc_year.awards.all())


def test_two_leaders_in_one_year_are_refused_and_the_form_is_kept(
    admin_client, site_tree, units
):
    office, coop, *_ = units
    data = bloc_year_data(
        site_tree["a"], memberships=[(office, "truong"), (coop, "truong")]
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mỗi năm khối chỉ có một đơn vị Trưởng khối" in html
    assert "Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ" in html
    assert not BlocYear.objects.exists()


def test_a_unit_listed_twice_is_refused(admin_client, site_tree, units):
    office = units[0]
    data = bloc_year_data(
        site_tree["a"], memberships=[(office, "truong"), (office, "thanh_vien")]
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert "Đơn vị này đã là thành viên trong năm." in response.content.decode()


@pytest.mark.parametrize(
    ("unit_index", "name", "message"),
    [
        (None, "", "Chọn đúng một người hoặc đơn vị nhận"),
        (0, "Ông Nguyễn Văn A", "Chọn đúng một người hoặc đơn vị nhận"),
    ],
    ids=["no-recipient", "two-recipients"],
)
def test_an_award_needs_exactly_one_recipient(
    admin_client, site_tree, units, unit_index, name, message
):
    unit = units[unit_index] if unit_index is not None else None
    data = bloc_year_data(
        site_tree["a"], awards=[("co_thi_dua_tinh", "de_nghi", unit, name, "")]
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Award.objects.exists()


def test_a_decided_award_needs_its_decision_date(admin_client, site_tree, units):
    data = bloc_year_data(
        site_tree["a"],
        awards=[("co_thi_dua_tinh", "da_quyet_dinh", units[0], "", "")],
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert "Khen thưởng đã có quyết định cần ngày quyết định." in (
        response.content.decode()
    )

    data = bloc_year_data(
        site_tree["a"],
        awards=[("co_thi_dua_tinh", "da_quyet_dinh", units[0], "", "20/03/2019")],
    )
    assert admin_client.post(reverse(ADD_URL), data).status_code == 302
    assert Award.objects.get().decision_date.isoformat() == "2019-03-20"


def test_a_second_record_for_the_same_bloc_and_year_is_refused(admin_client, site_tree):
    BlocYearFactory(bloc=site_tree["a"], year=2018)
    response = admin_client.post(reverse(ADD_URL), bloc_year_data(site_tree["a"]))
    assert response.status_code == 200
    assert "Khối này đã có hồ sơ của năm này" in response.content.decode()
    assert BlocYear.objects.count() == 1


def test_snippet_listings_filter_and_search(admin_client, site_tree, units):
    listing = admin_client.get(
        reverse("wagtailsnippets_news_organization:list"), {"q": "Hợp tác xã"}
    )
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Liên minh Hợp tác xã tỉnh" in html
    assert "Sở Tài chính tỉnh" not in html

    provinces = admin_client.get(
        reverse("wagtailsnippets_news_province:list"), {"kind": "thanh_pho"}
    )
    assert provinces.status_code == 200
    assert "Cần Thơ" in provinces.content.decode()
    assert "Sóc Trăng" not in provinces.content.decode()


def test_seeded_vocabularies_can_be_searched_in_the_choosers(admin_client):
    kinds = admin_client.get(
        reverse("wagtailsnippetchoosers_news_eventkind:choose_results"), {"q": "thao"}
    )
    assert "Giao lưu Hội thao - Văn nghệ" in kinds.content.decode()
    provinces = admin_client.get(
        reverse("wagtailsnippetchoosers_news_province:choose_results"),
        {"q": "Sóc Trăng"},
    )
    assert "Sóc Trăng" in provinces.content.decode()
