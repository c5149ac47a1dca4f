"""The portal's image model: alt text and credit live with the photo.

A caption belongs to the photo's use in an article, so it lives on the block.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """A photo or illustration with its alt text and credit."""

    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it. "
            "Leave empty to use the title."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source, e.g. “Ảnh: Văn phòng Sở”."),
    )

    admin_form_fields = Image.admin_form_fields + ("alt_text", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        return self.alt_text or self.description or self.title


class PortalRendition(AbstractRendition):
    """A resized copy of a PortalImage."""

    image = models.ForeignKey(
        PortalImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
