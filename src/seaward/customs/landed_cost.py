"""Landed cost of a shipment to the US, the UK or an EU member state — pure core.

Input (JSON object; numbers as JSON numbers or strings, read as Decimal)::

    {
      "destination": "DE",              # US, GB or an EU member state (ISO alpha-2)
      "date": "2026-10-15",             # import date: FX fixing, rules and fees in force
      "currency": "CNY",                # invoice currency (an ECB reference currency)
      "incoterm": "FOB",                # Incoterms 2020 rule of the invoice
      "named_place": "Shanghai",        # optional, informative
      "transport_mode": "sea",          # sea | inland_waterway | air | road | rail | multimodal
      "containerised": true,            # optional (default false): FCA-over-FOB advice
      "handover_at_terminal": true,     # optional (default: same as containerised)
      "freight": "1200",                # main carriage cost to the place of import (default 0)
      "insurance": "35",                # premium; or "insurance_rate": "0.003" on 110 % of CIF/CIP
      "origin_charges": "0",            # EXW/FCA/FAS only: costs to get the goods on board
      "destination_charges": "0",       # unloading, handling after arrival (not in customs value)
      "report_currency": "JPY",         # optional: the breakdown also in this currency
      "lines": [
        {"id": "A", "hs_code": "8516.71.00", "origin": "CN", "value": "12000",
         "quantity": "500", "unit": "pcs", "weight_kg": "750",
         "chapter99": ["9903.88.03"],   # US only, optional: declared chapter 99 headings
         "preference": "KR",            # US only, optional: special program claimed
         "vat_rate": "0.07"}            # optional: reduced VAT rate (fraction) instead of standard
      ]
    }

``value`` is the line's invoice value under the shipment's Incoterm: a CFR/CPT price
includes the freight, a CIF/CIP/D-rule price freight and insurance; the engine takes
them out to find the goods' price at origin (for DDP give the price before import
duties and taxes). Freight and insurance are shared over the lines by value.

Computation: customs value on the destination's basis (US: FOB — no international
freight or insurance; UK and EU: CIF to the place of entry), converted at the ECB rate
of the date (cross rates via EUR); duty from the tariff line (ad valorem, specific with
the line's quantity converted to the rate's unit, compound, MIN/MAX, seasonal); US
additional duties of chapter 99 by origin (or the declared headings), MPF and HMF;
import VAT on customs value + duty + additional duties; de minimis and CBAM as dated
data. Each figure carries ``trace`` entries naming the file and row it came from.
Amounts are Decimal rounded half-up to the destination currency's minor units
(``seaward.core.money`` does not exist yet: Decimal + currency code).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from seaward.customs import cbam, deminimis
from seaward.customs.fxrates import FxRate, rate_on
from seaward.customs.incoterms import Component, Party, check_transport
from seaward.customs.landed_cost_errors import FxRateUnavailable, InvalidShipment
from seaward.customs.landed_cost_input import Shipment, parse_shipment
from seaward.customs.landed_cost_lines import LineDuty, line_duties
from seaward.customs.landed_cost_rules import (
    area_of,
    currency_of,
    hmf,
    money,
    mpf,
    value_basis,
)
from seaward.customs.tariff import US_EDITION

ZERO = Decimal(0)
INSURED_SHARE = Decimal("1.1")  # Incoterms: cover at least 110 % of the contract price

__all__ = ["LandedCost", "compute", "compute_from_json"]


@dataclass
class Figure:
    """One component of the breakdown."""

    name: str
    amount: Decimal
    currency: str
    paid_by: str
    basis: str = ""
    trace: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "amount": str(money(self.amount, self.currency)),
            "currency": self.currency,
            "paid_by": self.paid_by,
            "basis": self.basis,
            "trace": self.trace,
            "notes": self.notes,
        }


@dataclass
class LandedCost:
    destination: str
    area: str
    currency: str
    value_basis: str
    incoterm: str
    components: list[Figure]
    lines: list[LineDuty]
    customs_value: Decimal
    total: Decimal
    by_party: dict[str, Decimal]
    responsibilities: list[dict[str, str]]
    fx: list[dict[str, str]]
    warnings: list[str]
    cbam: dict[str, Any] | None
    deminimis: dict[str, Any] | None
    report: dict[str, Any] | None = None

    def component(self, name: str) -> Decimal:
        return sum((f.amount for f in self.components if f.name == name), ZERO)

    def as_dict(self) -> dict[str, Any]:
        return {
            "destination": self.destination,
            "area": self.area,
            "currency": self.currency,
            "value_basis": self.value_basis,
            "incoterm": self.incoterm,
            "customs_value": str(money(self.customs_value, self.currency)),
            "total_landed_cost": str(money(self.total, self.currency)),
            "by_party": {k: str(money(v, self.currency)) for k, v in self.by_party.items()},
            "components": [f.as_dict() for f in self.components],
            "lines": [line.as_dict() for line in self.lines],
            "responsibilities": self.responsibilities,
            "fx": self.fx,
            "cbam": self.cbam,
            "deminimis": self.deminimis,
            "warnings": self.warnings,
            "report": self.report,
        }


class _Fx:
    """Conversions into the destination currency, remembering each rate used."""

    def __init__(self, quote: str, shipment: Shipment) -> None:
        self.quote = quote
        self.on = shipment.on
        self.used: dict[str, FxRate] = {}

    def rate(self, base: str) -> FxRate:
        if base not in self.used:
            try:
                self.used[base] = rate_on(base, self.quote, self.on)
            except FxRateUnavailable as exc:
                raise FxRateUnavailable(exc.message, field="date") from None
        return self.used[base]

    def convert(self, amount: Decimal, base: str) -> Decimal:
        return amount if base == self.quote else amount * self.rate(base).rate


def _price_split(shipment: Shipment) -> tuple[Decimal, Decimal, list[str]]:
    """(goods price at origin, insurance premium) in invoice currency, unrounded."""
    rule = shipment.incoterm
    invoice = sum((line.value for line in shipment.lines), ZERO)
    includes_freight = rule.group in ("C", "D")
    includes_insurance = rule.code in ("CIF", "CIP") or rule.group == "D"
    notes: list[str] = []
    if shipment.insurance is not None:
        premium = shipment.insurance
    elif shipment.insurance_rate is not None:
        rate = shipment.insurance_rate * INSURED_SHARE
        if includes_insurance:
            premium = invoice * rate
            notes.append(f"premium = {shipment.insurance_rate} x 110 % of the {rule.code} price")
        else:
            before = (
                invoice + shipment.origin_charges + (ZERO if includes_freight else shipment.freight)
            )
            premium = before * rate / (1 - rate)
            notes.append(
                f"premium = {shipment.insurance_rate} x 110 % of the CIF value (solved for the "
                "premium being part of that value)"
            )
    else:
        premium = ZERO
    goods = invoice
    if includes_freight:
        goods -= shipment.freight
    if includes_insurance:
        goods -= premium
    if goods < 0:
        raise InvalidShipment(
            f"freight and insurance exceed the invoice value that a {rule.code} price includes",
            field="freight",
        )
    return goods, premium, notes


def compute(shipment: Shipment) -> LandedCost:
    """The landed cost breakdown of a validated shipment."""
    rule = shipment.incoterm
    warnings = check_transport(
        rule,
        shipment.mode,
        containerised=shipment.containerised,
        handover_at_terminal=shipment.handover_at_terminal,
    )
    area = area_of(shipment.destination)
    quote = currency_of(shipment.destination, shipment.on)
    basis = value_basis(area)
    fx = _Fx(quote, shipment)
    goods, premium, price_notes = _price_split(shipment)
    invoice_total = sum((line.value for line in shipment.lines), ZERO)
    fx_trace = [fx.rate(shipment.currency).trace()] if shipment.currency != quote else []

    def convert(amount: Decimal) -> Decimal:
        return money(fx.convert(amount, shipment.currency), quote)

    goods_dest = convert(goods)
    rule_dm = deminimis.rule_for(area, shipment.on)
    dm_value = (
        fx.convert(goods, shipment.currency)
        if rule_dm is None
        else fx.convert(goods, shipment.currency) / fx.convert(Decimal(1), rule_dm.currency)
    )
    origins = {line.origin for line in shipment.lines}
    relieved = deminimis.relieved(rule_dm, dm_value, origins)
    duties = line_duties(
        shipment,
        area=area,
        quote=quote,
        basis=basis,
        goods=goods,
        premium=premium,
        convert=fx.convert,
        relieved=relieved,
    )
    customs_value = sum((d.customs_value for d in duties), ZERO)
    duty_payer = rule.payer(Component.DUTIES_AND_TAXES).value
    components = [
        Figure(
            "goods",
            goods_dest,
            quote,
            Party.BUYER.value,
            f"invoice {invoice_total} {shipment.currency} under {rule.code}, less the freight and "
            "insurance the price includes",
            [{"file": "input", "row": "lines[*].value", "value": str(invoice_total)}, *fx_trace],
        )
    ]
    if shipment.origin_charges:
        components.append(
            Figure(
                "origin_charges",
                convert(shipment.origin_charges),
                quote,
                Party.BUYER.value,
                "costs to the point of loading not in the price",
                fx_trace,
            )
        )
    components.append(
        Figure(
            "freight",
            convert(shipment.freight),
            quote,
            rule.payer(Component.MAIN_CARRIAGE).value,
            "main carriage",
            [
                {"file": "input", "row": "freight", "value": str(shipment.freight)},
                rule.trace(Component.MAIN_CARRIAGE),
                *fx_trace,
            ],
        )
    )
    components.append(
        Figure(
            "insurance",
            convert(premium),
            quote,
            rule.payer(Component.INSURANCE).value,
            "cargo insurance premium",
            [
                {
                    "file": "input",
                    "row": "insurance" if shipment.insurance is not None else "insurance_rate",
                    "value": str(
                        shipment.insurance
                        if shipment.insurance is not None
                        else shipment.insurance_rate or ZERO
                    ),
                },
                rule.trace(Component.INSURANCE),
                *fx_trace,
            ],
            price_notes,
        )
    )
    components.append(
        Figure(
            "duty",
            sum((d.duty for d in duties), ZERO),
            quote,
            duty_payer,
            "customs duty, sum of lines",
            [t for d in duties for t in d.duty_trace],
        )
    )
    if area == "US":
        components.append(
            Figure(
                "additional_duties",
                sum((d.additional for d in duties), ZERO),
                quote,
                duty_payer,
                "HTS chapter 99, sum of lines",
                [t for d in duties for t in d.additional_trace],
            )
        )
        components.extend(_us_fees(shipment, customs_value, quote, duty_payer, relieved, warnings))
        warnings.append("US: no federal import VAT/GST; state sales and use taxes are not computed")
        warnings.append(
            f"US rates are those of the {US_EDITION} shipped with Seaward; chapter 99 measures "
            "changed after April 2025 — refresh the tariff before relying on them"
        )
    vat_total = sum((d.vat for d in duties), ZERO)
    if area != "US":
        warnings.append(
            "UK/EU duty is the third-country (MFN) rate of the UK Global Tariff 2021 / EU CET "
            "2020 shipped with Seaward: preferential rates, trade remedies and later changes are "
            "not applied"
        )
        at_sale = relieved and rule_dm is not None and "import_vat" in rule_dm.relieves
        components.append(
            Figure(
                "point_of_sale_vat" if at_sale else "import_vat",
                vat_total,
                quote,
                Party.SELLER.value if at_sale else duty_payer,
                "customs value + duty (+ additional duties), per line",
                [t for d in duties for t in d.vat_trace],
                [rule_dm.vat_note]
                if at_sale and rule_dm is not None
                else ["import VAT is usually recoverable by a VAT-registered importer of record"],
            )
        )
    if shipment.destination_charges:
        components.append(
            Figure(
                "destination_charges",
                convert(shipment.destination_charges),
                quote,
                rule.payer(Component.UNLOADING).value,
                "unloading and handling after arrival",
                [rule.trace(Component.UNLOADING), *fx_trace],
            )
        )
    for duty in duties:
        warnings.extend(duty.warnings)
    total = sum((f.amount for f in components), ZERO)
    by_party = {"seller": ZERO, "buyer": ZERO}
    for item in components:
        by_party[item.paid_by] += item.amount
    return LandedCost(
        destination=shipment.destination,
        area=area,
        currency=quote,
        value_basis=basis,
        incoterm=rule.code,
        components=components,
        lines=duties,
        customs_value=customs_value,
        total=total,
        by_party=by_party,
        responsibilities=[
            {
                "component": r.component.value,
                "party": r.party.value,
                "paid_by": rule.payer(r.component).value,
                "table": r.text,
            }
            for r in rule.responsibilities
        ]
        + [
            {"component": "risk", "party": rule.risk_passes, "paid_by": "", "table": rule.risk_text}
        ],
        fx=[r.trace() for r in fx.used.values() if r.base != r.quote],
        warnings=list(dict.fromkeys(warnings)),
        cbam=_cbam(shipment, area, duties),
        deminimis=_deminimis_dict(rule_dm, relieved, dm_value),
        report=_report(shipment, components, quote),
    )


def _report(shipment: Shipment, components: list[Figure], quote: str) -> dict[str, Any] | None:
    """The breakdown converted into a report currency, each figure rounded to its minor units."""
    target = shipment.report_currency
    if not target:
        return None
    fx = rate_on(quote, target, shipment.on)
    amounts = {f.name: money(f.amount * fx.rate, target) for f in components}
    return {
        "currency": target,
        "components": {name: str(value) for name, value in amounts.items()},
        "total": str(sum(amounts.values(), ZERO)),
        "fx": fx.trace(),
    }


def _us_fees(
    shipment: Shipment,
    customs_value: Decimal,
    quote: str,
    payer: str,
    relieved: bool,
    warnings: list[str],
) -> list[Figure]:
    fee = mpf(shipment.on)
    if fee.warning:
        warnings.append(fee.warning)
    amount = customs_value * fee.rate
    if fee.minimum is not None:
        amount = max(amount, fee.minimum)
    if fee.maximum is not None:
        amount = min(amount, fee.maximum)
    notes = []
    if relieved:
        amount, notes = ZERO, ["de minimis entry: no MPF"]
    out = [
        Figure(
            "mpf",
            money(amount, quote),
            quote,
            payer,
            "0.3464 % of the entered value, within the fiscal year's minimum and maximum",
            [fee.trace],
            notes,
        )
    ]
    harbor = hmf()
    if shipment.mode.value in ("sea", "inland_waterway") and not relieved:
        out.append(
            Figure(
                "hmf",
                money(customs_value * harbor.rate, quote),
                quote,
                payer,
                "0.125 % of the value of cargo unloaded at a US port",
                [harbor.trace],
            )
        )
    else:
        out.append(
            Figure(
                "hmf",
                ZERO,
                quote,
                payer,
                "not due: not unloaded from a vessel" if not relieved else "de minimis entry",
                [harbor.trace],
            )
        )
    return out


def _cbam(shipment: Shipment, area: str, duties: list[LineDuty]) -> dict[str, Any] | None:
    if area != "EU":
        return None
    found = []
    partial = []
    for line, duty in zip(shipment.lines, duties, strict=True):
        hit = cbam.match(duty.tariff_code or line.hs_code)
        if hit is not None:
            found.append((hit, line.weight_kg))
            if hit.partial:
                partial.append(line.field)
    result = cbam.assess(found, shipment.on)
    if result is None:
        return None
    return {
        "applies": result.applies,
        "phase": result.phase,
        "categories": list(result.categories),
        "lines": [
            line.line_id
            for line, d in zip(shipment.lines, duties, strict=True)
            if cbam.match(d.tariff_code or line.hs_code) is not None
        ],
        "net_mass_tonnes": str(result.net_mass_tonnes),
        "importer_must": list(result.obligations),
        "notes": list(result.notes)
        + [f"{f}: only some CN codes under this code are CBAM goods" for f in partial],
        "trace": [hit.trace() for hit, _ in found],
        "source": result.source,
    }


def _deminimis_dict(
    rule: deminimis.DeMinimisRule | None, relieved: bool, value: Decimal
) -> dict[str, Any] | None:
    if rule is None:
        return None
    return {
        "threshold": str(rule.threshold),
        "currency": rule.currency,
        "consignment_value": str(money(value, rule.currency)),
        "relieved": relieved,
        "relieves": sorted(rule.relieves) if relieved else [],
        "vat": rule.vat_note,
        "excluded_goods": rule.excluded_goods,
        "trace": [rule.trace()],
    }


def compute_from_json(raw: Any) -> LandedCost:
    """Validate a decoded JSON shipment and compute its landed cost."""
    return compute(parse_shipment(raw))
