"""Statements as JSON (the ``seaward bank parse --json`` contract) and their fingerprint.

Amounts are decimal strings, never floats. An amount is written with its currency's
minor units when that loses nothing (``500,`` in EUR becomes ``"500.00"``,
``18.150`` becomes ``"18.15"``); otherwise every digit the bank sent is kept.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from seaward.ledger.statements.model import Statement, StatementEntry

FINGERPRINT_VERSION = "statement-v1"


@lru_cache(maxsize=256)
def _minor_units(currency: str | None) -> int | None:
    if not currency:
        return None
    from seaward.core.errors import DomainError
    from seaward.core.money import minor_units

    try:
        return minor_units(currency)
    except DomainError:
        return None  # withdrawn (DEM) or unknown codes: keep the digits as sent


def format_amount(value: Decimal, currency: str | None = None) -> str:
    """A decimal string such as ``-12.50``; never ``-0``, never an exponent."""
    if value == 0:
        value = abs(value)
    places = _minor_units(currency)
    if places is not None:
        try:
            quantized = value.quantize(Decimal(1).scaleb(-places))
        except InvalidOperation:
            quantized = value
        if quantized == value:
            value = quantized
    return format(value, "f")


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def entry_to_dict(entry: StatementEntry, statement_currency: str | None) -> dict[str, Any]:
    currency = entry.currency or statement_currency
    return {
        "amount": format_amount(entry.amount, currency),
        "currency": entry.currency,
        "booking_date": _day(entry.booking_date),
        "value_date": _day(entry.value_date),
        "reference": entry.reference,
        "counterparty": entry.counterparty,
        "remittance": entry.remittance,
        "bank_reference": entry.bank_reference,
        "counterparty_account": entry.counterparty_account,
        "transaction_code": entry.transaction_code,
        "status": entry.status,
        "reversal": entry.reversal,
    }


def statement_to_dict(statement: Statement) -> dict[str, Any]:
    """One statement in the shape of the command-line contract (plus a few extra keys)."""
    currency = statement.currency

    def money(value: Decimal | None) -> str | None:
        return None if value is None else format_amount(value, currency)

    return {
        "account": statement.account,
        "currency": currency,
        "opening_balance": money(statement.opening_balance),
        "closing_balance": money(statement.closing_balance),
        "entries": [entry_to_dict(e, currency) for e in statement.entries],
        "warnings": list(statement.warnings),
        "format": statement.format.value,
        "statement_id": statement.statement_id,
        "sequence": statement.sequence,
        "opening_date": _day(statement.opening_date),
        "closing_date": _day(statement.closing_date),
        "available_balance": money(statement.available_balance),
        "fingerprint": fingerprint(statement),
    }


def _canonical_amount(value: Decimal | None) -> str | None:
    if value is None:
        return None
    return format(value.normalize(), "f") if value != 0 else "0"


def fingerprint(statement: Statement) -> str:
    """A stable SHA-256 of what the statement says, for idempotent re-import.

    It covers the account, the statement's identity, balances and every entry in
    order; not warnings, not the file's encoding, line endings or amount formatting
    (``500,`` and ``500.00`` are the same amount).
    """
    content = {
        "v": FINGERPRINT_VERSION,
        "family": "swift" if statement.format.is_swift else "camt",
        "account": statement.account,
        "currency": statement.currency,
        "id": statement.statement_id,
        "sequence": statement.sequence,
        "opening": [_canonical_amount(statement.opening_balance), _day(statement.opening_date)],
        "closing": [_canonical_amount(statement.closing_balance), _day(statement.closing_date)],
        "entries": [
            [
                _canonical_amount(e.amount),
                e.currency,
                _day(e.booking_date),
                _day(e.value_date),
                e.reference,
                e.bank_reference,
                e.counterparty,
                e.remittance,
                e.status,
            ]
            for e in statement.entries
        ],
    }
    encoded = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def document(statements: list[Statement]) -> dict[str, Any]:
    """The whole ``--json`` document."""
    return {"statements": [statement_to_dict(s) for s in statements]}
