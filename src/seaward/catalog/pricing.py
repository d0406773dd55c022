"""Quantity price tiers: which unit price applies to a quantity. Pure Python."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Tier:
    currency: str
    min_quantity: Decimal
    unit_price: Decimal


def tier_price(tiers: Iterable[Tier], currency: str, quantity: Decimal) -> Decimal | None:
    """The unit price of the highest tier of ``currency`` whose minimum ``quantity`` reaches.

    None when the SKU has no tier in that currency or the quantity is below every tier.
    """
    best: Tier | None = None
    for tier in tiers:
        if tier.currency != currency or tier.min_quantity > quantity:
            continue
        if best is None or tier.min_quantity > best.min_quantity:
            best = tier
    return None if best is None else best.unit_price


def parse_tiers(text: str) -> list[tuple[int, Tier | str]]:
    """Tiers typed one per line as ``CURRENCY MIN_QUANTITY UNIT_PRICE`` (e.g. ``EUR 500 4.20``).

    Returns ``(line_number, Tier)`` or ``(line_number, problem)`` per non-empty line, so the
    caller can name the line at fault.
    """
    from decimal import InvalidOperation

    parsed: list[tuple[int, Tier | str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        parts = raw.replace(",", " ").split()
        if not parts:
            continue
        if len(parts) != 3:
            parsed.append((number, "expected: CURRENCY MIN_QUANTITY UNIT_PRICE"))
            continue
        currency, minimum, price = parts
        try:
            min_quantity = Decimal(minimum)
            unit_price = Decimal(price)
        except InvalidOperation:
            parsed.append((number, "quantity and price must be numbers"))
            continue
        if not (min_quantity.is_finite() and unit_price.is_finite()):
            parsed.append((number, "quantity and price must be numbers"))
            continue
        parsed.append((number, Tier(currency.upper(), min_quantity, unit_price)))
    return parsed
