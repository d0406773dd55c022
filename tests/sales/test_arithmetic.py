"""Pure arithmetic: rounding per currency, payment schedules, packing, cost build-up."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from seaward.core.money import Money, minor_units
from seaward.sales.costing import build_up
from seaward.sales.packing import PackedItem, pack
from seaward.sales.pricing import document_total, line_total, payment_schedule

CURRENCIES = ["EUR", "USD", "CNY", "JPY", "KWD", "BHD", "GBP", "AED"]
quantities = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(100_000), places=3)
prices = st.decimals(min_value=Decimal(0), max_value=Decimal(100_000), places=4)


@given(
    st.sampled_from(CURRENCIES), st.lists(st.tuples(quantities, prices), min_size=1, max_size=40)
)
def test_line_totals_sum_to_the_document_total_in_every_currency(currency, lines):
    total = document_total(lines, currency)
    printed = [line_total(q, p, currency) for q, p in lines]
    assert sum((m.amount for m in printed), Decimal(0)) == total.amount
    exponent = -total.amount.as_tuple().exponent if total.amount.as_tuple().exponent < 0 else 0
    assert exponent <= minor_units(currency)


def test_rounding_follows_each_currency_minor_unit():
    assert line_total(Decimal(3), Decimal("0.3335"), "JPY").amount == Decimal(1)
    assert line_total(Decimal(3), Decimal("0.3335"), "EUR").amount == Decimal("1.00")
    assert line_total(Decimal(3), Decimal("0.3335"), "KWD").amount == Decimal("1.001")
    assert line_total(Decimal(1), Decimal("0.0005"), "KWD").amount == Decimal("0.001")


@given(
    st.sampled_from(CURRENCIES),
    st.decimals(min_value=Decimal(1), max_value=Decimal(10**9), places=3),
    st.decimals(min_value=Decimal(0), max_value=Decimal(100), places=2),
)
def test_deposit_and_balance_add_up_to_the_total(currency, amount, percent):
    total = Money(amount, currency).rounded()
    schedule = payment_schedule(terms="tt", total=total, deposit_percent=percent)
    assert sum((i.amount.amount for i in schedule), Decimal(0)) == total.amount


def test_due_dates_follow_the_payment_terms():
    total = Money(Decimal(1000), "USD")
    tt = payment_schedule(
        terms="tt",
        total=total,
        deposit_percent=Decimal(30),
        confirmed_on=date(2026, 1, 5),
        ship_by=date(2026, 2, 10),
    )
    assert [(i.label, i.amount.amount, i.due) for i in tt] == [
        ("deposit", Decimal("300.00"), date(2026, 1, 5)),
        ("balance", Decimal("700.00"), date(2026, 2, 10)),
    ]
    open_account = payment_schedule(
        terms="open_account", total=total, days=60, ship_by=date(2026, 2, 10)
    )
    assert open_account[0].due == date(2026, 4, 11)
    lc = payment_schedule(terms="lc_sight", total=total, ship_by=date(2026, 2, 10))
    assert [(i.label, i.amount.amount) for i in lc] == [("balance", Decimal("1000.00"))]


def test_packing_numbers_cartons_consecutively_and_weighs_part_cartons():
    item = PackedItem(
        Decimal(13), 6, (Decimal(50), Decimal(40), Decimal(30)), Decimal(6), Decimal(7)
    )
    other = PackedItem(
        Decimal(4), 4, (Decimal(10), Decimal(10), Decimal(10)), Decimal(2), Decimal("2.5")
    )
    lines, totals = pack([item, other])
    assert [line.carton_range for line in lines] == ["1–3", "4"]
    assert lines[0].net_kg == Decimal("13.000")  # 13 units at 1 kg
    assert lines[0].gross_kg == Decimal("16.000")  # + 3 cartons × 1 kg tare
    assert lines[0].cbm == Decimal("0.1800")
    assert totals.cartons == 4
    assert totals.gross_kg == Decimal("18.500")


def test_ddp_adds_duty_and_import_vat():
    cost = {
        "duty": Money(Decimal(100), "CNY"),
        "import_vat": Money(Decimal(200), "CNY"),
        "freight": Money(Decimal(50), "CNY"),
    }
    ddp = build_up(
        incoterm="DDP",
        goods_cost=Money(Decimal(1000), "CNY"),
        costs=cost,
        revenue=Money(Decimal(2000), "CNY"),
    )
    cif = build_up(
        incoterm="CIF",
        goods_cost=Money(Decimal(1000), "CNY"),
        costs=cost,
        revenue=Money(Decimal(2000), "CNY"),
    )
    exw = build_up(
        incoterm="EXW",
        goods_cost=Money(Decimal(1000), "CNY"),
        costs=cost,
        revenue=Money(Decimal(2000), "CNY"),
    )
    assert ddp.total_cost.amount == Decimal("1350.00")
    assert cif.total_cost.amount == Decimal("1050.00")
    assert exw.total_cost.amount == Decimal("1000.00")
    assert exw.margin_percent == Decimal("50.0")
