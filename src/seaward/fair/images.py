"""Product photos: validate an upload defensively with Pillow, keep a re-encoded copy and a
thumbnail. Pure of Django models (bytes in, bytes out), so the rules are easy to test."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from seaward.core.errors import InvalidInput, gettext_noop

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a decompression bomb is refused before it is decoded
MIN_SIDE = 200
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
THUMBNAIL_SIDE = 320
STORED_SIDE = 2000


class BadImage(InvalidInput):
    code = "fair_bad_image"
    default_message = gettext_noop("%(problem)s")


@dataclass(frozen=True)
class CheckedImage:
    content: bytes  # re-encoded: metadata (EXIF, GPS) dropped
    thumbnail: bytes
    content_type: str
    width: int
    height: int


def check_image(data: bytes) -> CheckedImage:
    """Validate an uploaded photo and produce the stored copy and its thumbnail (JPEG)."""
    if len(data) > MAX_BYTES:
        raise BadImage(params={"problem": "The photo is larger than 8 MB."}, field="image")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            width, height = probe.size
            if kind not in FORMATS:
                raise BadImage(
                    params={"problem": "Upload a JPEG, PNG or WebP photo."}, field="image"
                )
            if width * height > MAX_PIXELS:
                raise BadImage(params={"problem": "The photo has too many pixels."}, field="image")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = image.convert("RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError):
        raise BadImage(
            params={"problem": "The file is not a readable image."}, field="image"
        ) from None
    if min(width, height) < MIN_SIDE:
        raise BadImage(
            params={"problem": "The photo must be at least 200 pixels on each side."},
            field="image",
        )
    stored = picture.copy()
    stored.thumbnail((STORED_SIDE, STORED_SIDE))
    thumb = picture.copy()
    thumb.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    return CheckedImage(
        content=_jpeg(stored, 88),
        thumbnail=_jpeg(thumb, 80),
        content_type="image/jpeg",
        width=stored.width,
        height=stored.height,
    )


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()
