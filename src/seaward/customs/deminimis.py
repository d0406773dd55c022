"""De minimis thresholds as dated data (``customs/data/deminimis.json``, with sources).

The US suspended its USD 800 de minimis for goods of China and Hong Kong from
2 May 2025 and for all countries from 29 August 2025; the EU relieves duty (not
VAT) up to EUR 150; the UK relieves duty up to GBP 135 and moves VAT to the point
of sale. A rule applies when the consignment's goods value, converted to the
threshold's currency, is at or below the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from seaward.customs.tariff import load_json

DEMINIMIS_FILE = "customs/data/deminimis.json"


@dataclass(frozen=True)
class DeMinimisRule:
    destination: str  # "US", "GB" or "EU"
    valid_from: date
    valid_to: date | None
    threshold: Decimal
    currency: str
    relieves: frozenset[str]  # duty, additional_duties, fees, import_vat
    excluded_origins: frozenset[str]
    source: str
    index: int
    vat_note: str = ""
    excluded_goods: str = ""

    def trace(self) -> dict[str, str]:
        return {
            "file": DEMINIMIS_FILE,
            "row": f"rules[{self.index}]",
            "code": self.destination,
            "value": f"{self.threshold} {self.currency} from {self.valid_from}",
            "source": self.source,
        }


@lru_cache(maxsize=1)
def rules() -> tuple[DeMinimisRule, ...]:
    data: dict[str, Any] = load_json("deminimis.json")
    return tuple(
        DeMinimisRule(
            destination=r["destination"],
            valid_from=date.fromisoformat(r["from"]),
            valid_to=date.fromisoformat(r["to"]) if r["to"] else None,
            threshold=Decimal(r["threshold"]),
            currency=r["currency"],
            relieves=frozenset(r["relieves"]),
            excluded_origins=frozenset(r["excluded_origins"]),
            source=r["source"],
            index=i,
            vat_note=r.get("vat", ""),
            excluded_goods=r.get("excluded_goods", ""),
        )
        for i, r in enumerate(data["rules"])
    )


def rule_for(destination_area: str, on: date) -> DeMinimisRule | None:
    """The de minimis rule of a destination area (US, GB, EU) in force on a date."""
    for item in rules():
        if item.destination != destination_area or on < item.valid_from:
            continue
        if item.valid_to is None or on <= item.valid_to:
            return item
    return None


def relieved(rule: DeMinimisRule | None, goods_value: Decimal, origins: set[str]) -> bool:
    """True if a consignment of this value (in the rule's currency) and origins is relieved."""
    if rule is None or rule.threshold <= 0:
        return False
    if origins & rule.excluded_origins:
        return False
    return goods_value <= rule.threshold
