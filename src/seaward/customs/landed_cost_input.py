"""The landed-cost shipment: parsing and validation of the JSON input.

Every error names the field at fault (``lines[2].value``), so a page or the CLI can
show it next to the input. Numbers may be JSON numbers or strings; they become
``Decimal`` (the CLI reads JSON with ``parse_float=Decimal``, never float).
See :mod:`seaward.customs.landed_cost` for the format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import pycountry

from seaward.customs import incoterms
from seaward.customs.fxrates import known_currencies
from seaward.customs.landed_cost_errors import InvalidShipment, UnknownCountry
from seaward.customs.tariff import digits

UNITS = {
    "pcs": "item", "pc": "item", "piece": "item", "pieces": "item", "no": "item",
    "u": "item", "unit": "item", "units": "item", "item": "item", "items": "item",
    "each": "item", "head": "item",
    "pr": "pair", "pair": "pair", "pairs": "pair",
    "doz": "doz", "dozen": "doz", "gross": "gross",
    "kg": "kg", "g": "g", "t": "t", "tonne": "t",
    "l": "l", "litre": "l", "liter": "l", "hl": "hl", "m3": "m3", "bbl": "bbl",
    "m": "m", "m2": "m2",
}  # fmt: skip


@dataclass(frozen=True)
class ShipmentLine:
    index: int
    line_id: str
    hs_code: str
    origin: str
    value: Decimal  # invoice value under the shipment's Incoterm, invoice currency
    quantity: Decimal
    unit: str  # canonical (item, pair, doz, kg, l, m2 ...)
    weight_kg: Decimal  # net weight
    chapter99: tuple[str, ...] | None  # declared US chapter 99 headings (replace automatic)
    preference: str  # US special program code claimed ("" = none)
    vat_rate: Decimal | None  # override of the standard rate, as a fraction

    @property
    def field(self) -> str:
        return f"lines[{self.index}]"


@dataclass(frozen=True)
class Shipment:
    destination: str
    on: date
    currency: str
    incoterm: incoterms.IncotermRule
    named_place: str
    mode: incoterms.TransportMode
    containerised: bool
    handover_at_terminal: bool | None
    freight: Decimal
    insurance: Decimal | None
    insurance_rate: Decimal | None
    origin_charges: Decimal
    destination_charges: Decimal
    lines: tuple[ShipmentLine, ...]
    report_currency: str = ""  # optional: the breakdown also converted into this currency


def _decimal(
    raw: Any, field: str, *, required: bool = True, minimum: Decimal | None = None
) -> Decimal:
    if raw is None or raw == "":
        if required:
            raise InvalidShipment("is required", field=field)
        return Decimal(0)
    if isinstance(raw, float):
        raw = repr(raw)  # a float from a caller that did not read JSON as Decimal
    if isinstance(raw, bool):
        raise InvalidShipment(f"must be a number, not {raw!r}", field=field)
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        raise InvalidShipment(f"must be a number, not {raw!r}", field=field) from None
    if not value.is_finite():
        raise InvalidShipment(f"must be a finite number, not {raw!r}", field=field)
    if minimum is not None and value < minimum:
        raise InvalidShipment(f"must not be negative (got {value})", field=field)
    return value


def country(raw: Any, field: str) -> str:
    code = str(raw or "").strip().upper()
    if not code:
        raise UnknownCountry("is required (ISO 3166-1 alpha-2 code)", field=field)
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise UnknownCountry(f"unknown country {raw!r} (ISO 3166-1 alpha-2 code)", field=field)
    return code


def _line(raw: Any, index: int) -> ShipmentLine:
    field = f"lines[{index}]"
    if not isinstance(raw, dict):
        raise InvalidShipment("must be an object", field=field)
    hs_code = digits(raw.get("hs_code", ""))
    if len(hs_code) not in (6, 8, 10):
        raise InvalidShipment(
            f"must be an HS code of 6, 8 or 10 digits, not {raw.get('hs_code')!r}",
            field=f"{field}.hs_code",
        )
    unit_raw = str(raw.get("unit", "pcs")).strip().lower().rstrip(".")
    if unit_raw not in UNITS:
        raise InvalidShipment(
            f"unknown unit {raw.get('unit')!r} (one of {', '.join(sorted(UNITS))})",
            field=f"{field}.unit",
        )
    ch99 = raw.get("chapter99")
    if ch99 is not None and not (isinstance(ch99, list) and all(isinstance(h, str) for h in ch99)):
        raise InvalidShipment(
            "must be a list of headings like '9903.88.03'", field=f"{field}.chapter99"
        )
    vat = raw.get("vat_rate")
    vat_rate = None
    if vat is not None:
        vat_rate = _decimal(vat, f"{field}.vat_rate", minimum=Decimal(0))
        if vat_rate >= 1:
            raise InvalidShipment("is a fraction (0.07 for 7 %)", field=f"{field}.vat_rate")
    return ShipmentLine(
        index=index,
        line_id=str(raw.get("id", index + 1)),
        hs_code=hs_code,
        origin=country(raw.get("origin"), f"{field}.origin"),
        value=_decimal(raw.get("value"), f"{field}.value", minimum=Decimal(0)),
        quantity=_decimal(
            raw.get("quantity"), f"{field}.quantity", required=False, minimum=Decimal(0)
        ),
        unit=UNITS[unit_raw],
        weight_kg=_decimal(
            raw.get("weight_kg"), f"{field}.weight_kg", required=False, minimum=Decimal(0)
        ),
        chapter99=tuple(ch99) if ch99 is not None else None,
        preference=str(raw.get("preference") or "").strip().upper(),
        vat_rate=vat_rate,
    )


def parse_shipment(raw: Any) -> Shipment:
    """Validate a decoded JSON shipment; raise a CustomsError naming the field."""
    if not isinstance(raw, dict):
        raise InvalidShipment("the shipment must be a JSON object", field="$")
    try:
        on = date.fromisoformat(str(raw.get("date", "")))
    except ValueError:
        raise InvalidShipment(
            f"must be a date YYYY-MM-DD, not {raw.get('date')!r}", field="date"
        ) from None
    currency = str(raw.get("currency", "")).strip().upper()
    if currency not in known_currencies():
        raise InvalidShipment(
            f"unknown or unquoted currency {raw.get('currency')!r} (ECB reference currencies only)",
            field="currency",
        )
    rule = incoterms.rule(str(raw.get("incoterm", "")), field="incoterm")
    mode = incoterms.transport_mode(raw.get("transport_mode", ""), field="transport_mode")
    lines_raw = raw.get("lines")
    if not isinstance(lines_raw, list) or not lines_raw:
        raise InvalidShipment("must be a non-empty list of lines", field="lines")
    insurance = raw.get("insurance")
    rate = raw.get("insurance_rate")
    if insurance is not None and rate is not None:
        raise InvalidShipment(
            "give either insurance or insurance_rate, not both", field="insurance"
        )
    insurance_rate = None
    if rate is not None:
        insurance_rate = _decimal(rate, "insurance_rate", minimum=Decimal(0))
        if insurance_rate >= Decimal("0.5"):
            raise InvalidShipment(
                "is a premium rate as a fraction (0.003 for 0.3 %)", field="insurance_rate"
            )
    origin_charges = _decimal(
        raw.get("origin_charges"), "origin_charges", required=False, minimum=Decimal(0)
    )
    if origin_charges and rule.code not in ("EXW", "FCA", "FAS"):
        raise InvalidShipment(
            f"only for EXW, FCA and FAS: a {rule.code} price already includes them",
            field="origin_charges",
        )
    return Shipment(
        destination=country(raw.get("destination"), "destination"),
        on=on,
        currency=currency,
        incoterm=rule,
        named_place=str(raw.get("named_place", "")),
        mode=mode,
        containerised=bool(raw.get("containerised", False)),
        handover_at_terminal=(
            None if raw.get("handover_at_terminal") is None else bool(raw["handover_at_terminal"])
        ),
        freight=_decimal(raw.get("freight"), "freight", required=False, minimum=Decimal(0)),
        insurance=(
            _decimal(insurance, "insurance", minimum=Decimal(0)) if insurance is not None else None
        ),
        insurance_rate=insurance_rate,
        origin_charges=origin_charges,
        destination_charges=_decimal(
            raw.get("destination_charges"),
            "destination_charges",
            required=False,
            minimum=Decimal(0),
        ),
        lines=tuple(_line(item, i) for i, item in enumerate(lines_raw)),
        report_currency=_report_currency(raw.get("report_currency")),
    )


def _report_currency(raw: Any) -> str:
    if raw is None or raw == "":
        return ""
    code = str(raw).strip().upper()
    if code not in known_currencies():
        raise InvalidShipment(
            f"no ECB reference rate for {raw!r}: cannot report in it", field="report_currency"
        )
    return code
