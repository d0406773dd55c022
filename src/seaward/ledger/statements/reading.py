"""The front door: bytes of an untrusted file in, checked normalized statements out."""

from __future__ import annotations

import os
from pathlib import Path

from seaward.ledger.statements.errors import MalformedStatement, StatementTooLarge
from seaward.ledger.statements.model import Statement, StatementFormat
from seaward.ledger.statements.sniff import sniff

# A year of daily camt.053 for a busy account stays well below this; anything larger
# is refused before it is read, so a hostile upload cannot exhaust memory.
MAX_BYTES = 32 * 1024 * 1024
MAX_ENTRIES = 500_000


def decode_swift(data: bytes) -> str:
    """SWIFT text: UTF-8 when it is valid, else the Windows Latin-1 most banks send."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def balance_warnings(statement: Statement) -> tuple[str, ...]:
    """A warning with the difference when opening + booked entries != closing."""
    opening, closing = statement.opening_balance, statement.closing_balance
    difference = statement.balance_difference
    if opening is None or closing is None or not difference:
        return ()
    moved = statement.booked_total
    return (
        f"balances do not add up: opening {opening} + entries {moved} = {opening + moved}, "
        f"but closing is {closing} (difference {difference})",
    )


def completeness_warnings(statement: Statement) -> tuple[str, ...]:
    """A warning when a statement (not an interim report) lacks a balance it should state."""
    if statement.format not in (StatementFormat.MT940, StatementFormat.CAMT053):
        return ()
    opening, closing = statement.opening_balance, statement.closing_balance
    if opening is not None and closing is None:
        return ("no closing balance: a partial statement, or the file is truncated",)
    if opening is None and closing is not None:
        return ("no opening balance: a partial statement",)
    return ()


def parse_bytes(data: bytes, *, max_bytes: int = MAX_BYTES) -> list[Statement]:
    """Every statement in ``data``, with warnings; raises a ``StatementRejected``."""
    if len(data) > max_bytes:
        raise StatementTooLarge(
            f"the file has {len(data)} bytes, more than the limit of {max_bytes}"
        )
    fmt = sniff(data)
    if fmt.is_swift:
        from seaward.ledger.statements.swift import parse_swift

        statements = parse_swift(decode_swift(data))
    else:
        from seaward.ledger.statements.camt import parse_camt

        statements = parse_camt(data)
    if not statements:
        raise MalformedStatement("the file holds no statement")
    if sum(len(s.entries) for s in statements) > MAX_ENTRIES:
        raise StatementTooLarge(f"the file holds more than {MAX_ENTRIES} entries")
    return [s.with_warnings(*completeness_warnings(s), *balance_warnings(s)) for s in statements]


def parse_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> list[Statement]:
    """Every statement of the file at ``path`` (its size is checked before reading)."""
    file = Path(path)
    size = file.stat().st_size
    if size > max_bytes:
        raise StatementTooLarge(f"the file has {size} bytes, more than the limit of {max_bytes}")
    with file.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    return parse_bytes(data, max_bytes=max_bytes)


__all__ = ["MAX_BYTES", "StatementFormat", "balance_warnings", "parse_bytes", "parse_file"]
