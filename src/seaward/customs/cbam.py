"""EU carbon border adjustment mechanism (CBAM): which goods, which obligations, when.

The CN codes of Annex I to Regulation (EU) 2023/956 and the dated obligations are
compiled in ``customs/data/cbam_annex1.json`` (with their source). A code is a
CBAM good when it starts with a listed prefix of a category and with none of that
category's exclusions (e.g. ferro-alloys and scrap under chapter 72).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from seaward.customs.tariff import digits, load_json

CBAM_FILE = "customs/data/cbam_annex1.json"


@dataclass(frozen=True)
class CbamMatch:
    category: str
    prefix: str  # the Annex I entry the code matched
    partial: bool = False  # a short code of which only some CN codes are in Annex I

    def trace(self) -> dict[str, str]:
        return {
            "file": CBAM_FILE,
            "code": self.prefix,
            "field": "categories",
            "value": self.category,
        }


@lru_cache(maxsize=1)
def _annex() -> dict[str, Any]:
    return load_json("cbam_annex1.json")


def match(code: str) -> CbamMatch | None:
    """The CBAM category of a CN/HS code, or None when Annex I does not list it.

    A code shorter than the Annex entry it touches (an HS 6-digit code against an
    8-digit CN entry that is not the whole subheading, i.e. not ``xxxxxx00``), or one
    that an exclusion cuts into, matches as ``partial``: the 8-digit CN code decides.
    """
    key = digits(code)
    for category in _annex()["categories"]:
        if any(key.startswith(x) for x in category["exclude"]):
            continue
        cut = any(x.startswith(key) for x in category["exclude"])
        for prefix in category["prefixes"]:
            if key.startswith(prefix):
                return CbamMatch(category["category"], prefix, partial=cut)
            if prefix.startswith(key):
                # CN convention: a code ending in zeros is its whole, undivided subheading
                whole = prefix == key.ljust(len(prefix), "0") and len(key) >= 6
                return CbamMatch(category["category"], prefix, partial=cut or not whole)
    return None


@dataclass(frozen=True)
class CbamAssessment:
    applies: bool
    phase: str
    categories: tuple[str, ...]
    net_mass_tonnes: Decimal
    obligations: tuple[str, ...]
    notes: tuple[str, ...]
    source: str


def assess(matches: list[tuple[CbamMatch, Decimal]], on: date) -> CbamAssessment | None:
    """What the importer must do for the CBAM goods of one shipment (mass in kg)."""
    if not matches:
        return None
    annex = _annex()
    period = next(
        (
            p
            for p in annex["periods"]
            if date.fromisoformat(p["from"]) <= on
            and (p["to"] is None or on <= date.fromisoformat(p["to"]))
        ),
        None,
    )
    categories = tuple(sorted({m.category for m, _ in matches}))
    mass_t = sum((kg for _, kg in matches), Decimal(0)) / Decimal(1000)
    if period is None:
        return CbamAssessment(
            False,
            "before_cbam",
            categories,
            mass_t,
            (),
            ("CBAM reporting starts on 2023-10-01",),
            annex["source"],
        )
    notes: list[str] = []
    if "mass_threshold_tonnes" in period:
        threshold = Decimal(period["mass_threshold_tonnes"])
        exempt = set(period["threshold_exempt_categories"])
        counted = sum((kg for m, kg in matches if m.category not in exempt), Decimal(0)) / 1000
        notes.append(
            f"this shipment carries {counted} t of CBAM goods subject to the {threshold} t annual "
            "threshold; the threshold counts the importer's whole calendar year"
        )
    return CbamAssessment(
        True,
        period["phase"],
        categories,
        mass_t,
        tuple(period["obligations"]),
        tuple(notes),
        annex["source"],
    )
