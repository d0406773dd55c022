"""QR codes of booth samples (segno, SVG): they open the sample's public product page."""

from __future__ import annotations

import io

import segno
from django.urls import reverse


def sample_path(token: str) -> str:
    return reverse("fair_sample_public", args=[token]) + "?src=qr"


def qr_svg(url: str, *, scale: int = 4) -> str:
    """An SVG QR code for ``url`` (error correction M: survives a scuffed print)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=scale, border=2, xmldecl=False)
    return buffer.getvalue().decode("utf-8")
