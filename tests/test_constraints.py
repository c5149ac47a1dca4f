"""The domain rules the database holds itself: a row that breaks one is refused
even when it bypasses the forms (the importer, a shell), the admin says why in
Vietnamese, and the importer reports what the database refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from legacy.importer.bloc_facts import refused
from legacy.importer.loader import ArticleImporter, ImportOptions
from legacy.importer.records import (
    Activity,
    AwardRecord,
    ParsedArticle,
    Ranking,
    Role,
)
from news.models import (
    ArticleActivity,
    ArticlePage,
    Award,
    AwardType,
    BlocMembership,
    BlocRanking,
    BlocYear,
    EventKind,
    Organization,
    Province,
)
from tests.factories import ArticlePageFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

LEADER = BlocMembership.Role.LEADER
MEMBER = BlocMembership.Role.MEMBER


@pytest.fixture
def units(db):
    return [OrganizationFactory(name=f"Sở số {n} tỉnh") for n in range(3)]


@pytest.fixture
def bloc_year(site_tree):
    return BlocYear.objects.create(bloc=site_tree["a"], year=2018)


def test_one_leader_per_bloc_year(bloc_year, site_tree, units):
    office, planning, finance = units
    BlocMembership.objects.create(bloc_year=bloc_year, organization=office, role=LEADER)
    assert refused(
        lambda: BlocMembership.objects.create(
            bloc_year=bloc_year, organization=planning, role=LEADER
        )
    )
    assert not refused(
        lambda: BlocMembership.objects.create(
            bloc_year=bloc_year, organization=planning, role=BlocMembership.Role.DEPUTY
        )
    )
    # Only the leader's role is unique: members, and next year's leader, are not.
    assert not refused(
        lambda: BlocMembership.objects.create(
            bloc_year=bloc_year, organization=finance, role=MEMBER
        )
    )
    next_year = BlocYear.objects.create(bloc=site_tree["a"], year=2019)
    assert not refused(
        lambda: BlocMembership.objects.create(
            bloc_year=next_year, organization=planning, role=LEADER
        )
    )
    assert bloc_year.memberships.filter(role=LEADER).get().organization == office


def test_one_membership_per_unit_and_bloc_year(bloc_year, site_tree, units):
    office = units[0]
    BlocMembership.objects.create(bloc_year=bloc_year, organization=office)
    assert refused(
        lambda: BlocMembership.objects.create(
            bloc_year=bloc_year, organization=office, role=BlocMembership.Role.DEPUTY
        )
    )
    other_year = BlocYear.objects.create(bloc=site_tree["a"], year=2019)
    assert not refused(
        lambda: BlocMembership.objects.create(bloc_year=other_year, organization=office)
    )


def test_ranks_start_at_one(bloc_year, units):
    assert refused(
        lambda: BlocRanking.objects.create(
            bloc_year=bloc_year, organization=units[0], rank=0
        )
    )
    assert not refused(
        lambda: BlocRanking.objects.create(
            bloc_year=bloc_year, organization=units[0], rank=1
        )
    )


@pytest.mark.parametrize(
    ("with_unit", "name", "accepted"),
    [(False, "", False), (True, "Ông Nguyễn Văn A", False), (True, "", True)]
    + [(False, "Ông Nguyễn Văn A", True)],
    ids=["no-recipient", "two-recipients", "a-unit", "a-name"],
)
def test_an_award_has_exactly_one_recipient(
    bloc_year, units, with_unit, name, accepted
):
    award_type = AwardType.objects.get(code="co_thi_dua_tinh")
    assert (
        refused(
            lambda: Award.objects.create(
                bloc_year=bloc_year,
                award_type=award_type,
                recipient_organization=units[0] if with_unit else None,
                recipient_name=name,
            )
        )
        is not accepted
    )


def test_an_event_cannot_end_before_it_starts(site_tree):
    start = datetime.date(2019, 3, 20)
    article = ArticlePageFactory(parent=site_tree["news"], event_start=start)
    rows = ArticlePage.objects.filter(pk=article.pk)
    assert refused(lambda: rows.update(event_end=start - datetime.timedelta(days=1)))
    assert not refused(lambda: rows.update(event_end=start))
    assert not refused(lambda: rows.update(event_start=None))


def test_an_activity_is_listed_once(site_tree):
    article = ArticlePageFactory(parent=site_tree["news"])
    kind = EventKind.objects.first()
    ArticleActivity.objects.create(page=article, event_kind=kind, year=2019)
    assert refused(
        lambda: ArticleActivity.objects.create(page=article, event_kind=kind, year=2019)
    )
    assert not refused(
        lambda: ArticleActivity.objects.create(page=article, event_kind=kind, year=2020)
    )


def test_a_province_neither_merges_into_itself_nor_ends_before_it_starts():
    province = Province.objects.filter(valid_until__isnull=True).first()
    rows = Province.objects.filter(pk=province.pk)
    assert refused(lambda: rows.update(merged_into=F("pk")))
    assert refused(
        lambda: rows.update(
            valid_from=datetime.date(2025, 7, 1), valid_until=datetime.date(2025, 6, 30)
        )
    )
    assert not refused(
        lambda: rows.update(
            valid_from=datetime.date(2025, 7, 1), valid_until=datetime.date(2025, 7, 1)
        )
    )


def test_a_unit_name_is_unique_in_its_province_whatever_the_case():
    province, other = Province.objects.all()[:2]

    def unit(name, slug, where):
        return lambda: Organization.objects.create(name=name, slug=slug, province=where)

    assert not refused(unit("Sở Tài chính", "so-tai-chinh", province))
    assert refused(unit("sở Tài chính", "so-tc-2", province))
    assert not refused(unit("Sở Tài chính", "so-tc-3", other))
    assert not refused(unit("Bộ Nội vụ", "bo-noi-vu", None))
    assert refused(unit("bộ Nội vụ", "bo-noi-vu-2", None))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda by, units: BlocMembership(
                bloc_year=by, organization=units[1], role=LEADER
            ),
            "Mỗi năm khối chỉ có một đơn vị Trưởng khối: hãy chọn một đơn vị.",
        ),
        (
            lambda by, units: BlocMembership(bloc_year=by, organization=units[0]),
            "Đơn vị này đã là thành viên trong năm.",
        ),
        (
            lambda by, units: BlocRanking(bloc_year=by, organization=units[0], rank=0),
            "Hạng bắt đầu từ 1.",
        ),
        (
            lambda by, units: Award(
                bloc_year=by,
                award_type=AwardType.objects.first(),
                recipient_organization=units[0],
                recipient_name="Ông Nguyễn Văn A",
            ),
            "Chọn đúng một người hoặc đơn vị nhận",
        ),
    ],
    ids=["leader", "membership", "rank", "recipient"],
)
def test_the_constraints_speak_vietnamese(bloc_year, units, make, message):
    BlocMembership.objects.create(
        bloc_year=bloc_year, organization=units[0], role=LEADER
    )
    with translation.override("vi"), pytest.raises(ValidationError) as refusal:
        make(bloc_year, units).validate_constraints()
    assert message in " ".join(refusal.value.messages)


# The admin -------------------------------------------------------------------


def edit_data(bloc_year, rows):
    """The bloc year's edit form: ``rows`` are (membership or None, unit, role)."""
    existing = [row for row in rows if row[0] is not None]
    return nested_form_data(
        {
            "bloc": str(bloc_year.bloc_id),
            "year": str(bloc_year.year),
            "theme": "",
            "pact_signed_on": "",
            "reported_member_count": "",
            "notes": "",
            "memberships": inline_formset(
                [
                    {
                        "id": str(membership.pk) if membership else "",
                        "organization": str(unit.pk),
                        "role": role,
                        "representative": "",
                        "basis": "editor",
                    }
                    for membership, unit, role in existing
                    + [row for row in rows if row[0] is None]
                ],
                initial=len(existing),
            ),
            "rankings": inline_formset([]),
            "awards": inline_formset([]),
        }
    )


