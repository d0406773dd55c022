"""The ``seaward bank parse FILE --json`` contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seaward.cli import main

STATEMENT = (
    ":20:REF1\n:25:CN12345678901234\n:28C:1/1\n:60F:C261101USD1000,00\n"
    ":61:2611021102C9965,NTRFINV-2026-001//B1\n"
    ":86:/EREF/INV-2026-001/NAME/ACME TRADING LLC/REMI/INVOICE INV-2026-001 LESS CHARGES/\n"
    ":61:2611031103D12,5NCHGNONREF\n:86:INTERMEDIARY BANK CHARGE\n"
    ":62F:C261103USD10952,50\n-\n"
)


def _run(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["bank", "parse", str(path), "--json"])
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_prints_only_the_contract_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "statement.sta"
    file.write_text(STATEMENT)
    # when
    code, out, err = _run(file, capsys)
    # then
    assert code == 0 and err == ""
    doc = json.loads(out)
    (statement,) = doc["statements"]
    assert statement["account"] == "CN12345678901234"
    assert statement["currency"] == "USD"
    assert statement["opening_balance"] == "1000.00"
    assert statement["closing_balance"] == "10952.50"
    assert statement["warnings"] == []
    first, charge = statement["entries"]
    assert first == {
        **first,
        "amount": "9965.00",
        "currency": "USD",
        "booking_date": "2026-11-02",
        "value_date": "2026-11-02",
        "reference": "INV-2026-001",
        "counterparty": "ACME TRADING LLC",
        "remittance": "INVOICE INV-2026-001 LESS CHARGES",
    }
    assert charge["amount"] == "-12.50"
    assert charge["reference"] is None and charge["counterparty"] is None
    assert charge["remittance"] == "INTERMEDIARY BANK CHARGE"


def test_unbalanced_statement_exits_zero_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "partial.sta"
    file.write_text(STATEMENT.replace("C261103USD10952,50", "C261103USD10000,00"))
    code, out, _ = _run(file, capsys)
    assert code == 0
    (warning,) = json.loads(out)["statements"][0]["warnings"]
    assert "difference -952.50" in warning


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some notes\n", "neither a SWIFT"),
        (b"\x00\x01\x02\x03garbage" * 50, "binary"),
        (STATEMENT.replace(":61:2611031103D12,5", ":61:2611031103D").encode(), "line 7"),
    ],
)
def test_rejected_file_exits_non_zero_with_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    file = tmp_path / "input.dat"
    file.write_bytes(content)
    code, out, err = _run(file, capsys)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and "rejected" in err and "Traceback" not in err
    assert message in err


def test_missing_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(tmp_path / "nope.sta", capsys)
    assert code != 0 and out == ""
    assert "cannot read" in err
