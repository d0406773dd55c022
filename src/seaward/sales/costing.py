"""Cost build-up of a quotation per Incoterm® 2020 and the seller's margin. Pure Python.

Which cost a seller carries under each rule (the buyer carries the rest). DAP and DPU
put no insurance duty on the seller, but the seller bears the risk to destination and
normally insures, so an entered insurance cost counts there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from seaward.core.money import Money


class Cost(StrEnum):
    INLAND = "inland"
    EXPORT_CLEARANCE = "export_clearance"
    FREIGHT = "freight"
    INSURANCE = "insurance"
    DUTY = "duty"
    IMPORT_VAT = "import_vat"


_TO_PORT = frozenset({Cost.INLAND, Cost.EXPORT_CLEARANCE})
_CARRIAGE = _TO_PORT | {Cost.FREIGHT}
_INSURED = _CARRIAGE | {Cost.INSURANCE}

SELLER_COSTS: dict[str, frozenset[Cost]] = {
    "EXW": frozenset(),
    "FCA": _TO_PORT,
    "FAS": _TO_PORT,
    "FOB": _TO_PORT,
    "CFR": _CARRIAGE,
    "CPT": _CARRIAGE,
    "CIF": _INSURED,
    "CIP": _INSURED,
    "DAP": _INSURED,
    "DPU": _INSURED,
    "DDP": _INSURED | {Cost.DUTY, Cost.IMPORT_VAT},
}
INCOTERMS = tuple(SELLER_COSTS)
SEA_ONLY = frozenset({"FAS", "FOB", "CFR", "CIF"})


@dataclass(frozen=True)
class CostLine:
    cost: str  # "goods" or a Cost value
    amount: Money
    borne_by_seller: bool


@dataclass(frozen=True)
class CostBuildUp:
    lines: list[CostLine]
    total_cost: Money
    revenue: Money  # the quotation total converted into the home currency
    margin: Money
    margin_percent: Decimal | None


def build_up(
    *,
    incoterm: str,
    goods_cost: Money,
    costs: Mapping[str, Money],
    revenue: Money,
) -> CostBuildUp:
    """Seller's costs under ``incoterm``, revenue and margin, all in the home currency."""
    borne = SELLER_COSTS[incoterm.upper()]
    home = goods_cost.currency
    lines = [CostLine("goods", goods_cost.rounded(), True)]
    total = goods_cost.rounded()
    for cost in Cost:
        amount = costs.get(cost.value, Money.zero(home)).rounded()
        carried = cost in borne
        lines.append(CostLine(cost.value, amount, carried))
        if carried:
            total = total + amount
    revenue = revenue.rounded()
    margin = revenue - total
    percent = None
    if not revenue.is_zero():
        percent = (margin.amount * 100 / revenue.amount).quantize(Decimal("0.1"))
    return CostBuildUp(lines, total, revenue, margin, percent)
