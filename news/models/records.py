"""The yearly bloc records: a bloc's year, its members, ranking and awards."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from news.forms import BlocMembershipFormSet, BlocYearForm, CheckedInlinePanel
from news.text import clean as clean_text

from .vocabularies import AwardType, Organization

FIRST_EMULATION_YEAR = 1945


def validate_emulation_year(value):
    latest = datetime.date.today().year + 1
    if not FIRST_EMULATION_YEAR <= value <= latest:
        raise ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            params={"first": FIRST_EMULATION_YEAR, "last": latest},
            code="year_out_of_range",
        )


class BlocYear(index.Indexed, ClusterableModel):
    """One bloc in one emulation year: members and roles, ranking, awards."""

    bloc = models.ForeignKey(
        "news.BlocPage",
        verbose_name=_("bloc"),
        on_delete=models.CASCADE,
        related_name="years",
    )
    year = models.PositiveSmallIntegerField(
        _("emulation year"), validators=[validate_emulation_year]
    )
    theme = models.CharField(
        _("emulation theme"),
        max_length=500,
        blank=True,
        help_text=_("The year's slogan or focus, as the pact states it."),
    )
    pact_signed_on = models.DateField(_("pact signed on"), null=True, blank=True)
    reported_member_count = models.PositiveSmallIntegerField(
        _("number of members stated"),
        null=True,
        blank=True,
        help_text=_("As an article states it, even when it names fewer units."),
    )
    notes = models.TextField(_("notes"), blank=True)

    base_form_class = BlocYearForm

    search_fields = [
        index.SearchField("theme"),
        index.FilterField("year"),
        index.FilterField("bloc_id"),
        index.RelatedFields("bloc", [index.SearchField("title")]),
    ]
    panels = [
        FieldRowPanel(["bloc", "year"]),
        FieldPanel("theme"),
        FieldRowPanel(["pact_signed_on", "reported_member_count"]),
        CheckedInlinePanel(
            "memberships",
            heading=_("Members and roles"),
            label=_("member"),
            formset=BlocMembershipFormSet,
        ),
        InlinePanel("rankings", heading=_("Ranking"), label=_("rank")),
        InlinePanel("awards", heading=_("Awards"), label=_("award")),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["bloc__title", "-year"]
        verbose_name = _("bloc year")
        verbose_name_plural = _("bloc years")
        constraints = [
            models.UniqueConstraint(fields=["bloc", "year"], name="unique_bloc_year")
        ]

    def __str__(self):
        return f"{self.bloc.title} – {self.year}" if self.bloc_id else str(self.year)

    def validate_unique(self, exclude=None):
        super().validate_unique(exclude)
        # The constraint's own message names fields; this one says what to do.
        if (
            self.bloc_id
            and self.year
            and BlocYear.objects.filter(bloc_id=self.bloc_id, year=self.year)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"year": _("This bloc already has a record for this year: edit it.")}
            )

    def leader(self):
        return next(
            (m for m in self.memberships.all() if m.role == BlocMembership.Role.LEADER),
            None,
        )


class BlocMembership(Orderable):
    """A unit's membership of a bloc in one year, with its role that year."""

    class Role(models.TextChoices):
        LEADER = "truong", _("leader")
        DEPUTY = "pho", _("deputy")
        # Its own context: "Thành viên" beside "Trưởng khối", while the inline
        # panel's "member" stays lower case in "Thêm thành viên".
        MEMBER = "thanh_vien", pgettext_lazy("bloc role", "member")

    class Basis(models.TextChoices):
        STATED = "stated", _("stated in an article")
        IMPLIED = "implied", _("implied by an article")
        EDITOR = "editor", _("entered by an editor")

    bloc_year = ParentalKey(
        BlocYear, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    representative = models.CharField(
        _("representative"),
        max_length=200,
        blank=True,
        help_text=_("The person who speaks for the unit, with their position."),
    )
    basis = models.CharField(
        _("source"), max_length=20, choices=Basis.choices, default=Basis.EDITOR
    )

    panels = [
        FieldRowPanel(["organization", "role"]),
        FieldRowPanel(["representative", "basis"]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["bloc_year"],
                condition=Q(role="truong"),  # Role.LEADER, out of Meta's reach
                name="one_leader_per_bloc_year",
                violation_error_message=_(
                    "A bloc has one leader a year: choose only one."
                ),
            ),
            models.UniqueConstraint(
                fields=["bloc_year", "organization"],
                name="one_membership_per_unit_and_bloc_year",
                violation_error_message=_("This unit is already a member this year."),
            ),
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"

    @classmethod
    def role_order(cls):
        """An ordering expression: leader, then deputy, then members."""
        return Case(
            When(role=cls.Role.LEADER, then=Value(0)),
            When(role=cls.Role.DEPUTY, then=Value(1)),
            default=Value(2),
        )


class BlocRanking(Orderable):
    """A unit's place in the bloc's year-end ranking; ties share a rank."""

    bloc_year = ParentalKey(BlocYear, on_delete=models.CASCADE, related_name="rankings")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="rankings",
    )
    rank = models.PositiveSmallIntegerField(
        _("rank"), help_text=_("1 for first place; tied units share a rank.")
    )
    score = models.DecimalField(
        _("score"), max_digits=7, decimal_places=2, null=True, blank=True
    )

    panels = [FieldRowPanel(["organization", "rank", "score"])]

    class Meta(Orderable.Meta):
        verbose_name = _("ranking")
        verbose_name_plural = _("rankings")
        constraints = [
            models.CheckConstraint(
                condition=Q(rank__gte=1),
                name="ranking_rank_from_one",
                violation_error_message=_("Ranks start at 1."),
            )
        ]

    def __str__(self):
        return f"{self.rank}. {self.organization}"

    def clean(self):
        if self.rank == 0:
            raise ValidationError({"rank": _("Ranks start at 1.")})


class Award(Orderable):
    """An award proposed, decided or presented for a bloc year's results."""

    class Status(models.TextChoices):
        PROPOSED = "de_nghi", _("proposed")
        SUBMITTED = "trinh", _("submitted to the council")
        DECIDED = "da_quyet_dinh", _("decided")
        PRESENTED = "da_trao", _("presented")
        REJECTED = "khong_duoc_duyet", _("not approved")

    class RecipientKind(models.TextChoices):
        COLLECTIVE = "tap_the", _("collective")
        INDIVIDUAL = "ca_nhan", _("individual")
        HOUSEHOLD = "ho_gia_dinh", _("household")

    #: What happened to an award, as readers see it: a proposal never reads
    #: "awarded" ("đề nghị tặng", never "được tặng").
    PHRASES = {
        Status.PROPOSED: _("proposed for %(award)s"),
        Status.SUBMITTED: _("submitted for %(award)s"),
        Status.DECIDED: _("awarded %(award)s"),
        Status.PRESENTED: _("presented with %(award)s"),
        Status.REJECTED: _("not approved for %(award)s"),
    }

    bloc_year = ParentalKey(BlocYear, on_delete=models.CASCADE, related_name="awards")
    award_type = models.ForeignKey(
        AwardType,
        verbose_name=_("award"),
        on_delete=models.PROTECT,
        related_name="awards",
    )
    recipient_organization = models.ForeignKey(
        Organization,
        verbose_name=_("recipient unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards_received",
    )
    recipient_name = models.CharField(
        _("recipient name"),
        max_length=255,
        blank=True,
        help_text=_("A person or a collective that is not a unit of the portal."),
    )
    recipient_kind = models.CharField(
        _("recipient kind"),
        max_length=20,
        choices=RecipientKind.choices,
        default=RecipientKind.COLLECTIVE,
    )
    achievement_year = models.PositiveSmallIntegerField(
        _("for the year"),
        null=True,
        blank=True,
        validators=[validate_emulation_year],
        help_text=_("The year of the results; empty means the bloc year."),
    )
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    authority = models.ForeignKey(
        Organization,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="awards_conferred",
    )
    decision_number = models.CharField(
        _("decision number"),
        max_length=100,
        blank=True,
        help_text=_("e.g. “123/QĐ-TTg”."),
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel(["award_type", "status"]),
        MultiFieldPanel(
            [
                FieldRowPanel(["recipient_organization", "recipient_name"]),
                FieldRowPanel(["recipient_kind", "achievement_year", "rank"]),
            ],
            heading=_("Recipient"),
        ),
        FieldRowPanel(["authority", "decision_number", "decision_date"]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        # "A decided award needs its decision date" stays in clean(): an old
        # article may report a decision without its date, and the importer
        # records it so and flags it for review.
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient_organization__isnull=False, recipient_name="")
                | Q(recipient_organization__isnull=True) & ~Q(recipient_name=""),
                name="award_exactly_one_recipient",
                violation_error_message=_(
                    "Give exactly one recipient: choose a unit or type a name, "
                    "not both."
                ),
            )
        ]

    def __str__(self):
        return f"{self.award_type} – {self.recipient}"

    @property
    def recipient(self):
        return self.recipient_organization or self.recipient_name

    @property
    def is_conferred(self):
        """True once decided or presented: only then may it read "awarded"."""
        return self.status in {self.Status.DECIDED, self.Status.PRESENTED}

    @property
    def phrase(self):
        """The award and what happened to it: "đề nghị tặng Bằng khen…"."""
        return self.PHRASES.get(self.status, "%(award)s") % {
            "award": self.award_type.name
        }

    @property
    def year(self):
        return self.achievement_year or (
            self.bloc_year.year if self.bloc_year_id else None
        )

    def clean(self):
        errors = {}
        self.recipient_name = clean_text(self.recipient_name)
        has_unit = self.recipient_organization_id is not None
        if has_unit == bool(self.recipient_name):
            message = _(
                "Give exactly one recipient: choose a unit or type a name, not both."
            )
            errors["recipient_organization"] = message
        if self.status == self.Status.DECIDED and not self.decision_date:
            errors["decision_date"] = _("A decided award needs its decision date.")
        if errors:
            raise ValidationError(errors)
