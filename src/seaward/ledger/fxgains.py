"""FX arithmetic of a functional-currency ledger: values, carrying shares, gains and losses.

Pure Python, Decimal only. A foreign-currency balance has a *carrying value* in the
functional (home) currency: what it was booked at. Realized gain or loss is the
difference between what a foreign amount is worth when it leaves (settled, or received
against an invoice) and the share of carrying value it takes with it; unrealized gain
or loss is the difference between the balance valued at a period-end rate and its
carrying value. Rounding: functional amounts round to the home currency's minor units
half up (``core.money``); a carrying share of a whole balance is exact for the whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from seaward.core.money import Money


def functional_value(amount: Decimal, rate: Decimal, home: str) -> Decimal:
    """``amount`` converted at ``rate`` (home units per unit), rounded to home minor units."""
    return Money(amount * rate, home).rounded().amount


def carrying_share(balance: Decimal, carrying: Decimal, part: Decimal, home: str) -> Decimal:
    """The carrying value that ``part`` of ``balance`` takes with it (moving average).

    Taking the whole balance takes the whole carrying value, so repeated partial
    removals never leave a residue in the functional currency.
    """
    if part == balance:
        return carrying
    if balance == 0:
        return Decimal(0)
    return Money(carrying * part / balance, home).rounded().amount


def realized_difference(amount: Decimal, carrying: Decimal, rate: Decimal, home: str) -> Decimal:
    """Gain (+) or loss (−) when ``amount`` carried at ``carrying`` is realized at ``rate``."""
    return functional_value(amount, rate, home) - carrying


def revaluation_adjustment(
    balance: Decimal, carrying: Decimal, rate: Decimal, home: str
) -> Decimal:
    """The change of carrying value that brings ``balance`` to its value at ``rate``."""
    return functional_value(balance, rate, home) - carrying


def spread_cost(amount: Decimal, bank_rate: Decimal, mid_rate: Decimal, home: str) -> Decimal:
    """What the bank's spread cost on selling ``amount``: (mid − bank rate) × amount."""
    return functional_value(amount, mid_rate, home) - functional_value(amount, bank_rate, home)


@dataclass(frozen=True, slots=True)
class SettlementFigures:
    """A conversion of foreign ``amount`` into home currency, split for the books."""

    proceeds: Decimal  # home currency credited by the bank
    carrying: Decimal  # carrying value removed from the foreign account
    realized: Decimal  # FX gain (+) / loss (−) measured at the mid (reference) rate
    spread: Decimal  # cost of the bank's spread (+ = cost)


def settlement_figures(
    *,
    amount: Decimal,
    balance: Decimal,
    carrying_balance: Decimal,
    bank_rate: Decimal,
    mid_rate: Decimal | None,
    home: str,
) -> SettlementFigures:
    """Proceeds, carrying value taken, realized FX and spread cost of selling ``amount``."""
    proceeds = functional_value(amount, bank_rate, home)
    carrying = carrying_share(balance, carrying_balance, amount, home)
    spread = Decimal(0) if mid_rate is None else spread_cost(amount, bank_rate, mid_rate, home)
    # proceeds = carrying + realized − spread, exactly.
    realized = proceeds - carrying + spread
    return SettlementFigures(proceeds, carrying, realized, spread)
