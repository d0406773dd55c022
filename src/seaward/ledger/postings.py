"""The double-entry core: legs, entries, the balance rule and the entries a trade causes.

Pure Python, no Django. Every leg (posting) names an account by code, its transaction
amount and currency (debits positive, credits negative), the rate used and its
functional (home-currency) amount. The balance rule, checked on every entry:

* **per currency**: for each transaction currency, the amounts sum to zero *and* the
  functional amounts sum to zero;
* a home-currency leg's functional amount equals its amount;
* an *FX adjustment* leg has amount 0 and a non-zero functional amount: it changes the
  carrying value of a foreign-currency account (revaluation, realized difference);
* amounts carry no more decimals than their currency's minor units.

Conversions between currencies go through a pair of FX clearing accounts, one per
currency (the pattern of TigerBeetle and pgledger): each currency's legs balance on
their own, so an entry never "balances" by mixing USD with CNY. Gains and losses live
in per-currency FX accounts whose transaction balance is always zero and whose
functional balance is the gain or loss. See docs/adr/0016-ledger-double-entry.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from seaward.core.money import minor_units, normalize_currency
from seaward.ledger import fxgains
from seaward.ledger.errors import InvalidPosting, UnbalancedEntry

ZERO = Decimal(0)


class AccountType(StrEnum):
    ASSET = "asset"
    LIABILITY = "liability"
    EQUITY = "equity"
    INCOME = "income"
    EXPENSE = "expense"


class Purpose(StrEnum):
    """What an account is for; system accounts are one per (purpose, currency)."""

    BANK = "bank"
    RECEIVABLE = "receivable"
    CUSTOMER_ADVANCE = "customer_advance"
    REVENUE = "revenue"
    BANK_CHARGES = "bank_charges"
    FX_CLEARING = "fx_clearing"
    FX_REALIZED = "fx_realized"
    FX_UNREALIZED = "fx_unrealized"
    FX_SPREAD = "fx_spread"
    EQUITY = "equity"
    OTHER = "other"


PURPOSE_TYPE: dict[Purpose, AccountType] = {
    Purpose.BANK: AccountType.ASSET,
    Purpose.RECEIVABLE: AccountType.ASSET,
    Purpose.CUSTOMER_ADVANCE: AccountType.LIABILITY,
    Purpose.REVENUE: AccountType.INCOME,
    Purpose.BANK_CHARGES: AccountType.EXPENSE,
    Purpose.FX_CLEARING: AccountType.ASSET,
    Purpose.FX_REALIZED: AccountType.INCOME,
    Purpose.FX_UNREALIZED: AccountType.INCOME,
    Purpose.FX_SPREAD: AccountType.EXPENSE,
    Purpose.EQUITY: AccountType.EQUITY,
    Purpose.OTHER: AccountType.ASSET,
}

# Balances revalued at period end: monetary items, not the clearing pair (its functional
# sum is zero by construction) nor income and expense (booked at their day's rate).
REVALUED_PURPOSES = frozenset({Purpose.BANK, Purpose.RECEIVABLE, Purpose.CUSTOMER_ADVANCE})


def system_code(purpose: Purpose | str, currency: str) -> str:
    """The code of the system account for ``purpose`` in ``currency``: ``receivable:USD``."""
    return f"{Purpose(purpose).value}:{currency}"


@dataclass(frozen=True, slots=True)
class Rate:
    """Units of home currency per unit of a foreign currency, with where it came from."""

    value: Decimal
    source: str = "identity"
    on: date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.value, Decimal) or not self.value.is_finite() or self.value <= 0:
            raise InvalidPosting(params={"reason": "a rate must be a positive Decimal"})


IDENTITY = Rate(Decimal(1))


@dataclass(frozen=True, slots=True)
class Leg:
    account: str
    currency: str
    amount: Decimal
    functional: Decimal
    rate: Decimal = Decimal(1)
    rate_source: str = "identity"
    rate_date: date | None = None

    @property
    def is_adjustment(self) -> bool:
        return self.amount == 0 and self.functional != 0


@dataclass(frozen=True, slots=True)
class Entry:
    entry_date: date
    legs: tuple[Leg, ...]
    memo: str = ""
    kind: str = "manual"
    details: dict[str, str] = field(default_factory=dict)


def quantize(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)))


def leg(account: str, amount: Decimal, currency: str, rate: Rate, home: str) -> Leg:
    """A leg of ``amount`` whose functional amount is ``amount`` at ``rate``."""
    if currency == home:
        return Leg(account, currency, amount, amount)
    return Leg(
        account,
        currency,
        amount,
        fxgains.functional_value(amount, rate.value, home),
        rate.value,
        rate.source,
        rate.on,
    )


def carried(
    account: str, amount: Decimal, currency: str, functional: Decimal, rate: Rate | None = None
) -> Leg:
    """A leg at a given functional amount (a carrying value leaving an account)."""
    effective = rate or Rate(abs(functional / amount) if amount and functional else Decimal(1))
    return Leg(
        account, currency, amount, functional, effective.value, effective.source, effective.on
    )


def adjustment(account: str, currency: str, functional: Decimal, rate: Rate | None = None) -> Leg:
    """An FX adjustment leg: no transaction amount, a change of functional value."""
    rate = rate or IDENTITY
    return Leg(account, currency, ZERO, functional, rate.value, rate.source, rate.on)


def imbalances(legs: Iterable[Leg]) -> dict[str, tuple[Decimal, Decimal]]:
    """Per currency: (sum of amounts, sum of functional amounts)."""
    sums: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for item in legs:
        sums[item.currency][0] += item.amount
        sums[item.currency][1] += item.functional
    return {currency: (pair[0], pair[1]) for currency, pair in sums.items()}


def validate(entry: Entry, home: str) -> Entry:
    """``entry`` if it obeys the balance rule, else ``UnbalancedEntry`` / ``InvalidPosting``."""
    home = normalize_currency(home)
    if len(entry.legs) < 2:
        raise InvalidPosting(params={"reason": "an entry needs at least two postings"})
    for item in entry.legs:
        currency = normalize_currency(item.currency)
        if quantize(item.amount, currency) != item.amount:
            raise InvalidPosting(
                params={"reason": f"{item.amount} has more decimals than {currency} allows"},
                field="amount",
            )
        if quantize(item.functional, home) != item.functional:
            raise InvalidPosting(
                params={"reason": f"functional {item.functional} is not rounded to {home}"}
            )
        if currency == home and item.functional != item.amount:
            raise InvalidPosting(
                params={"reason": "a home-currency posting's functional amount is its amount"}
            )
        if item.amount and item.functional and (item.amount > 0) != (item.functional > 0):
            raise InvalidPosting(params={"reason": "amount and functional amount differ in sign"})
    if all(item.amount == 0 and item.functional == 0 for item in entry.legs):
        raise InvalidPosting(params={"reason": "an entry must move something"})
    for currency, (amount, functional) in imbalances(entry.legs).items():
        if amount != 0:
            raise UnbalancedEntry(
                params={"currency": currency, "difference": str(amount)},
                details={"currency": currency, "difference": str(amount)},
            )
        if functional != 0:
            raise UnbalancedEntry(
                params={"currency": f"{currency} ({home})", "difference": str(functional)},
                details={"currency": currency, "functional_difference": str(functional)},
            )
    return entry


def reverse(entry: Entry, on: date, memo: str = "") -> Entry:
    """The entry that cancels ``entry``, dated ``on``."""
    legs = tuple(
        replace(item, amount=-item.amount, functional=-item.functional) for item in entry.legs
    )
    return Entry(on, legs, memo or f"Reversal: {entry.memo}", "reversal", dict(entry.details))


def _plug(legs: Sequence[Leg], account: str, currency: str, rate: Rate | None = None) -> Leg | None:
    """The adjustment leg on ``account`` that zeroes ``currency``'s functional sum."""
    residual = sum((item.functional for item in legs if item.currency == currency), ZERO)
    return None if residual == 0 else adjustment(account, currency, -residual, rate)


