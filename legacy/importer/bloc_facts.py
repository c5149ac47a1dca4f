"""What an imported article says about its bloc's years: members, roles,
rankings and awards.

The importer writes without forms, so the database's constraints (see the
``Meta`` of ``news.models.records``) decide what may be recorded: a write they
refuse is rolled back to its savepoint and reported in the article's review
notes, and the rest of the article is imported.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from news.models import Award, AwardType, BlocMembership, BlocRanking, BlocYear

# How far an award has gone; "not approved" is an end like "presented".
AWARD_PROGRESS = [
    Award.Status.PROPOSED,
    Award.Status.SUBMITTED,
    Award.Status.REJECTED,
    Award.Status.DECIDED,
    Award.Status.PRESENTED,
]


def refused(write):
    """Run ``write`` in a savepoint: True if a constraint refused it."""
    try:
        with transaction.atomic():
            write()
    except IntegrityError:
        return True
    return False


class BlocFacts:
    """Records what an article states about a bloc, never over an editor."""

    def bloc_year(self, bloc, year):
        bloc_year, _created = BlocYear.objects.get_or_create(bloc=bloc, year=year)
        return bloc_year

    def record_bloc_facts(self, parsed, bloc, on_date, notes):
        """Members, roles, rankings and awards the article states, by year."""
        years = sorted(set(parsed.emulation_years))
        current_year = years[-1] if years else (on_date.year if on_date else None)
        if current_year:
            self._record_members(parsed, self.bloc_year(bloc, current_year), on_date)
        for role in parsed.roles:
            self._record_role(role, bloc, on_date, notes)
        for ranking in parsed.rankings:
            self._record_ranking(ranking, bloc, on_date, notes)
        return [
            award
            for record in parsed.awards
            if (award := self._record_award(record, bloc, on_date, notes))
        ]

    def _record_members(self, parsed, current, on_date):
        for name in parsed.member_units_named:
            unit = self.organization(name, on_date)
            BlocMembership.objects.get_or_create(
                bloc_year=current,
                organization=unit,
                defaults={
                    "role": BlocMembership.Role.MEMBER,
                    "basis": BlocMembership.Basis.STATED,
                },
            )
        if parsed.member_count_stated and not current.reported_member_count:
            current.reported_member_count = parsed.member_count_stated
            current.save(update_fields=["reported_member_count"])

    def _record_role(self, role, bloc, on_date, notes):
        unit = self.organization(role.unit, on_date)
        bloc_year = self.bloc_year(bloc, role.year)
        basis = (
            BlocMembership.Basis.IMPLIED
            if getattr(role, "implied", False)
            else BlocMembership.Basis.STATED
        )

        def write():
            membership, created = BlocMembership.objects.get_or_create(
                bloc_year=bloc_year,
                organization=unit,
                defaults={"role": role.role, "basis": basis},
            )
            # What an editor entered stands; an article only fills gaps.
            if (
                not created
                and membership.basis != BlocMembership.Basis.EDITOR
                and membership.role == BlocMembership.Role.MEMBER
            ):
                membership.role = role.role
                membership.basis = basis
                membership.save(update_fields=["role", "basis"])

        if not refused(write):
            return
        # The only constraint a membership written so can break is the
        # bloc's one leader a year.
        other = bloc_year.memberships.filter(role=BlocMembership.Role.LEADER).first()
        if other is None:
            raise IntegrityError(f"{bloc_year}: {unit} as {role.role} was refused.")
        notes.append(
            _(
                "%(year)s: the article names %(unit)s as leader, "
                "but %(other)s is already recorded."
            )
            % {"year": role.year, "unit": unit, "other": other}
        )

    def _record_ranking(self, ranking, bloc, on_date, notes):
        unit = self.organization(ranking.unit, on_date)
        bloc_year = self.bloc_year(bloc, ranking.year)

        def write():
            BlocRanking.objects.get_or_create(
                bloc_year=bloc_year, organization=unit, defaults={"rank": ranking.rank}
            )

        if refused(write):
            notes.append(
                _(
                    "%(year)s: the rank %(rank)s of %(unit)s was left out: "
                    "ranks start at 1."
                )
                % {"year": ranking.year, "rank": ranking.rank, "unit": unit}
            )

    def _record_award(self, record, bloc, on_date, notes):
        award_type = AwardType.objects.filter(code=record.type).first()
        if award_type is None:
            notes.append(
                _("Unknown award type “%(code)s” left out.") % {"code": record.type}
            )
            return None
        where = {
            "bloc_year": self.bloc_year(bloc, record.year),
            "award_type": award_type,
            "recipient_organization": self.organization(record.recipient, on_date),
        }
        award = Award.objects.filter(
            **where, achievement_year__in=[record.year, None]
        ).first() or Award(
            **where,
            achievement_year=record.year,
            status=record.status,
            rank=record.rank,
        )
        # A later article may move an award forward (proposed -> decided),
        # never back, and never over what an editor recorded.
        if AWARD_PROGRESS.index(record.status) > AWARD_PROGRESS.index(award.status):
            award.status = record.status
        if award.rank is None:
            award.rank = record.rank
        if refused(award.save):
            notes.append(
                _("%(award)s for %(year)s: no recipient in the text, left out.")
                % {"award": award_type, "year": record.year}
            )
            return None
        if award.status == Award.Status.DECIDED and not award.decision_date:
            notes.append(
                _("%(award)s: decided, but the decision date is not in the text.")
                % {"award": award}
            )
        return award
