"""Generated photos for the demo galleries: varied colours and sizes, the
caption drawn on them, saved as EXIF-free JPEGs."""

import hashlib
import io
import textwrap
from pathlib import Path

from anyascii import anyascii
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.models import Collection

from demo import PHOTO_CREDIT
from news.models import PortalImage

# Fonts with Vietnamese glyphs, where a Debian machine usually has them.
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
]
SIZES = [(1600, 1067), (1200, 900), (1400, 933), (1024, 768), (900, 1200)]
PALETTE = [
    ((164, 22, 26), (250, 214, 165)),
    ((21, 94, 117), (190, 227, 219)),
    ((67, 97, 38), (229, 236, 182)),
    ((94, 53, 117), (226, 207, 234)),
    ((180, 83, 9), (254, 240, 199)),
    ((30, 64, 175), (219, 234, 254)),
]
COLLECTION_NAME = "Ảnh mẫu"


def _font(size):
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size), True
    # Pillow's built-in font lacks Vietnamese letters: draw them without accents.
    return ImageFont.load_default(size=size), False


def render_photo(caption, seed):
    """JPEG bytes of a photo-like picture with the caption written on it."""
    digest = hashlib.sha256(seed.encode()).digest()
    width, height = SIZES[digest[0] % len(SIZES)]
    dark, light = PALETTE[digest[1] % len(PALETTE)]
    image = Image.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(image)
    # A soft diagonal band and a few discs, so thumbnails are told apart.
    for step in range(0, width + height, 8):
        share = step / (width + height) * 0.6
        shade = tuple(
            int(lo + (hi - lo) * share) for lo, hi in zip(light, dark, strict=True)
        )
        draw.line([(step, 0), (0, step)], fill=shade, width=8)
    for n in range(4):
        radius = 40 + digest[2 + n] % 120
        x = digest[6 + n] * width // 256
        y = digest[10 + n] * height // 256
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius], outline=dark, width=6
        )
    font, has_vietnamese = _font(max(24, width // 32))
    text = caption if has_vietnamese else anyascii(caption)
    lines = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width=48) or [""])
    line_height = int(font.size * 1.35)
    box_height = line_height * len(lines) + 40
    draw.rectangle([0, height - box_height, width, height], fill=(20, 20, 20))
    for number, line in enumerate(lines):
        draw.text(
            (30, height - box_height + 20 + number * line_height),
            line,
            font=font,
            fill=(255, 255, 255),
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)  # no EXIF written
    return buffer.getvalue()


class DemoPhotoMaker:
    """Makes (or finds again) the demo photo of one caption of one article."""

    def __init__(self):
        root = Collection.get_first_root_node()
        self.collection = root.get_children().filter(
            name=COLLECTION_NAME
        ).first() or root.add_child(name=COLLECTION_NAME)

    def __call__(self, caption, number, article_title):
        title = (caption.splitlines()[0] if caption else "")[:200] or (
            f"{article_title[:180]} – ảnh {number}"
        )
        seed = f"{article_title}|{number}|{caption}"
        stem = f"demo-{hashlib.sha1(seed.encode()).hexdigest()[:12]}"
        existing = PortalImage.objects.filter(
            collection=self.collection, file__contains=stem
        ).first()
        if existing:
            return existing
        name = f"{stem}.jpg"
        image = PortalImage(
            title=title,
            collection=self.collection,
            alt_text=caption.replace("\n", " ")[:255]
            if caption
            else f"Hình ảnh tại {article_title}"[:255],
            credit=PHOTO_CREDIT,
            file=ImageFile(io.BytesIO(render_photo(caption, seed)), name=name),
        )
        image.save()
        image.get_file_hash()  # as an upload does: a re-upload finds it
        return image
