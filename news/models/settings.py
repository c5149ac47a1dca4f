"""Site settings editors change in the admin: footer, contacts, links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="site")
class PortalSettings(ClusterableModel, BaseSiteSetting):
    """The portal's identity: name, governing body, licence line, contacts."""

    portal_name = models.CharField(
        _("portal name"), max_length=200, default="Bảng tin Thi đua"
    )
    governing_body = models.CharField(
        _("governing body"),
        max_length=255,
        blank=True,
        help_text=_("The agency that runs the portal, shown in the footer."),
    )
    licence_line = models.CharField(
        _("licence line"),
        max_length=500,
        blank=True,
        help_text=_("The publishing licence: number, date and issuing body."),
    )
    responsible_person = models.CharField(
        _("person in charge"),
        max_length=255,
        blank=True,
        help_text=_("Name and position of the person responsible for the content."),
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    zalo_url = models.URLField(_("Zalo official account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    default_share_image = models.ForeignKey(
        "news.PortalImage",
        verbose_name=_("default share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page without its own image is shared."),
    )

    logo = models.ForeignKey(
        "news.PortalImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The governing body's emblem, given to search engines as the "
            "publisher's logo. A PNG with a transparent background is best."
        ),
    )

    panels = [
        FieldPanel("portal_name"),
        MultiFieldPanel(
            [
                FieldPanel("governing_body"),
                FieldPanel("licence_line"),
                FieldPanel("responsible_person"),
            ],
            heading=_("Legal notice"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel(["phone", "email"])],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("zalo_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social networks"),
        ),
        InlinePanel("web_links", heading=_("Web links"), label=_("link")),
        FieldRowPanel(["logo", "default_share_image"]),
    ]

    class Meta:
        verbose_name = _("portal settings")
        verbose_name_plural = _("portal settings")


class WebLink(Orderable):
    """A link in the "Liên kết web" box: a ministry, a province, a council."""

    settings = ParentalKey(
        PortalSettings, on_delete=models.CASCADE, related_name="web_links"
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"))

    panels = [FieldRowPanel(["title", "url"])]

    class Meta(Orderable.Meta):
        verbose_name = _("web link")
        verbose_name_plural = _("web links")

    def __str__(self):
        return self.title
