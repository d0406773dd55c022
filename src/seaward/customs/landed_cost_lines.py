"""Per-line customs value, duty, US additional duties and import VAT of a landed cost."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from seaward.customs.duty_rates import (
    LITRES_PER_BARREL,
    DutyContext,
    DutyRate,
    evaluate,
    parse_rate,
)
from seaward.customs.landed_cost_errors import InvalidShipment, RateNotComputable
from seaward.customs.landed_cost_input import Shipment, ShipmentLine
from seaward.customs.landed_cost_rules import (
    automatic_measures,
    money,
    origin_measures,
    standard_vat,
)
from seaward.customs.tariff import (
    TariffLine,
    chapter99,
    column2_applies,
    special_rate_for,
    us_line,
)
from seaward.customs.tariff_uk import uk_eu_line

ZERO = Decimal(0)
Convert = Callable[[Decimal, str], Decimal]

# canonical rate unit -> (line units it can be read from, factor per line unit)
_FROM_COUNT = {"item": Decimal(1), "doz": Decimal(12), "gross": Decimal(144)}
_FROM_VOLUME_L = {
    "l": Decimal(1),
    "hl": Decimal(100),
    "m3": Decimal(1000),
    "bbl": LITRES_PER_BARREL,
}


@dataclass
class LineDuty:
    line_id: str
    hs_code: str
    tariff_code: str
    schedule: str
    description: str
    origin: str
    customs_value: Decimal
    currency: str
    rate_field: str
    rate_text: str
    rate_form: str
    duty: Decimal
    additional: Decimal = ZERO
    vat_rate: Decimal = ZERO
    vat: Decimal = ZERO
    duty_trace: list[dict[str, str]] = field(default_factory=list)
    additional_trace: list[dict[str, str]] = field(default_factory=list)
    additional_detail: list[dict[str, str]] = field(default_factory=list)
    vat_trace: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.line_id,
            "hs_code": self.hs_code,
            "tariff_line": self.tariff_code,
            "schedule": self.schedule,
            "description": self.description,
            "origin": self.origin,
            "customs_value": str(self.customs_value),
            "currency": self.currency,
            "rate": {"field": self.rate_field, "text": self.rate_text, "form": self.rate_form},
            "duty": str(money(self.duty, self.currency)),
            "additional_duties": str(money(self.additional, self.currency)),
            "additional_detail": self.additional_detail,
            "vat_rate": str(self.vat_rate),
            "import_vat": str(money(self.vat, self.currency)),
            "trace": {
                "duty": self.duty_trace,
                "additional_duties": self.additional_trace,
                "import_vat": self.vat_trace,
            },
            "notes": self.notes,
        }


def _quantity_of(line: ShipmentLine, rate_text: str) -> Callable[[str], Decimal]:
    def quantity(unit: str) -> Decimal:
        if unit in ("kg", "g", "t"):
            kg = (
                line.weight_kg if line.weight_kg else (line.quantity if line.unit == "kg" else ZERO)
            )
            if line.unit in ("g", "t") and not line.weight_kg:
                kg = line.quantity / 1000 if line.unit == "g" else line.quantity * 1000
            if not kg:
                raise InvalidShipment(
                    f"the rate {rate_text!r} is per weight: give weight_kg (net)",
                    field=f"{line.field}.weight_kg",
                )
            return {"kg": kg, "g": kg * 1000, "t": kg / 1000}[unit]
        if unit in _FROM_COUNT and line.unit in _FROM_COUNT:
            return line.quantity * _FROM_COUNT[line.unit] / _FROM_COUNT[unit]
        if unit == "head" and line.unit == "item":
            return line.quantity
        if unit in _FROM_VOLUME_L and line.unit in _FROM_VOLUME_L:
            return line.quantity * _FROM_VOLUME_L[line.unit] / _FROM_VOLUME_L[unit]
        if unit == line.unit:
            return line.quantity
        raise InvalidShipment(
            f"the rate {rate_text!r} is per {unit}: give the quantity in {unit} "
            f"(the line is in {line.unit})",
            field=f"{line.field}.unit",
        )

    return quantity


def _tariff_line(line: ShipmentLine, area: str) -> TariffLine:
    where = f"{line.field}.hs_code"
    if area == "US":
        return us_line(line.hs_code, field=where)
    return uk_eu_line(line.hs_code, area, field=where)


def _us_rate(line: ShipmentLine, tariff: TariffLine, shipment: Shipment) -> tuple[str, str, str]:
    """(column, text, note) of the US rate that applies to the line's origin."""
    col2 = column2_applies(line.origin, shipment.on)
    if col2 is not None:
        return "Column 2 Rate of Duty", tariff.column2_text, f"column 2: {col2['source']}"
    if line.preference:
        found = special_rate_for(tariff, line.preference)
        if found is None:
            raise InvalidShipment(
                f"program {line.preference!r} is not listed in the special rate "
                f"{tariff.special_text!r} of HTS {tariff.code}",
                field=f"{line.field}.preference",
            )
        return (
            "Special Rate of Duty",
            found.rate.text,
            f"preference {line.preference} claimed: origin rules are the importer's to meet",
        )
    return "General Rate of Duty", tariff.rate_text, ""