def _entry(on: date, legs: list[Leg], memo: str, kind: str, home: str, **details: str) -> Entry:
    kept = tuple(item for item in legs if item.amount != 0 or item.functional != 0)
    return validate(Entry(on, kept, memo, kind, dict(details)), home)


# --- the entries a trade causes ------------------------------------------------------------
def invoice_entry(
    *, on: date, amount: Decimal, currency: str, rate: Rate, home: str, memo: str = ""
) -> Entry:
    """Receivable of an invoice against revenue, both in the invoice currency."""
    receivable = leg(system_code(Purpose.RECEIVABLE, currency), amount, currency, rate, home)
    revenue = carried(
        system_code(Purpose.REVENUE, currency), -amount, currency, -receivable.functional, rate
    )
    return _entry(on, [receivable, revenue], memo, "invoice", home)


@dataclass(frozen=True, slots=True)
class Settled:
    """A receivable (or advance) amount leaving at its carrying value."""

    amount: Decimal
    carrying: Decimal


def receipt_entry(
    *,
    on: date,
    bank_account: str,
    currency: str,
    net: Decimal,
    charges: Decimal,
    allocations: Sequence[Settled],
    unapplied: Decimal,
    rate: Rate,
    home: str,
    memo: str = "",
) -> Entry:
    """Money arrived (net of intermediary charges) against invoices and a customer advance.

    net + charges = allocated + unapplied. The allocated receivables leave at their
    carrying value (the invoice-date value); the difference to their value at the
    receipt rate is realized FX gain or loss.
    """
    allocated = sum((a.amount for a in allocations), ZERO)
    if net + charges != allocated + unapplied:
        raise UnbalancedEntry(
            params={"currency": currency, "difference": str(net + charges - allocated - unapplied)}
        )
    legs = [leg(bank_account, net, currency, rate, home)]
    if charges:
        legs.append(leg(system_code(Purpose.BANK_CHARGES, currency), charges, currency, rate, home))
    for item in allocations:
        legs.append(
            carried(
                system_code(Purpose.RECEIVABLE, currency), -item.amount, currency, -item.carrying
            )
        )
    if unapplied:
        legs.append(
            leg(system_code(Purpose.CUSTOMER_ADVANCE, currency), -unapplied, currency, rate, home)
        )
    plug = _plug(legs, system_code(Purpose.FX_REALIZED, currency), currency, rate)
    return _entry(on, [*legs, *([plug] if plug else [])], memo, "receipt", home)


