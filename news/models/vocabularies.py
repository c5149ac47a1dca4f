"""The controlled vocabularies: provinces, units, event kinds and award types."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from news.text import clean as clean_text

#: 1 July 2025: Vietnam's 63 provincial units became 34 (Resolution 202/2025/QH15).
PROVINCE_MERGER_DATE = datetime.date(2025, 7, 1)


def split_aliases(text):
    """The aliases field holds one name a line."""
    return [clean_text(line) for line in (text or "").splitlines() if line.strip()]


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
        constraints = [
            models.CheckConstraint(
                condition=~Q(merged_into=F("pk")),
                name="province_not_merged_into_itself",
                violation_error_message=_("A province cannot be merged into itself."),
            ),
            models.CheckConstraint(
                condition=Q(valid_from=None)
                | Q(valid_until=None)
                | Q(valid_until__gte=F("valid_from")),
                name="province_valid_until_after_valid_from",
                violation_error_message=_(
                    "The end date cannot be before the start date."
                ),
            ),
        ]

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
        self.name = clean_text(self.name)
        self.full_name = clean_text(self.full_name)
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
        # The same rule as clean(), which gives the friendlier message: NULL
        # provinces never clash in a unique index, hence two constraints.
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "province",
                condition=Q(province__isnull=False),
                name="unique_unit_name_per_province",
                violation_error_message=_(
                    "A unit with this name already exists in this province."
                ),
            ),
            models.UniqueConstraint(
                Lower("name"),
                condition=Q(province__isnull=True),
                name="unique_unit_name_without_province",
                violation_error_message=_(
                    "A unit with this name already exists in this province."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def alias_list(self):
        return split_aliases(self.other_names)

    def clean(self):
        self.name = clean_text(self.name)
        self.short_name = clean_text(self.short_name)
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