def _evaluate(rate: DutyRate, ctx: DutyContext, where: str) -> Decimal:
    try:
        return evaluate(rate, ctx)
    except RateNotComputable as exc:
        raise RateNotComputable(exc.text, exc.message.split(": ", 1)[-1], field=where) from None


def line_duties(
    shipment: Shipment,
    *,
    area: str,
    quote: str,
    basis: str,
    goods: Decimal,
    premium: Decimal,
    convert: Convert,
    relieved: bool,
) -> list[LineDuty]:
    invoice = sum((line.value for line in shipment.lines), ZERO)
    count = Decimal(len(shipment.lines))
    out = []
    for line in shipment.lines:
        share = line.value / invoice if invoice else 1 / count
        at_origin = goods * share
        value = at_origin
        if basis == "CIF":
            value += (shipment.origin_charges + shipment.freight + premium) * share
        customs_value = money(convert(value, shipment.currency), quote)
        out.append(_one_line(shipment, line, area, quote, customs_value, convert, relieved))
    return out


def _one_line(
    shipment: Shipment,
    line: ShipmentLine,
    area: str,
    quote: str,
    customs_value: Decimal,
    convert: Convert,
    relieved: bool,
) -> LineDuty:
    tariff = _tariff_line(line, area)
    column, text, note = (
        _us_rate(line, tariff, shipment)
        if area == "US"
        else (tariff.rate_field, tariff.rate_text, "")
    )
    rate = parse_rate(text)
    if rate.kind in ("ch99", "no_change"):
        # as a line's own rate these texts point at another subheading's duty
        raise RateNotComputable(
            text, "the rate refers to the duty of another subheading", field=f"{line.field}.hs_code"
        )
    ctx = DutyContext(customs_value, _quantity_of(line, text), convert, shipment.on)
    where = f"{line.field}.hs_code"
    duty = money(_evaluate(rate, ctx, where), quote)
    notes = [n for n in (note, *tariff.notes) if n]
    warnings = [f"{line.field}: {n}" for n in tariff.notes]
    if relieved:
        duty, notes = ZERO, [*notes, "de minimis: duty relieved"]
    result = LineDuty(
        line_id=line.line_id,
        hs_code=line.hs_code,
        tariff_code=tariff.code,
        schedule=tariff.schedule,
        description=tariff.description,
        origin=line.origin,
        customs_value=customs_value,
        currency=quote,
        rate_field=column,
        rate_text=text,
        rate_form=rate.form,
        duty=duty,
        duty_trace=[tariff.trace(column, text)],
        warnings=warnings,
        notes=notes,
    )
    if area == "US":
        _us_additional(shipment, line, result, ctx, quote, relieved)
    else:
        _import_vat(shipment, line, result, quote)
    return result


def _us_additional(
    shipment: Shipment,
    line: ShipmentLine,
    result: LineDuty,
    ctx: DutyContext,
    quote: str,
    relieved: bool,
) -> None:
    where = f"{line.field}.chapter99"
    if line.chapter99 is not None:
        headings = [(h, "declared on the line") for h in line.chapter99]
    else:
        headings = [
            (m["heading"], f"origin {line.origin}: {m['scope']} ({m['authority']})")
            for _, m in automatic_measures(line.origin, shipment.on)
        ]
        if line.origin == "CN":
            info = origin_measures()["section_301_china"]
            result.warnings.append(
                f"{line.field}: Section 301 duties (9903.88.xx) may apply to goods of China; "
                f"{info['not_in_data']} — declare it in 'chapter99'"
            )
    total = ZERO
    for heading, why in headings:
        item = chapter99(heading, field=where)
        rate = item.rate
        no_addition = rate.kind == "ch99" and rate.formula is not None and not rate.formula.terms
        if no_addition or rate.kind == "no_change":
            amount = ZERO
        else:
            amount = money(_evaluate(rate, ctx, where), quote)
        if relieved:
            amount = ZERO
        total += amount
        result.additional_trace.append(item.trace())
        result.additional_detail.append(
            {"heading": item.heading, "rate": item.general_text, "amount": str(amount), "why": why}
        )
    result.additional = total


def _import_vat(shipment: Shipment, line: ShipmentLine, result: LineDuty, quote: str) -> None:
    standard = standard_vat(shipment.destination)
    if line.vat_rate is not None:
        result.vat_rate = line.vat_rate
        result.vat_trace.append(
            {"file": "input", "row": f"{line.field}.vat_rate", "value": str(line.vat_rate)}
        )
    else:
        result.vat_rate = standard.rate
        result.vat_trace.append(standard.trace)
    base = result.customs_value + result.duty + result.additional
    result.vat = money(base * result.vat_rate, quote)
