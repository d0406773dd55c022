"""Packing list arithmetic: consecutive carton numbers per line, weights and volume. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class PackedItem:
    quantity: Decimal
    units_per_carton: int
    carton_cm: tuple[Decimal, Decimal, Decimal]
    net_kg: Decimal  # per full carton
    gross_kg: Decimal


@dataclass(frozen=True)
class PackedLine:
    first_carton: int
    last_carton: int
    cartons: int
    quantity: Decimal
    net_kg: Decimal
    gross_kg: Decimal
    cbm: Decimal

    @property
    def carton_range(self) -> str:
        if self.cartons == 0:
            return "—"
        if self.first_carton == self.last_carton:
            return str(self.first_carton)
        return f"{self.first_carton}–{self.last_carton}"


@dataclass(frozen=True)
class PackingTotals:
    cartons: int
    net_kg: Decimal
    gross_kg: Decimal
    cbm: Decimal


def _ceil_div(quantity: Decimal, per: int) -> int:
    # Decimal's // truncates toward zero, so the ceiling is asked for explicitly.
    return int((quantity / Decimal(per)).to_integral_value(rounding=ROUND_CEILING))


def pack(items: Sequence[PackedItem]) -> tuple[list[PackedLine], PackingTotals]:
    """Number the cartons 1…N across the lines; weights scale with the units of a part carton."""
    lines: list[PackedLine] = []
    next_carton = 1
    three = Decimal("0.001")
    for item in items:
        per = max(item.units_per_carton, 1)
        cartons = _ceil_div(item.quantity, per) if item.quantity > 0 else 0
        share = item.quantity / Decimal(per)  # a part carton weighs its share of net weight
        net = (item.net_kg * share).quantize(three, ROUND_HALF_UP)
        # Packaging weighs as much in a part carton as in a full one.
        tare = (item.gross_kg - item.net_kg) * cartons
        gross = (net + tare).quantize(three, ROUND_HALF_UP)
        length, width, height = item.carton_cm
        cbm = (length * width * height * cartons / Decimal(1_000_000)).quantize(
            Decimal("0.0001"), ROUND_HALF_UP
        )
        first = next_carton if cartons else 0
        last = next_carton + cartons - 1 if cartons else 0
        next_carton += cartons
        lines.append(PackedLine(first, last, cartons, item.quantity, net, gross, cbm))
    totals = PackingTotals(
        cartons=sum(line.cartons for line in lines),
        net_kg=sum((line.net_kg for line in lines), Decimal(0)),
        gross_kg=sum((line.gross_kg for line in lines), Decimal(0)),
        cbm=sum((line.cbm for line in lines), Decimal(0)),
    )
    return lines, totals
