"""The emulation domain (DOMAIN.md §2): provinces, units, vocabularies, bloc years."""

import datetime
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from news.forms import BlocYearForm

#: 1 July 2025: Vietnam's 63 provincial units became 34 (Resolution 202/2025/QH15).
PROVINCE_MERGER_DATE = datetime.date(2025, 7, 1)

FIRST_EMULATION_YEAR = 1945


def nfc(text):
    """Vietnamese text in one Unicode form, so equal names compare equal."""
    return unicodedata.normalize("NFC", text or "").strip()


def split_aliases(text):
    """The aliases field holds one name a line."""
    return [nfc(line) for line in (text or "").splitlines() if line.strip()]


def validate_emulation_year(value):
    latest = datetime.date.today().year + 1
    if not FIRST_EMULATION_YEAR <= value <= latest:
        raise ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            params={"first": FIRST_EMULATION_YEAR, "last": latest},
            code="year_out_of_range",
        )


class Province(index.Indexed, models.Model):
    """A province or centrally-run city, before or after the 2025 merger."""

    class Kind(models.TextChoices):
        PROVINCE = "tinh", _("province")
        CITY = "thanh_pho", _("centrally-run city")

    name = models.CharField(_("name"), max_length=100)
    full_name = models.CharField(
        _("full name"), max_length=120, help_text=_("e.g. “tỉnh Sóc Trăng”.")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("The last day this province existed; empty if it still does."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("now part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("The province it became part of on 01/07/2025."),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("full_name"),
        index.FilterField("valid_until"),
    ]
    panels = [
        FieldRowPanel(["name", "full_name"]),
        FieldRowPanel(["slug", "kind"]),
        FieldRowPanel(["valid_from", "valid_until"]),
        FieldPanel("merged_into"),
    ]

    class Meta:
        ordering = ["name", "valid_until"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        if self.valid_until:
            return _("%(name)s (until %(date)s)") % {
                "name": self.name,
                "date": self.valid_until.strftime("%d/%m/%Y"),
            }
        return self.name

    @property
    def is_current(self):
        return self.valid_until is None

    def clean(self):
        self.name = nfc(self.name)
        self.full_name = nfc(self.full_name)
        if self.merged_into_id and self.merged_into_id == self.pk:
            raise ValidationError(
                {"merged_into": _("A province cannot be merged into itself.")}
            )
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("The end date cannot be before the start date.")}
            )


class Organization(index.Indexed, models.Model):
    """A unit (đơn vị): a department, committee, office, association…"""

    class Kind(models.TextChoices):
        MINISTRY = "bo", _("ministry")
        MINISTRY_DEPARTMENT = "vu", _("ministry department")
        PEOPLES_COMMITTEE = "ubnd", _("People's Committee")
        OFFICE = "van_phong", _("office")
        PROVINCIAL_DEPARTMENT = "so", _("provincial department")
        CENTRAL_AGENCY = (
            "co_quan_trung_uong_tai_dia_phuong",
            _("local branch of a central agency"),
        )
        ASSOCIATION = (
            "to_chuc_chinh_tri_xa_hoi_hoi",
            _("socio-political organisation or association"),
        )
        PARTY = "co_quan_dang", _("Party body")
        COUNCIL = "hoi_dong_tdkt", _("emulation and commendation council")
        LOCAL = "dia_phuong", _("district or commune")
        ENTERPRISE = "doanh_nghiep", _("enterprise")
        OTHER = "khac", _("other")

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_(
            "The full name, with the province when one applies: "
            "“Sở Kế hoạch và Đầu tư tỉnh Sơn La”."
        ),
    )
    short_name = models.CharField(
        _("short name"), max_length=100, blank=True, help_text=_("e.g. “Sở KH&ĐT”.")
    )
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(
        _("kind"), max_length=40, choices=Kind.choices, default=Kind.OTHER
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    other_names = models.TextField(
        _("other names"),
        blank=True,
        help_text=_(
            "Other names the unit goes by, one a line: abbreviations, old names."
        ),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("succeeded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("The unit that took over after a reorganisation."),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
        index.SearchField("other_names"),
        index.FilterField("kind"),
        index.FilterField("province_id"),
    ]
    panels = [
        FieldPanel("name"),
        FieldRowPanel(["short_name", "slug"]),
        FieldRowPanel(["kind", "province"]),
        FieldPanel("parent"),
        FieldPanel("other_names"),
        FieldPanel("successor"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name

    @property
    def alias_list(self):
        return split_aliases(self.other_names)

    def clean(self):
        self.name = nfc(self.name)
        self.short_name = nfc(self.short_name)
        self.other_names = "\n".join(split_aliases(self.other_names))
        duplicates = Organization.objects.filter(
            name__iexact=self.name, province=self.province
        ).exclude(pk=self.pk)
        if duplicates.exists():
            raise ValidationError(
                {"name": _("A unit with this name already exists in this province.")}
            )


class EventKind(index.Indexed, models.Model):
    """What an article reports: pact signing, year-end review, exchange…"""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    panels = ["name", "code", "description", "sort_order"]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("event kind")
        verbose_name_plural = _("event kinds")

    def __str__(self):
        return self.name


class AwardType(index.Indexed, models.Model):
    """An emulation title or form of commendation (Law 06/2022/QH15)."""

    class Category(models.TextChoices):
        EMULATION_TITLE = "danh_hieu_thi_dua", _("emulation title")
        COMMENDATION = "hinh_thuc_khen_thuong", _("form of commendation")

    class Level(models.TextChoices):
        STATE = "nha_nuoc", _("state")
        MINISTRY = "bo", _("ministry or sector")
        PROVINCE = "tinh", _("province")
        GRASSROOTS = "co_so", _("grassroots")

    class RecipientKinds(models.TextChoices):
        COLLECTIVE = "tap_the", _("collectives")
        INDIVIDUAL = "ca_nhan", _("individuals")
        BOTH = "ca_hai", _("collectives and individuals")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    decided_by = models.CharField(
        _("decided by"),
        max_length=200,
        blank=True,
        help_text=_("Who confers it, e.g. “Thủ tướng Chính phủ”."),
    )
    recipient_kinds = models.CharField(
        _("given to"), max_length=20, choices=RecipientKinds.choices
    )
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("precedence"), default=0, help_text=_("Higher awards first.")
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    panels = [
        FieldRowPanel(["name", "code"]),
        FieldRowPanel(["category", "level"]),
        FieldRowPanel(["decided_by", "recipient_kinds"]),
        FieldRowPanel(["legal_basis", "sort_order"]),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("award type")
        verbose_name_plural = _("award types")

    def __str__(self):
        return self.name


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
        InlinePanel("memberships", heading=_("Members and roles"), label=_("member")),
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
    def year(self):
        return self.achievement_year or (
            self.bloc_year.year if self.bloc_year_id else None
        )

    def clean(self):
        errors = {}
        self.recipient_name = nfc(self.recipient_name)
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