def allocation_entry(
    *, on: date, currency: str, advance: Settled, receivable: Settled, home: str, memo: str = ""
) -> Entry:
    """Apply part of a customer advance (unapplied cash) to an invoice."""
    legs = [
        carried(
            system_code(Purpose.CUSTOMER_ADVANCE, currency),
            advance.amount,
            currency,
            advance.carrying,
        ),
        carried(
            system_code(Purpose.RECEIVABLE, currency),
            -receivable.amount,
            currency,
            -receivable.carrying,
        ),
    ]
    plug = _plug(legs, system_code(Purpose.FX_REALIZED, currency), currency)
    return _entry(on, [*legs, *([plug] if plug else [])], memo, "allocation", home)


def settlement_entry(
    *,
    on: date,
    source_account: str,
    target_account: str,
    currency: str,
    amount: Decimal,
    figures: fxgains.SettlementFigures,
    bank_rate: Rate,
    home: str,
    memo: str = "",
) -> Entry:
    """Sell foreign ``amount`` for home currency through the FX clearing pair (结汇)."""
    legs = [
        carried(source_account, -amount, currency, -figures.carrying),
        carried(
            system_code(Purpose.FX_CLEARING, currency),
            amount,
            currency,
            figures.proceeds,
            bank_rate,
        ),
        Leg(system_code(Purpose.FX_CLEARING, home), home, -figures.proceeds, -figures.proceeds),
        Leg(target_account, home, figures.proceeds, figures.proceeds),
        adjustment(
            system_code(Purpose.FX_REALIZED, currency), currency, -figures.realized, bank_rate
        ),
        adjustment(system_code(Purpose.FX_SPREAD, currency), currency, figures.spread, bank_rate),
    ]
    return _entry(on, legs, memo, "settlement", home)


@dataclass(frozen=True, slots=True)
class Position:
    """A foreign-currency balance to revalue: account, currency, balance, carrying value."""

    account: str
    currency: str
    balance: Decimal
    carrying: Decimal


def revaluation_entry(
    *, on: date, positions: Sequence[Position], rates: dict[str, Rate], home: str, memo: str = ""
) -> Entry | None:
    """Bring each position to its value at the period-end rate; None when nothing moves."""
    legs: list[Leg] = []
    for position in positions:
        if position.currency == home or position.currency not in rates:
            continue
        rate = rates[position.currency]
        change = fxgains.revaluation_adjustment(
            position.balance, position.carrying, rate.value, home
        )
        if change:
            legs.append(adjustment(position.account, position.currency, change, rate))
            legs.append(
                adjustment(
                    system_code(Purpose.FX_UNREALIZED, position.currency),
                    position.currency,
                    -change,
                    rate,
                )
            )
    if not legs:
        return None
    return _entry(on, legs, memo, "revaluation", home)
