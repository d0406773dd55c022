"""Server-rendered SVG bar charts: geometry only (the template draws the rectangles).

Pure Python. Horizontal bars, signed values grow left or right of a zero line, so
an FX loss and a gain read at a glance; no JavaScript, nothing inline for CSP.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

WIDTH = 600
LABEL_WIDTH = 150
VALUE_WIDTH = 120
ROW_HEIGHT = 28
BAR_HEIGHT = 18


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: Decimal
    text: str
    x: int
    width: int
    y: int
    text_y: int
    negative: bool


@dataclass(frozen=True, slots=True)
class BarChart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    zero_x: int
    label_x: int
    value_x: int


def bar_chart(items: Sequence[tuple[str, Decimal]], *, unit: str = "") -> BarChart:
    """Geometry for horizontal bars of ``(label, value)``; negative values go left."""
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    largest_positive = max((v for _, v in items if v > 0), default=Decimal(0))
    largest_negative = max((-v for _, v in items if v < 0), default=Decimal(0))
    span = largest_positive + largest_negative or Decimal(1)
    zero_x = LABEL_WIDTH + int(plot * largest_negative / span)
    bars = []
    for index, (label, value) in enumerate(items):
        width = int(plot * abs(value) / span)
        if value and width == 0:
            width = 1
        x = zero_x - width if value < 0 else zero_x
        y = index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2
        text = f"{value:,.2f}{(' ' + unit) if unit else ''}"
        bars.append(Bar(label, value, text, x, width, y, y + BAR_HEIGHT - 4, value < 0))
    return BarChart(
        tuple(bars),
        WIDTH,
        max(ROW_HEIGHT * len(bars), ROW_HEIGHT),
        zero_x,
        LABEL_WIDTH - 8,
        WIDTH - VALUE_WIDTH + 8,
    )
