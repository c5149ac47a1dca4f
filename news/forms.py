"""Admin forms with rules that span an object and its inline rows."""

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel

from news.alt_text import check_alt_text
from news.text import slugify_vi


def live_forms(formset):
    """The inline forms that will be saved: filled in and not marked for deletion."""
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


class PortalPageForm(WagtailAdminPageForm):
    """The base form of every page of the portal (a test checks each one).

    - A slug left empty takes the title in ASCII ("Hội nghị" -> "hoi-nghi"),
      numbered like Wagtail's own ("hoi-nghi-2") when a sibling has it. Wagtail
      would make it with Django's slugify, which drops "đ" ("động" -> "ong").
    - The title has no maxlength attribute: the browser cut a pasted 400-character
      title at 255 without a word; the server now says it is too long, beside it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
        if "title" in self.fields:
            self.fields["title"].widget.attrs.pop("maxlength", None)

    def clean(self):
        title = self.cleaned_data.get("title")
        if "slug" in self.fields and not self.cleaned_data.get("slug") and title:
            self.cleaned_data["slug"] = self._slug_from_title(title)
        return super().clean()

    def _slug_from_title(self, title):
        from wagtail.models import Page

        max_length = self._meta.model._meta.get_field("slug").max_length
        base = slugify_vi(title, max_length=max_length - 4)
        slug, number = base, 1
        while not Page._slug_is_available(slug, self.parent_page, self.instance):
            number += 1
            slug = f"{base}-{number}"
        return slug


class ArticlePageForm(PortalPageForm):
    """Checks an article's activities against its event dates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "awards" in self.fields:
            # By name: news.models imports this module.
            bloc_page_model = apps.get_model("news", "BlocPage")
            awards = (
                self.fields["awards"]
                .queryset.select_related(
                    "award_type", "recipient_organization", "bloc_year__bloc"
                )
                .order_by("-bloc_year__year", "award_type__sort_order")
            )
            parent = self.parent_page.specific if self.parent_page else None
            if isinstance(parent, bloc_page_model):
                awards = awards.filter(bloc_year__bloc=parent)
            self.fields["awards"].queryset = awards
            self.fields["awards"].label_from_instance = lambda award: (
                f"{award.bloc_year.year} · {award.award_type} · {award.recipient}"
                f" ({award.get_status_display()})"
            )

    def is_publishing(self):
        """Publishing, or asking for it (submitting to moderation, restarting
        it, approving): a draft saved (or autosaved) skips the publish checks,
        as Wagtail's own deferred required fields do."""
        if self.is_deferred_validation:
            return False
        if self.data.get("action-workflow-action"):
            return self.data.get("workflow-action-name") == "approve"
        return any(
            self.data.get(action)
            for action in ("action-publish", "action-submit", "action-restart-workflow")
        )

    def clean(self):
        cleaned_data = super().clean()
        if self.is_publishing():
            check_alt_text(self, cleaned_data)
        return cleaned_data

    def is_valid(self):
        valid = super().is_valid()
        if not self.is_bound or "activities" not in self.formsets:
            return valid
        event_start = getattr(self, "cleaned_data", {}).get("event_start")
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
        return valid


class ArticleActivityFormSet(BaseChildFormSet):
    """An article's activities: each event kind and year once.

    The database holds the rule too (``unique_article_activity``): a row
    repeated among those submitted gets its own message, instead of
    modelcluster's "duplicate data for page, event_kind and year"; a new row
    repeating one the post left out (a stale or scripted form) states the
    same fact, and is dropped on save.
    """

    def validate_unique(self):
        seen = set()
        for form in live_forms(self):
            key = (form.cleaned_data.get("event_kind"), form.cleaned_data.get("year"))
            if None in key:
                continue
            if key in seen:
                form.add_error("year", _("This activity is already listed."))
            seen.add(key)
        super().validate_unique()

    def save(self, commit=True):
        saved = super().save(commit=False)
        activities = getattr(self.instance, self.rel_name)
        seen = set()
        # Rows already in the database first: a repeat is a new row.
        for activity in sorted(activities.all(), key=lambda a: a.pk is None):
            key = (activity.event_kind_id, activity.year)
            if key in seen:
                activities.remove(activity)
            seen.add(key)
        if commit:
            activities.commit()
        return saved


class BlocMembershipFormSet(BaseChildFormSet):
    """A bloc year's members as a whole: one leader, each unit once.

    The database holds both rules too (``BlocMembership.Meta.constraints``);
    checked here across the submitted rows, each row gets its own message
    instead of modelcluster's "duplicate data for bloc_year and organization".
    """

    def validate_unique(self):
        memberships = live_forms(self)
        leaders = [
            form
            for form in memberships
            if form.cleaned_data.get("role") == self.model.Role.LEADER
        ]
        if len(leaders) > 1:
            for form in leaders:
                form.add_error(
                    "role", _("A bloc has one leader a year: choose only one.")
                )
        seen = set()
        for form in memberships:
            unit = form.cleaned_data.get("organization")
            if unit and unit.pk in seen:
                form.add_error(
                    "organization", _("This unit is already a member this year.")
                )
            elif unit:
                seen.add(unit.pk)
        # Any other unique rule, on the rows not refused above.
        super().validate_unique()


class CheckedInlinePanel(InlinePanel):
    """An InlinePanel whose rows a ``formset`` class checks as a whole."""

    def __init__(self, relation_name, *args, formset=BaseChildFormSet, **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.formset = formset

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "formset": self.formset}

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = self.formset
        return options


class BlocYearForm(WagtailAdminModelForm):
    """A bloc year with its members, ranking and awards.

    A member's row written over another's in one save (two units swapping
    the leader's role) would meet the database's one-leader and one-unit
    constraints half-way: the rows whose unit or role changed are taken out
    first and written again with their own ids, so only the end state counts.
    """

    @transaction.atomic
    def save(self, commit=True):
        if commit and self.instance.pk:
            formset = self.formsets["memberships"]
            changed = [
                form.instance.pk
                for form in formset.initial_forms
                if form.instance.pk
                and {"organization", "role"} & set(form.changed_data)
            ]
            formset.model.objects.filter(pk__in=changed).delete()
        return super().save(commit=commit)
