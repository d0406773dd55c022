"""Stock arithmetic of an overseas warehouse (pure, no Django).

A stock level (on hand, reserved, in transit) changes only through movements, and the
movements of a SKU in a warehouse form an append-only ledger: on hand is always the sum of
the on-hand deltas of its movements. ``apply`` is the one rule every service goes through:
it refuses a movement that would make on hand or the free quantity negative unless the
warehouse allows negative stock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from seaward.core.errors import Conflict, InvalidInput, gettext_noop

INBOUND = "inbound"
OUTBOUND = "outbound"
ADJUSTMENT = "adjustment"
RESERVE = "reserve"
UNRESERVE = "unreserve"
DISPATCH = "dispatch"  # goods put in transit towards the warehouse
KINDS = (INBOUND, OUTBOUND, ADJUSTMENT, RESERVE, UNRESERVE, DISPATCH)
MAX_QUANTITY = 10**9


class NegativeStock(Conflict):
    """A movement that would take stock below zero in a warehouse that does not allow it."""

    code = "negative_stock"
    default_message = gettext_noop(
        "Not enough stock of %(sku)s: %(available)s available, %(requested)s asked for."
    )


class InvalidMovement(InvalidInput):
    code = "invalid_movement"
    default_message = gettext_noop("The stock movement is not valid: %(reason)s")


@dataclass(frozen=True)
class Level:
    on_hand: int = 0
    reserved: int = 0
    in_transit: int = 0

    @property
    def available(self) -> int:
        """What can still be promised: on hand less what is reserved."""
        return self.on_hand - self.reserved


@dataclass(frozen=True)
class Movement:
    """One ledger line: ``quantity`` is signed for adjustments, positive otherwise."""

    kind: str
    quantity: int
    consume_reservation: bool = False  # an outbound that ships reserved goods
    from_transit: bool = False  # an inbound that arrives from goods in transit


def deltas(movement: Movement) -> tuple[int, int, int]:
    """The change the movement makes to (on hand, reserved, in transit)."""
    q = movement.quantity
    if movement.kind == ADJUSTMENT:
        return (q, 0, 0)
    if movement.kind == INBOUND:
        return (q, 0, -q if movement.from_transit else 0)
    if movement.kind == OUTBOUND:
        return (-q, -q if movement.consume_reservation else 0, 0)
    if movement.kind == RESERVE:
        return (0, q, 0)
    if movement.kind == UNRESERVE:
        return (0, -q, 0)
    if movement.kind == DISPATCH:
        return (0, 0, q)
    raise InvalidMovement(params={"reason": f"unknown kind {movement.kind!r}"}, field="kind")


def check(movement: Movement) -> None:
    if movement.kind not in KINDS:
        raise InvalidMovement(params={"reason": f"unknown kind {movement.kind!r}"}, field="kind")
    if not -MAX_QUANTITY <= movement.quantity <= MAX_QUANTITY:
        raise InvalidMovement(params={"reason": "quantity out of range"}, field="quantity")
    if movement.kind == ADJUSTMENT:
        if movement.quantity == 0:
            raise InvalidMovement(
                params={"reason": "an adjustment changes something"}, field="quantity"
            )
    elif movement.quantity <= 0:
        raise InvalidMovement(params={"reason": "the quantity must be positive"}, field="quantity")


def apply(
    level: Level, movement: Movement, *, allow_negative: bool = False, sku: str = ""
) -> Level:
    """The level after ``movement``; ``NegativeStock`` if it would go below zero."""
    check(movement)
    d_hand, d_reserved, d_transit = deltas(movement)
    after = Level(
        on_hand=level.on_hand + d_hand,
        reserved=level.reserved + d_reserved,
        in_transit=max(level.in_transit + d_transit, 0),
    )
    if after.reserved < 0:
        raise InvalidMovement(
            params={"reason": "more is released than is reserved"}, field="quantity"
        )
    if not allow_negative:
        short = after.on_hand < 0 or ((d_hand < 0 or d_reserved > 0) and after.available < 0)
        if short:
            available = (
                level.available
                if movement.kind != OUTBOUND or not movement.consume_reservation
                else level.on_hand
            )
            raise NegativeStock(
                params={
                    "sku": sku or "?",
                    "available": available,
                    "requested": abs(movement.quantity),
                },
                field="quantity",
            )
    return after


def replay(movements: Iterable[Movement], *, allow_negative: bool = False) -> Level:
    """The level a ledger of movements adds up to, from zero."""
    level = Level()
    for movement in movements:
        level = apply(level, movement, allow_negative=allow_negative)
    return level
