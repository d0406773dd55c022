"""Document arithmetic: line totals, document totals, payment schedule. Pure Python.

Each line total is rounded to the currency's minor units (half up, see core.money);
the document total is the sum of the rounded line totals, so the lines printed on an
invoice always add up to the total printed under them, in JPY (0), EUR (2) or KWD (3).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from seaward.core.money import Money, sum_money


def line_total(quantity: Decimal, unit_price: Decimal, currency: str) -> Money:
    return Money(quantity * unit_price, currency).rounded()


def document_total(lines: Sequence[tuple[Decimal, Decimal]], currency: str) -> Money:
    """Sum of the rounded ``(quantity, unit_price)`` line totals."""
    return sum_money((line_total(q, p, currency) for q, p in lines), currency)


class PaymentTerms(StrEnum):
    TT = "tt"  # telegraphic transfer: deposit with the order, balance before shipment
    LC_SIGHT = "lc_sight"
    DP = "dp"  # documents against payment
    DA = "da"  # documents against acceptance
    OPEN_ACCOUNT = "open_account"


@dataclass(frozen=True)
class Instalment:
    label: str  # "deposit" or "balance"
    amount: Money
    due: date | None
    basis: str  # what the due date follows: "order", "shipment", "invoice"…


def payment_schedule(
    *,
    terms: str,
    total: Money,
    deposit_percent: Decimal = Decimal(0),
    days: int = 0,
    confirmed_on: date | None = None,
    ship_by: date | None = None,
) -> list[Instalment]:
    """Deposit and balance from the payment terms; due dates follow the trade's custom.

    T/T: the deposit is due on confirmation, the balance before shipment (``ship_by``).
    L/C at sight and D/P: the whole amount on presentation of documents after shipment.
    D/A and open account: the whole amount ``days`` after shipment.
    """
    kind = PaymentTerms(terms)
    if kind is PaymentTerms.TT and deposit_percent > 0:
        deposit, balance = total.allocate([deposit_percent, Decimal(100) - deposit_percent])
        return [
            Instalment("deposit", deposit, confirmed_on, "order"),
            Instalment("balance", balance, ship_by, "shipment"),
        ]
    if kind is PaymentTerms.TT:
        return [Instalment("balance", total.rounded(), ship_by, "shipment")]
    if kind in (PaymentTerms.LC_SIGHT, PaymentTerms.DP):
        return [Instalment("balance", total.rounded(), ship_by, "documents")]
    due = ship_by + timedelta(days=days) if ship_by else None
    return [Instalment("balance", total.rounded(), due, "shipment")]
