"""The ``seaward landed-cost`` contract: JSON in, JSON out, clear errors, non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seaward.cli import main

SHIPMENT = {
    "destination": "US",
    "date": "2025-03-01",
    "currency": "USD",
    "incoterm": "FOB",
    "transport_mode": "sea",
    "containerised": True,
    "freight": 1000,
    "insurance": 50.25,
    "lines": [
        {"id": "A", "hs_code": "8516.71.00", "origin": "DE", "value": 10000.10,
         "quantity": 500, "unit": "pcs", "weight_kg": 750}
    ],
}  # fmt: skip


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: object) -> tuple[int, str, str]:
    path = tmp_path / "shipment.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    code = main(["landed-cost", "--input", str(path), "--json"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_prints_only_the_json_breakdown(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, SHIPMENT)
    assert code == 0
    data = json.loads(out)
    # JSON numbers are read as Decimal: 3.7 % of 10,000.10 = 370.0037 -> 370.00, never a float
    duty = next(c for c in data["components"] if c["name"] == "duty")
    assert duty["amount"] == "370.00"
    assert data["total_landed_cost"] == "11467.49"
    assert any("FCA" in w for w in data["warnings"])
    assert data["responsibilities"][0]["component"] == "export_clearance"
    assert out.count("\n") == 1 and err == ""


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"transport_mode": "air"}, "incoterm"),
        ({"destination": "Atlantis"}, "destination"),
        ({"lines": [{**SHIPMENT["lines"][0], "value": -1}]}, "lines[0].value"),  # type: ignore[index]
        ({"lines": [{**SHIPMENT["lines"][0], "hs_code": "9999.99.99"}]}, "lines[0].hs_code"),  # type: ignore[index]
    ],
)
def test_bad_input_exits_non_zero_naming_the_field(tmp_path, capsys, change, field):
    code, out, err = run(tmp_path, capsys, {**SHIPMENT, **change})
    assert code == 2
    assert out == ""
    assert err.startswith(f"error: {field}:")


def test_invalid_json_and_missing_file(tmp_path, capsys):
    code, out, err = run(tmp_path, capsys, "{not json")
    assert code == 2 and "not valid JSON" in err and out == ""
    assert main(["landed-cost", "--input", str(tmp_path / "none.json"), "--json"]) == 1
