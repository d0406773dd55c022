"""Every development bank file parses to the values its upstream project expects.

The files and their expectations live in ../shared/data/eval-dev/bank_statements
(wolph/mt940 and genkgo/camt test suites); the tests skip when that folder is absent.
One deliberate departure: a ``:61:`` line marked ``RC`` (reversal of a credit) is a
debit, as the SWIFT standard says; upstream mt-940's expectation keeps it positive,
and the statements holding it only add up with the standard sign (tested below).
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from seaward.ledger.statements import StatementFormat, parse_file
from seaward.ledger.statements.export import document

BANK = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "eval-dev" / "bank_statements"
)
MINOR_UNITS = {"JPY": 0, "KRW": 0, "BHD": 3, "KWD": 3, "JOD": 3, "OMR": 3, "TND": 3}


def _cases(source: str) -> list[dict[str, str]]:
    if not (BANK / "cases.csv").exists():
        return []
    with (BANK / "cases.csv").open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["set"] == source]


def _skip_without_data() -> None:
    if not (BANK / "cases.csv").exists():
        pytest.skip("../shared/data/eval-dev/bank_statements is not present")


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


WOLPH = _cases("wolph_mt940")
GENKGO = _cases("genkgo_camt")


def test_development_files_are_present_or_skipped() -> None:
    _skip_without_data()
    assert len(WOLPH) + len(GENKGO) == 18


@pytest.mark.parametrize("case", WOLPH, ids=[c["file"].rsplit("/", 1)[-1] for c in WOLPH])
def test_mt940_file_matches_upstream_expectation(case: dict[str, str]) -> None:
    _skip_without_data()
    expected = json.loads((BANK / case["expected"]).read_text(encoding="utf-8"))
    # when
    statements = parse_file(BANK / case["file"])
    doc = document(statements)
    # then: the entries of all statements, in order, are upstream's transactions
    entries = [e for s in doc["statements"] for e in s["entries"]]
    want = expected["transactions"]
    assert len(entries) == len(want)
    for got, tx in zip(entries, want, strict=True):
        amount = Decimal(tx["amount"]["amount"])
        if tx.get("status") == "RC":
            amount = -abs(amount)
        assert Decimal(got["amount"]) == amount
        assert got["booking_date"] in {tx.get("entry_date"), tx.get("date")}
        assert got["value_date"] == tx["date"]
    # and upstream's last opening/closing balance is one of the statements' balances
    head = expected["statement"]
    for key, ours in (
        ("final_opening_balance", "opening_balance"),
        ("final_closing_balance", "closing_balance"),
    ):
        if key in head:
            stated = Decimal(head[key]["amount"]["amount"])
            assert stated in {_dec(s[ours]) for s in doc["statements"]}
    if "account_identification" in head:
        assert head["account_identification"] in {s["account"] for s in doc["statements"]}
    assert all(s.format in (StatementFormat.MT940, StatementFormat.MT942) for s in statements)


def test_reversal_of_credit_is_a_debit_and_the_statement_adds_up() -> None:
    _skip_without_data()
    statements = parse_file(BANK / "mt940/wolph_mt940_tests/betterplace/sepa_mt9401.sta")
    first = statements[0]
    reversal = [e for e in first.entries if e.transaction_code == "NRTI"]
    assert [e.amount for e in reversal] == [Decimal("-204.88")]
    assert first.opening_balance == Decimal("-1234718.36")
    assert first.closing_balance == Decimal("-1237628.23")
    assert not any("do not add up" in w for s in statements for w in s.warnings)


def test_unbalanced_mt940_statement_is_a_warning_with_the_difference() -> None:
    _skip_without_data()
    statements = parse_file(BANK / "mt940/wolph_mt940_tests/jejik/abnamro.sta")
    warning = next(w for w in statements[0].warnings if "do not add up" in w)
    # 3236.28 + entries (-321.44) = 2914.84, closing 876.84
    assert "difference -2038.00" in warning


def _minor(money: dict) -> Decimal:
    code = money["getCurrency"]["getCode"]
    return Decimal(money["getAmount"]).scaleb(-MINOR_UNITS.get(code, 2))


@pytest.mark.parametrize("case", GENKGO, ids=[c["file"].rsplit("/", 1)[-1] for c in GENKGO])
def test_camt_file_matches_upstream_expectation(case: dict[str, str]) -> None:
    _skip_without_data()
    expected = json.loads((BANK / case["expected"]).read_text(encoding="utf-8"))
    records = expected.get("getRecords") or []
    entries = expected.get("getEntries") or []
    # when
    doc = document(parse_file(BANK / case["file"]))
    # then
    assert len(doc["statements"]) == len(records)
    ours = [e for s in doc["statements"] for e in s["entries"]]
    assert len(ours) == len(entries)
    for got, want in zip(ours, entries, strict=True):
        assert Decimal(got["amount"]) == _minor(want["getAmount"])
        booked = (want.get("getBookingDate") or {}).get("0")
        assert got["booking_date"] == (booked[:10] if booked else None)
        assert got["currency"] == want["getAmount"]["getCurrency"]["getCode"]
    record = entries[0].get("getRecord") if entries else None
    balances = record.get("getBalances", []) if isinstance(record, dict) else []
    statement = doc["statements"][0]
    for kind, key in (("opening", "opening_balance"), ("closing", "closing_balance")):
        stated = [_minor(b["getAmount"]) for b in balances if b.get("getType") == kind]
        if stated:
            assert _dec(statement[key]) in stated
        else:
            assert statement[key] is None


def test_camt_balance_in_another_currency_is_reported() -> None:
    _skip_without_data()
    statement = parse_file(BANK / "camt/genkgo_camt/camt053.v2.minimal.ultimate.xml")[0]
    assert statement.currency == "EUR"
    assert any("stated in SEK" in w for w in statement.warnings)
    assert any("difference -54.00" in w for w in statement.warnings)


def test_every_development_file_has_a_stable_fingerprint() -> None:
    _skip_without_data()
    prints: list[str] = []
    for case in WOLPH + GENKGO:
        first = document(parse_file(BANK / case["file"]))
        again = document(parse_file(BANK / case["file"]))
        assert [s["fingerprint"] for s in first["statements"]] == [
            s["fingerprint"] for s in again["statements"]
        ]
        prints.extend(s["fingerprint"] for s in first["statements"])
    assert all(len(p) == 64 for p in prints)
