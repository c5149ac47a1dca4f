"""An emulation bloc's page (the list of blocs, BlocIndexPage, is in pages.py)."""

import datetime

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from news.forms import PortalPageForm
from news.text import clean as clean_text

from .base import PortalPage, first_text, rich_text_summary
from .records import BlocMembership, BlocRanking
from .vocabularies import split_aliases


class BlocPage(PortalPage):
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

    def get_summary(self):
        return first_text(self.intro) or rich_text_summary(self.description)

    def get_context(self, request, *args, **kwargs):
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
        # The bloc index lists the news of its blocs as it lists its units'.
        context.update(context["index_page"].bloc_news(request, self))
        return context

    def clean(self):
        super().clean()
        self.title = clean_text(self.title)
        self.other_names = "\n".join(split_aliases(self.other_names))


def attach_blocs(pages):
    """Set ``page.bloc`` on each article: the bloc it lives under, if any."""
    pages = list(pages)
    if not pages:
        return pages
    blocs = {
        bloc.path: bloc
        for bloc in BlocPage.objects.live().only(
            "title", "slug", "path", "depth", "url_path", "short_name"
        )
    }
    for page in pages:
        page.bloc = blocs.get(page.path[: -BlocPage.steplen])
    return pages
