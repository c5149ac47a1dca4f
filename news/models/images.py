"""The portal's image model: alt text and credit live with the photo.

A caption belongs to the photo's use in an article, so it lives on the block.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from news.alt_text import image_alt_text
from news.preview_images import DeferredRenditionsMixin, DeferredURLMixin


class PortalImage(DeferredRenditionsMixin, AbstractImage):
    """A photo or illustration with its alt text and credit."""

    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it, e.g. "
            "“Đại diện các đơn vị ký kết giao ước thi đua năm 2026”. Not the "
            "file name."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source, e.g. “Ảnh: Văn phòng Sở”."),
    )

    # Wagtail's "description" is also an alt text: one field is enough for
    # editors, so the admin shows ours (the description is still read).
    admin_form_fields = (
        "title",
        "file",
        "alt_text",
        "credit",
        *(
            name
            for name in Image.admin_form_fields
            if name not in ("title", "file", "description")
        ),
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        # Never a file name ("IMG_1234"), which Wagtail's upload makes the title.
        return image_alt_text(self)

    # Renditions. Wagtail reads prefetched renditions as if they were all of the
    # image's renditions: a size missing from them is created, and creating
    # one that exists fails on the unique constraint. A prefetch holds only the
    # sizes it asked for (the public ones), so sizes it did not ask for (the
    # admin's thumbnails, a new template's) are looked up, not created again.

    def _stored_renditions(self):
        """This image's renditions in the database. Not ``self.renditions``:
        after a prefetch without ``to_attr`` that manager answers from the
        prefetched rows only."""
        return self.get_rendition_model().objects.filter(image_id=self.pk)

    def find_existing_renditions(self, *filters):
        found = super().find_existing_renditions(*filters)
        if self._get_prefetched_renditions() is None:
            return found  # Wagtail looked in the cache and the database
        missing = [f for f in filters if f not in found]
        if not missing:
            return found
        Rendition = self.get_rendition_model()
        keys = {
            Rendition.construct_cache_key(self, f.get_cache_key(self), f.spec): f
            for f in missing
        }
        for key, rendition in Rendition.cache_backend.get_many(list(keys)).items():
            rendition.image = self
            found[keys[key]] = rendition
        missing = {f.spec: f for f in missing if f not in found}
        if missing:
            lookup = Q()
            for spec, f in missing.items():
                lookup |= Q(filter_spec=spec, focal_point_key=f.get_cache_key(self))
            for rendition in self._stored_renditions().filter(lookup):
                rendition.image = self
                found[missing[rendition.filter_spec]] = rendition
                self._add_to_prefetched_renditions(rendition)
        return found

    def create_rendition(self, filter):
        rendition, _created = self.get_rendition_model().objects.get_or_create(
            image=self,
            filter_spec=filter.spec,
            focal_point_key=filter.get_cache_key(self),
            defaults={"file": self.generate_rendition_file(filter)},
        )
        rendition.image = self
        return rendition


class PortalRendition(DeferredURLMixin, AbstractRendition):
    """A resized copy of a PortalImage."""

    image = models.ForeignKey(
        PortalImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
