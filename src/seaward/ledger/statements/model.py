"""The normalized bank statement: one shape for MT940, MT942 and camt.052/053/054.

Pure Python. Amounts are ``Decimal`` exactly as the bank stated them, signed from
the account holder's point of view (credits positive, debits negative). A field the
file does not state is ``None``: fragments and interim reports are legal input.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum


class StatementFormat(StrEnum):
    """The file formats the parser reads."""

    MT940 = "mt940"
    MT942 = "mt942"
    CAMT052 = "camt.052"
    CAMT053 = "camt.053"
    CAMT054 = "camt.054"

    @property
    def is_swift(self) -> bool:
        return self in (StatementFormat.MT940, StatementFormat.MT942)


@dataclass(frozen=True, slots=True)
class StatementEntry:
    """One booked (or, in interim reports, pending) movement on the account."""

    amount: Decimal
    currency: str | None = None
    booking_date: date | None = None
    value_date: date | None = None
    reference: str | None = None
    counterparty: str | None = None
    remittance: str | None = None
    bank_reference: str | None = None
    counterparty_account: str | None = None
    transaction_code: str | None = None
    # camt ``Sts``: BOOK, PDNG, INFO; None for SWIFT files, whose lines are booked.
    status: str | None = None
    reversal: bool = False

    @property
    def is_booked(self) -> bool:
        return self.status in (None, "BOOK")


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement, report or notification for one account."""

    format: StatementFormat
    account: str | None = None
    currency: str | None = None
    opening_balance: Decimal | None = None
    opening_date: date | None = None
    closing_balance: Decimal | None = None
    closing_date: date | None = None
    available_balance: Decimal | None = None
    statement_id: str | None = None
    sequence: str | None = None
    created_at: str | None = None
    entries: tuple[StatementEntry, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def with_warnings(self, *extra: str) -> Statement:
        """A copy with ``extra`` warnings appended (duplicates dropped)."""
        merged = list(self.warnings)
        for warning in extra:
            if warning not in merged:
                merged.append(warning)
        return replace(self, warnings=tuple(merged))

    @property
    def booked_total(self) -> Decimal:
        """The sum of booked entries (pending ones do not move the booked balance)."""
        return sum((e.amount for e in self.entries if e.is_booked), Decimal(0))

    @property
    def balance_difference(self) -> Decimal | None:
        """closing - (opening + booked entries); None when a balance is not stated."""
        if self.opening_balance is None or self.closing_balance is None:
            return None
        return self.closing_balance - (self.opening_balance + self.booked_total)
