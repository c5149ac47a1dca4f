"""StreamField blocks of article bodies."""

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail_multiple_chooser_block.blocks import MultipleChooserBlock
from wagtail_multiple_chooser_block.contrib.bulk_upload.blocks import (
    BulkUploadImageChooser,
    BulkUploadImageChooserBlock,
)

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "document-link"]

# The renditions the photo and gallery templates ask for, in the order of their
# {% picture %} / {% image %} arguments, so one query fetches them all.
PHOTO_RENDITIONS = [
    *(
        f"fill-{size}|format-{fmt}"
        for size in ("300x200", "600x400")
        for fmt in ("webp", "jpeg")
    ),
    *(
        f"width-{size}|format-{fmt}"
        for size in ("800", "1200")
        for fmt in ("webp", "jpeg")
    ),
    "max-1600x1600",
]


class PhotoChooser(BulkUploadImageChooser):
    """The widget of PhotoChooserBlock: the chooser of news/admin_images.py,
    whose bulk upload uses again a photo already in the library."""

    chooser_modal_url_name = "photo_chooser:choose"


class PhotoChooserBlock(BulkUploadImageChooserBlock):
    """An image chooser (with bulk upload) whose photos arrive with their
    renditions: an article's body costs the same queries for 2 or 40 photos.

    The public sizes go to ``prefetched_renditions`` (as Wagtail's own
    ``prefetch_renditions()`` does), not into the ``renditions`` manager, which
    would then answer every later query (the admin's thumbnails) from them."""

    @cached_property
    def widget(self):
        return PhotoChooser()

    def bulk_to_python(self, values):
        images = super().bulk_to_python(values)
        renditions = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=PHOTO_RENDITIONS)
        )
        prefetch_related_objects(
            [image for image in images if image is not None],
            Prefetch(
                "renditions", queryset=renditions, to_attr="prefetched_renditions"
            ),
        )
        return images


class HeadingBlock(blocks.StructBlock):
    """A section heading inside an article."""

    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "news/blocks/heading_block.html"


class PhotoBlock(blocks.StructBlock):
    """A photo with its caption, alt text and credit in this article."""

    image = PhotoChooserBlock(label=_("Photo"))
    caption = blocks.TextBlock(
        label=_("Caption"), required=False, rows=2, help_text=_("May span lines.")
    )
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the photo's own alt text."),
    )
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the photo's own credit."),
    )

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "news/blocks/photo_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value.get("image")
        context["alt"] = value.get("alt_text") or (
            image.default_alt_text if image else ""
        )
        context["credit"] = value.get("credit") or (image.credit if image else "")
        return context


class GalleryBlock(blocks.StructBlock):
    """An ordered set of photos shown as a grid with a lightbox."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    photos = MultipleChooserBlock(
        PhotoBlock(),
        chooser_field_name="image",
        label=_("Photos"),
        min_num=1,
        help_text=_(
            "Choose or upload many photos at once; then add a caption to each."
        ),
    )

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "news/blocks/gallery_block.html"


class QuoteBlock(blocks.StructBlock):
    """A pull quote with an optional attribution."""

    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "news/blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document: a plan, a pact, a decision."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "news/blocks/document_link_block.html"


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of an article."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Paragraph"), icon="pilcrow"
    )
    heading = HeadingBlock()
    image = PhotoBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"))
    document = DocumentLinkBlock()
