"""Admin forms with rules that span an object and its inline rows."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm


def live_forms(formset):
    """The inline forms that will be saved: filled in and not marked for deletion."""
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


class ArticlePageForm(WagtailAdminPageForm):
    """Checks an article's activities against its event dates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "awards" in self.fields:
            from news.models import Award, BlocPage

            awards = Award.objects.select_related(
                "award_type", "recipient_organization", "bloc_year__bloc"
            ).order_by("-bloc_year__year", "award_type__sort_order")
            parent = self.parent_page.specific if self.parent_page else None
            if isinstance(parent, BlocPage):
                awards = awards.filter(bloc_year__bloc=parent)
            self.fields["awards"].queryset = awards
            self.fields["awards"].label_from_instance = lambda award: (
                f"{award.bloc_year.year} · {award.award_type} · {award.recipient}"
                f" ({award.get_status_display()})"
            )

    def is_valid(self):
        valid = super().is_valid()
        if not self.is_bound or "activities" not in self.formsets:
            return valid
        event_start = getattr(self, "cleaned_data", {}).get("event_start")
        seen = set()
        for form in live_forms(self.formsets["activities"]):
            kind = form.cleaned_data.get("event_kind")
            year = form.cleaned_data.get("year")
            if not kind or not year:
                continue
            if event_start and year > event_start.year + 1:
                form.add_error(
                    "year",
                    _(
                        "An event held in %(event_year)s cannot be about %(year)s: "
                        "the emulation year is at most the next year."
                    )
                    % {"event_year": event_start.year, "year": year},
                )
                valid = False
            if (kind.pk, year) in seen:
                form.add_error("year", _("This activity is already listed."))
                valid = False
            seen.add((kind.pk, year))
        return valid


class BlocYearForm(WagtailAdminModelForm):
    """Checks a bloc year's memberships as a whole: one leader, no repeats."""

    def is_valid(self):
        from news.models import BlocMembership

        valid = super().is_valid()
        if not self.is_bound:
            return valid
        memberships = live_forms(self.formsets["memberships"])
        leaders = [
            form
            for form in memberships
            if form.cleaned_data.get("role") == BlocMembership.Role.LEADER
        ]
        if len(leaders) > 1:
            for form in leaders:
                form.add_error(
                    "role", _("A bloc has one leader a year: choose only one.")
                )
            valid = False
        seen = set()
        for form in memberships:
            unit = form.cleaned_data.get("organization")
            if unit and unit.pk in seen:
                form.add_error(
                    "organization", _("This unit is already a member this year.")
                )
                valid = False
            elif unit:
                seen.add(unit.pk)
        return valid
