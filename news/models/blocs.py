"""The blocs' pages: the list of blocs (with its unit pages) and a bloc."""

import datetime

from django.db import models
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from news.forms import PortalPageForm

from .snippets import nfc, split_aliases


class BlocIndexPage(RoutablePageMixin, Page):
    """The directory of emulation blocs and clusters, and the units' pages
    (``don-vi/<slug>/``)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    base_form_class = PortalPageForm
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.BlocPage"]
    max_count = 1

    class Meta:
        verbose_name = _("bloc index")
        verbose_name_plural = _("bloc indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        blocs = (
            BlocPage.objects.child_of(self)
            .live()
            .public()
            .select_related("organiser", "province")
            .order_by("level", "title")
        )
        levels = dict(BlocPage.Level.choices)
        groups = {}
        for bloc in blocs:
            groups.setdefault(bloc.level, []).append(bloc)
        context["bloc_groups"] = [
            (levels[level], items) for level, items in groups.items()
        ]
        return context

    @path("don-vi/<slug:slug>/", name="unit")
    def unit(self, request, slug):
        """A unit's page: its blocs and roles by year, awards, news naming it."""
        from news import listing
        from news.models.articles import ArticleOrganization
        from news.models.snippets import Award, BlocMembership, Organization

        unit = get_object_or_404(
            Organization.objects.select_related("province", "province__merged_into"),
            slug=slug,
        )
        memberships = (
            BlocMembership.objects.filter(organization=unit)
            .select_related("bloc_year__bloc")
            .order_by("-bloc_year__year", "bloc_year__bloc__title")
        )
        awards = (
            Award.objects.filter(recipient_organization=unit)
            .select_related("award_type", "bloc_year__bloc")
            .order_by("-bloc_year__year", "award_type__sort_order")
        )
        news = listing.articles().filter(
            Q(
                pk__in=ArticleOrganization.objects.filter(organization=unit).values(
                    "page_id"
                )
            )
            | Q(byline_unit=unit)
        )
        context = {
            "unit": unit,
            "crumbs": [*self.get_ancestors().live().filter(depth__gt=1), self],
            "memberships": memberships,
            "awards": awards,
            **listing.filtered_page(request, news),
        }
        return self.render(
            request,
            context_overrides=context,
            template="news/unit_page.html",
        )


class BlocPage(Page):
    """An emulation bloc or cluster: its profile, and the home of its articles.

    Its editors' and moderators' permissions are granted on this page, so they
    cover every article below it.
    """

    class Kind(models.TextChoices):
        BLOC = "khoi", _("bloc (khối)")
        CLUSTER = "cum", _("cluster (cụm)")
        REGION = "vung", _("region (vùng)")
        GROUP = "nhom", _("group (nhóm)")

    class Level(models.TextChoices):
        CENTRAL = "trung_uong", _("central")
        MINISTRY = "bo_nganh", _("ministry or sector")
        PROVINCE = "tinh", _("province")
        LOCAL = "dia_phuong", _("district or commune")
        GRASSROOTS = "co_so", _("inside an agency or enterprise")

    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.BLOC
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.PROVINCE
    )
    organiser = models.ForeignKey(
        "news.Organization",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_blocs",
        help_text=_("The ministry or People's Committee that set the bloc up."),
    )
    province = models.ForeignKey(
        "news.Province",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="blocs",
        help_text=_("For a province's own blocs."),
    )
    other_names = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other names the bloc goes by in articles, one a line."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Created by the importer: check its name, kind and organiser."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("other_names"),
        index.SearchField("intro"),
    ]
    content_panels = Page.content_panels + [
        FieldRowPanel(["short_name", "kind", "level"]),
        FieldRowPanel(["organiser", "province"]),
        FieldPanel("other_names"),
        FieldPanel("intro"),
        FieldPanel("description"),
    ]
    settings_panels = Page.settings_panels + [FieldPanel("needs_review")]
    base_form_class = PortalPageForm
    parent_page_types = ["news.BlocIndexPage"]
    subpage_types = ["news.ArticlePage"]

    class Meta:
        verbose_name = _("emulation bloc")
        verbose_name_plural = _("emulation blocs")

    @property
    def alias_list(self):
        return split_aliases(self.other_names)

    def get_context(self, request, *args, **kwargs):
        from news import listing
        from news.models.snippets import BlocMembership, BlocRanking

        context = super().get_context(request, *args, **kwargs)
        # A new bloc previewed before its first save has no years yet.
        years = (
            []
            if self.pk is None
            else list(
                self.years.prefetch_related(
                    Prefetch(
                        "memberships",
                        queryset=BlocMembership.objects.select_related(
                            "organization"
                        ).order_by(BlocMembership.role_order(), "organization__name"),
                    ),
                    Prefetch(
                        "rankings",
                        queryset=BlocRanking.objects.select_related(
                            "organization"
                        ).order_by("rank", "organization__name"),
                    ),
                    "awards__award_type",
                    "awards__recipient_organization",
                ).order_by("-year")
            )
        )
        this_year = datetime.date.today().year
        current = next((y for y in years if y.year <= this_year), None)
        context["years"] = years
        context["current_year"] = current
        context["index_page"] = self.get_parent().specific
        context["leader_timeline"] = [
            (y.year, y.leader()) for y in years if y.leader() is not None
        ]
        context.update(
            listing.filtered_page(request, listing.articles().descendant_of(self))
        )
        return context

    def clean(self):
        super().clean()
        self.title = nfc(self.title)
        self.other_names = "\n".join(split_aliases(self.other_names))
