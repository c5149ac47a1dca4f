"""The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE): every upload path
(add, add multiple, the choosers' upload, replacing the file of an image) uses
it, so its checks hold everywhere."""

import re
import warnings

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Pillow's message when it refuses an image as a decompression bomb.
BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")


def header_pixels(f):
    """The number of pixels an image file declares in its header, read without
    decoding the image (None when Pillow cannot read the header)."""
    try:
        f.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(f) as image:
                return image.width * image.height
    except PILImage.DecompressionBombError as error:
        found = BOMB_PIXELS.search(str(error))
        return int(found[1]) if found else None
    except Exception:  # noqa: BLE001 - any unreadable header: decided later
        return None
    finally:
        f.seek(0)


class PortalImageField(WagtailImageField):
    """Wagtail's image field, with a pixel count that is always known and
    written as a number ("64.000.000"), checked before the image is decoded,
    and a form error, not a server error, for a damaged or cut-off file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["damaged_image"] = _(
            "This image file is damaged or incomplete (part of it is missing). "
            "Open it on your computer, save or export it again, then upload it "
            "again."
        )

    def too_many_pixels(self, num_pixels):
        return ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {
                "num_pixels": number_format(num_pixels, force_grouping=True),
                "max_pixels_count": number_format(
                    self.max_image_pixels, force_grouping=True
                ),
            },
            code="file_too_many_pixels",
        )

    def check_image_pixel_size(self, f):
        # Wagtail decodes the whole image (Willow's Pillow plugin loads it)
        # before counting its pixels, and only catches Pillow's decompression
        # bomb errors, with the count unknown: count from the header first.
        num_pixels = header_pixels(f)
        limit = self.max_image_pixels
        if num_pixels is not None and limit is not None and num_pixels > limit:
            raise self.too_many_pixels(num_pixels)
        try:
            super().check_image_pixel_size(f)
        except ValidationError as error:
            if error.code == "file_too_many_pixels" and num_pixels is not None:
                raise self.too_many_pixels(num_pixels) from None
            raise
        except Exception as error:  # noqa: BLE001 - "image file is truncated"…
            raise ValidationError(
                self.error_messages["damaged_image"], code="damaged_image"
            ) from error


class PortalImageForm(BaseImageForm):
    """Wagtail's image form with the portal's file checks, and alt text
    required wherever the editor sees the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, PortalImageField):
            # Wagtail builds the field itself (images.forms.formfield_for_dbfield)
            self.fields["file"] = PortalImageField(
                label=field.label, required=field.required, widget=field.widget
            )
        alt_text = self.fields.get("alt_text")
        if alt_text is not None:
            # The first step of Wagtail's bulk upload posts only the file and a
            # title (admin.views.generic.multiple_upload.AddView.post): it must
            # still make the image, or every photo of a 40-photo upload would
            # wait on a form. Its alt text is asked for in the row's form, or in
            # the article, whose publication needs it.
            alt_text.required = not (
                self.is_bound and self.add_prefix("alt_text") not in self.data
            )
