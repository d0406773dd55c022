"""Destination facts for the landed cost: area, currency, value basis, VAT, US fees.

Each helper returns its figure with a trace to the data row it came from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from babel.numbers import get_currency_precision

from seaward.customs.landed_cost_errors import UnsupportedDestination
from seaward.customs.tariff import load_json
from seaward.reference import datafiles

VAT_FILE = "vat/eu-vat-rates-data/eu_vat_rates_data.json"
FEES_FILE = "customs/data/us_fees.json"
DESTINATIONS_FILE = "customs/data/destinations.json"


def money(amount: Decimal, currency: str) -> Decimal:
    """Round to the currency's minor units (JPY 0, USD 2, KWD 3), half up — the one mode."""
    exponent = Decimal(1).scaleb(-get_currency_precision(currency))
    return amount.quantize(exponent, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=1)
def _destinations() -> dict[str, Any]:
    return load_json("destinations.json")


def area_of(destination: str) -> str:
    """US, GB or EU for a supported destination country; raise otherwise."""
    if destination in ("US", "GB"):
        return destination
    if destination in _destinations()["eu_members"]:
        return "EU"
    raise UnsupportedDestination(
        f"no tariff data for destination {destination!r}: supported are US, GB and the EU "
        "member states",
        field="destination",
    )


def currency_of(destination: str, on: date) -> str:
    data = _destinations()
    if destination == "US":
        return "USD"
    if destination == "GB":
        return "GBP"
    for change in data["currency_changes"]:
        if change["country"] == destination:
            return str(
                change["currency"] if on >= date.fromisoformat(change["from"]) else change["before"]
            )
    return str(data["non_euro_currencies"].get(destination, "EUR"))


def value_basis(area: str) -> str:
    return str(_destinations()["value_basis"][area])


@dataclass(frozen=True)
class VatRate:
    rate: Decimal  # fraction
    name: str
    trace: dict[str, str]


@lru_cache(maxsize=1)
def _vat_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(datafiles.read_bytes(VAT_FILE), parse_float=Decimal)
    return data


def standard_vat(destination: str) -> VatRate:
    """The standard VAT rate of a European destination (EU TEDB compilation)."""
    data = _vat_data()
    entry = data["rates"].get(destination)
    if entry is None:
        raise UnsupportedDestination(f"no VAT rate for {destination!r}", field="destination")
    percent = Decimal(str(entry["standard"]))
    return VatRate(
        percent / 100,
        entry.get("vat_abbr") or "VAT",
        {
            "file": VAT_FILE,
            "row": f"rates.{destination}.standard",
            "code": destination,
            "value": f"{percent}%",
            "note": f"data version {data['version']}, source {data['source']}; standard rate only",
        },
    )


@dataclass(frozen=True)
class UsFee:
    rate: Decimal  # fraction
    minimum: Decimal | None
    maximum: Decimal | None
    trace: dict[str, str]
    warning: str = ""


@lru_cache(maxsize=1)
def _fees() -> dict[str, Any]:
    return load_json("us_fees.json")


def mpf(on: date) -> UsFee:
    """The merchandise processing fee (formal entry) in force on a date."""
    data = _fees()["mpf"]
    years = data["fiscal_years"]
    chosen, warning = None, ""
    for index, year in enumerate(years):
        if date.fromisoformat(year["from"]) <= on <= date.fromisoformat(year["to"]):
            chosen = (index, year)
    if chosen is None:
        index = 0 if on < date.fromisoformat(years[0]["from"]) else len(years) - 1
        chosen = (index, years[index])
        warning = (
            f"MPF minimum/maximum for the fiscal year of {on} are not in the data; "
            f"used those of {years[index]['from']}..{years[index]['to']}"
        )
    index, year = chosen
    return UsFee(
        Decimal(data["rate_percent"]) / 100,
        Decimal(year["minimum"]),
        Decimal(year["maximum"]),
        {
            "file": FEES_FILE,
            "row": f"mpf.fiscal_years[{index}]",
            "value": f"{data['rate_percent']}% min {year['minimum']} max {year['maximum']} USD",
            "source": data["source"],
        },
        warning,
    )


def hmf() -> UsFee:
    data = _fees()["hmf"]
    return UsFee(
        Decimal(data["rate_percent"]) / 100,
        None,
        None,
        {
            "file": FEES_FILE,
            "row": "hmf",
            "value": f"{data['rate_percent']}%",
            "source": data["source"],
        },
    )


@lru_cache(maxsize=1)
def origin_measures() -> dict[str, Any]:
    return load_json("us_chapter99_origin_measures.json")


def automatic_measures(origin: str, on: date) -> list[tuple[int, dict[str, Any]]]:
    """The chapter 99 origin-wide measures of the compiled table that apply on a date."""
    out = []
    for index, measure in enumerate(origin_measures()["measures"]):
        origins = measure["origins"]
        if origin in measure.get("except_origins", []):
            continue
        if "*" not in origins and origin not in origins:
            continue
        if on < date.fromisoformat(measure["from"]):
            continue
        if measure["to"] is not None and on > date.fromisoformat(measure["to"]):
            continue
        out.append((index, measure))
    return out
