"""Invariants of the landed cost: duties never negative, totals are the sum of components."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from seaward.customs.landed_cost import compute_from_json
from seaward.customs.landed_cost_rules import money

# (destination, currency, HS code, mode) combinations with computable rates of every form
ROUTES = [
    ("US", "USD", "8516.71.00", "sea"),  # ad valorem
    ("US", "CNY", "0102.29.40", "sea"),  # specific per kg
    ("US", "EUR", "8203.20.60", "sea"),  # compound per dozen
    ("US", "JPY", "8517.13.00", "sea"),  # free
    ("GB", "CNY", "0406.90.21", "sea"),  # specific GBP/100 kg
    ("DE", "USD", "7208.39.00", "sea"),  # CBAM
    ("ES", "GBP", "91011100", "sea"),  # MIN/MAX
    ("PL", "EUR", "0406.90.21", "sea"),  # EUR specific into PLN
    ("SE", "JPY", "6109.10", "sea"),  # SEK
]
INCOTERMS = ["EXW", "FCA", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP"]

money_text = st.decimals(min_value=D("0"), max_value=D("500000"), places=2).map(str)


@st.composite
def shipments(draw: st.DrawFn) -> dict[str, object]:
    destination, currency, hs_code, mode = draw(st.sampled_from(ROUTES))
    incoterm = draw(st.sampled_from(INCOTERMS))
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        value = draw(st.decimals(min_value=D("1"), max_value=D("900000"), places=2))
        lines.append(
            {
                "hs_code": hs_code,
                "origin": draw(st.sampled_from(["CN", "DE", "VN", "MX", "RU"])),
                "value": str(value),
                "quantity": str(draw(st.integers(1, 100000))),
                "unit": "pcs",
                "weight_kg": str(draw(st.integers(1, 100000))),
            }
        )
    invoice = sum(D(line["value"]) for line in lines)
    # C and D prices include the freight: keep it below the invoice
    freight = draw(st.decimals(min_value=D("0"), max_value=invoice / 3, places=2))
    return {
        "destination": destination,
        "date": draw(st.sampled_from(["2024-11-05", "2025-03-01", "2025-09-15", "2026-10-30"])),
        "currency": currency,
        "incoterm": incoterm,
        "transport_mode": mode,
        "freight": str(freight),
        "insurance_rate": draw(st.sampled_from([None, "0.002", "0.01"])),
        "destination_charges": draw(money_text),
        "lines": lines,
    }


@settings(max_examples=60, deadline=None)
@given(shipments())
def test_duties_never_negative_and_total_is_sum(data):
    result = compute_from_json(data)
    amounts = {f.name: f.amount for f in result.components}
    for name in ("duty", "additional_duties", "mpf", "hmf", "import_vat"):
        assert amounts.get(name, D(0)) >= 0, name
    for line in result.lines:
        assert line.duty >= 0 and line.additional >= 0 and line.vat >= 0
    assert result.total == sum((f.amount for f in result.components), D(0))
    assert sum(result.by_party.values(), D(0)) == result.total
    assert amounts["duty"] == sum((line.duty for line in result.lines), D(0))
    assert result.customs_value == sum((line.customs_value for line in result.lines), D(0))
    for figure in result.components:
        assert figure.amount == money(figure.amount, result.currency)  # minor units
        if figure.name in ("duty", "additional_duties", "mpf", "import_vat") and figure.amount:
            assert figure.trace, figure.name


@settings(max_examples=30, deadline=None)
@given(shipments())
def test_cif_basis_is_never_below_fob_basis(data):
    """The same goods are worth at least as much for EU/UK customs (CIF) as for US (FOB)."""
    data_us = {**data, "destination": "US"}
    data_de = {**data, "destination": "DE"}
    for item in (data_us, data_de):
        item["lines"] = [{**line, "hs_code": "8516.71.00"} for line in data["lines"]]
        item["currency"] = "EUR"
    us = compute_from_json(data_us)
    de = compute_from_json(data_de)
    rate = us.fx[0]["value"] if us.fx else "1"
    assert de.customs_value * D(rate) >= us.customs_value - D("0.05") * len(data["lines"])
