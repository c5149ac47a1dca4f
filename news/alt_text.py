"""Alt text: a file name is never alt text, and an article is published only
when each of its photos says what it shows."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)

# What a camera, a phone or an app names a photo, and what Wagtail's upload
# then makes its title: "IMG_1234", "IMG-20261205-WA0001", "DSC01234",
# "20261205_101010", "giao-luu-the-thao-1", "image.jpg", "image (1)",
# "Screenshot 2026-12-05 at 10.10.10". Alt text written by a person has words
# separated by spaces, and no extension.
FILE_NAME_TITLE = re.compile(
    r"""
    ^\S+$                                               # one token, no spaces
    | \.(jpe?g|png|gif|webp|avif|heic|heif|bmp|tiff?)\s*$  # an extension
    | ^(img|image|dsc|dscn|dcim|pxl|mvimg|photo|fb_img|screenshot|screen\ shot
        |ảnh\ chụp\ màn\ hình|untitled)\b[\s_()-]*\d     # camera and app names
    | ^[\d\s_.:()-]+$                                   # only digits and dashes
    """,
    re.IGNORECASE | re.VERBOSE,
)


def looks_like_file_name(text):
    """True when ``text`` (an image's title) is a file name, not a description."""
    return bool(FILE_NAME_TITLE.search((text or "").strip()))


def image_alt_text(image):
    """The image's own alt text: its alt text, else Wagtail's description, else
    its title unless the title is a file name (then empty)."""
    for text in (image.alt_text, getattr(image, "description", "")):
        if text and text.strip():
            return text.strip()
    title = (image.title or "").strip()
    return "" if looks_like_file_name(title) else title


def has_written_alt_text(image, alt_text=""):
    """An article's use of a photo has alt text: the block's own, or the
    photo's alt text or description (a title is not enough: a bulk upload
    makes it from the file name)."""
    return any(
        text and text.strip()
        for text in (alt_text, image.alt_text, getattr(image, "description", ""))
    )


def photos_without_alt_text(body, cover=None):
    """The photos of an article that have no alt text, as (image, path) in
    reading order: the cover first, then the body's photos. ``path``
    locates the block in the body: (block index,) for a photo block,
    (block index, photo index) for a gallery's photo, None for the cover."""
    missing = []
    if cover is not None and not has_written_alt_text(cover):
        missing.append((cover, None))
    for index, block in enumerate(body or []):
        if block.block_type == "image":
            value = block.value
            image = value.get("image")
            if image is not None and not has_written_alt_text(
                image, value.get("alt_text")
            ):
                missing.append((image, (index,)))
        elif block.block_type == "gallery":
            for number, photo in enumerate(block.value.get("photos") or []):
                image = photo.get("image")
                if image is not None and not has_written_alt_text(
                    image, photo.get("alt_text")
                ):
                    missing.append((image, (index, number)))
    return missing


def check_alt_text(form, cleaned_data):
    """The publish check of an article's form: each photo without alt text is
    named at the top of the form, and its "alt text" field is marked."""
    body = cleaned_data.get("body")
    missing = photos_without_alt_text(body, cleaned_data.get("cover"))
    if not missing:
        return
    names = [
        _("the cover image “%(title)s”") % {"title": image.title}
        if path is None
        else f"“{image.title}”"
        for image, path in missing
    ]
    form.add_error(
        None,
        ngettext(
            "%(count)d photo has no alt text: %(photos)s. Write what it shows in "
            "its “Alt text” field (in the article, or in the image library) "
            "before publishing; a draft can be saved without it.",
            "%(count)d photos have no alt text: %(photos)s. Write what each one "
            "shows in its “Alt text” field (in the article, or in the image "
            "library) before publishing; a draft can be saved without it.",
            len(missing),
        )
        % {"count": len(missing), "photos": ", ".join(names)},
    )
    if missing[0][1] is None:
        form.add_error(
            "cover", _("This photo has no alt text: add it in the image library.")
        )
    body_errors = body_alt_text_errors([path for _image, path in missing if path])
    if body_errors is not None:
        form.add_error("body", body_errors)


def body_alt_text_errors(paths):
    """The body's block errors for photos without alt text, as Wagtail's
    StreamField shows them: on the "alt text" field of each photo."""
    if not paths:
        return None
    required = ValidationError(_("Write what the photo shows."), code="alt_text")
    blocks, galleries = {}, {}
    for path in paths:
        if len(path) == 1:
            blocks[path[0]] = StructBlockValidationError({"alt_text": required})
        else:
            galleries.setdefault(path[0], {})[path[1]] = StructBlockValidationError(
                {"alt_text": required}
            )
    for index, photos in galleries.items():
        blocks[index] = StructBlockValidationError(
            {"photos": ListBlockValidationError(block_errors=photos)}
        )
    return StreamBlockValidationError(block_errors=blocks)