def edit_url(bloc_year):
    return reverse("wagtailsnippets_news_blocyear:edit", args=(bloc_year.pk,))


def test_the_leader_passes_from_one_unit_to_another_in_one_save(
    admin_client, bloc_year, units
):
    office, planning, _finance = units
    old = BlocMembership.objects.create(
        bloc_year=bloc_year, organization=office, role=LEADER
    )
    new = BlocMembership.objects.create(bloc_year=bloc_year, organization=planning)
    # The new leader's row comes first, so it is written before the old
    # leader's row gives the role up.
    data = edit_data(bloc_year, [(new, planning, LEADER), (old, office, MEMBER)])

    response = admin_client.post(edit_url(bloc_year), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert bloc_year.leader().organization == planning
    assert set(bloc_year.memberships.values_list("pk", flat=True)) == {old.pk, new.pk}


def test_two_rows_swap_their_units_in_one_save(admin_client, bloc_year, units):
    office, planning, _finance = units
    first = BlocMembership.objects.create(
        bloc_year=bloc_year, organization=office, role=LEADER
    )
    second = BlocMembership.objects.create(bloc_year=bloc_year, organization=planning)
    data = edit_data(bloc_year, [(first, planning, LEADER), (second, office, MEMBER)])

    response = admin_client.post(edit_url(bloc_year), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert bloc_year.leader().organization == planning
    assert bloc_year.memberships.get(role=MEMBER).organization == office


def test_a_second_leader_added_beside_the_recorded_one_is_refused_in_vietnamese(
    admin_client, bloc_year, units
):
    office, planning, _finance = units
    leader = BlocMembership.objects.create(
        bloc_year=bloc_year, organization=office, role=LEADER
    )
    data = edit_data(bloc_year, [(leader, office, LEADER), (None, planning, LEADER)])

    response = admin_client.post(edit_url(bloc_year), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Mỗi năm khối chỉ có một đơn vị Trưởng khối" in html
    assert "bloc_year" not in html  # never the generic "duplicate data" message
    assert list(bloc_year.memberships.all()) == [leader]


def test_a_unit_added_twice_beside_its_row_is_refused_in_vietnamese(
    admin_client, bloc_year, units
):
    office = units[0]
    row = BlocMembership.objects.create(bloc_year=bloc_year, organization=office)
    data = edit_data(bloc_year, [(row, office, MEMBER), (None, office, MEMBER)])

    response = admin_client.post(edit_url(bloc_year), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Đơn vị này đã là thành viên trong năm." in html
    assert "bloc_year" not in html
    assert list(bloc_year.memberships.all()) == [row]


# The importer ----------------------------------------------------------------


def facts(**fields):
    return ParsedArticle(file="tin.txt", title="Hội nghị", **fields)


def test_the_importer_reports_the_leader_the_database_refuses(bloc_year, units):
    office = units[0]
    BlocMembership.objects.create(bloc_year=bloc_year, organization=office, role=LEADER)
    importer = ArticleImporter(ImportOptions())
    notes = []

    importer.record_bloc_facts(
        facts(roles=[Role(2018, LEADER, "Sở Xây dựng tỉnh")]),
        bloc_year.bloc,
        datetime.date(2018, 3, 1),
        notes,
    )

    assert bloc_year.leader().organization == office
    assert not BlocMembership.objects.filter(organization__name="Sở Xây dựng tỉnh")
    [note] = notes
    assert "Sở Xây dựng tỉnh" in note and office.name in note


def test_the_importer_leaves_out_what_the_database_refuses(bloc_year, units):
    importer = ArticleImporter(ImportOptions())
    notes = []

    awards = importer.record_bloc_facts(
        facts(
            rankings=[Ranking(2018, 0, units[0].name), Ranking(2018, 1, units[1].name)],
            awards=[
                AwardRecord(2018, "co_thi_dua_tinh", "", Award.Status.PROPOSED),
                AwardRecord(2018, "co_thi_dua_tinh", units[2].name, "de_nghi"),
            ],
        ),
        bloc_year.bloc,
        datetime.date(2018, 3, 1),
        notes,
    )

    assert [(r.organization, r.rank) for r in bloc_year.rankings.all()] == [
        (units[1], 1)
    ]
    assert [a.recipient for a in awards] == [units[2]]
    assert len(notes) == 2


def test_the_importer_keeps_an_article_within_its_constraints(site_tree):
    parsed = facts(
        event_date_start=datetime.date(2019, 3, 20),
        event_date_end=datetime.date(2019, 3, 18),
        event_kinds=[Activity("hoi_thao_la", 2019, False), Activity("la", 2019, True)],
    )

    result = ArticleImporter(ImportOptions()).import_article(parsed, b"x", "tin.txt")

    page = ArticlePage.objects.get(pk=result.page.pk)
    assert (page.event_start, page.event_end) == (datetime.date(2019, 3, 20), None)
    assert "(18/03/2019)" in page.review_notes
    # Two kinds the portal does not know both read "khác": one activity.
    assert [(a.event_kind.code, a.year) for a in page.activities.all()] == [
        ("khac", 2019)
    ]
