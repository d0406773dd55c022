"""Benchmark: duty-rate parsing coverage and landed-cost latency.

Run: .venv/bin/python benchmarks/customs_landed_cost.py
Writes benchmarks/results/customs_landed_cost.json with
- rate parsing coverage of the shipped US HTS (share of tariff lines whose rate texts all
  parse, share of rate texts that parse, share of general rates computable from value and
  quantity alone) and of the UK/EU file;
- latency p50/p99 of one landed-cost computation for a 20-line shipment, warm, in process
  (and the cold first call, which loads the tariffs).
"""

from __future__ import annotations

import csv
import json
import platform
import statistics
import time
from collections import Counter
from pathlib import Path

from seaward.customs.duty_rates import parse_rate, parse_special
from seaward.customs.landed_cost import compute_from_json
from seaward.customs.landed_cost_errors import RateParseError
from seaward.customs.tariff import US_HTS_FILE
from seaward.customs.tariff_uk import UK_FILE, status_of_hs2017_subheadings
from seaward.reference import datafiles

RESULTS = Path(__file__).resolve().parent / "results" / "customs_landed_cost.json"
US_COLUMNS = ("General Rate of Duty", "Special Rate of Duty", "Column 2 Rate of Duty")
RUNS = 300

HS_CODES = [
    "8516.71.00", "0102.29.40", "8203.20.60", "8517.13.00", "6109.10.00.12",
    "9403.60.80", "8471.30.01", "6404.11.20", "3926.90.99", "8543.70.45",
]  # fmt: skip
EU_CODES = [
    "85167100", "04069021", "82032000", "851713", "61091000",
    "94036090", "84713000", "64041100", "39269097", "72083900",
]  # fmt: skip


def _parse(column: str, text: str) -> bool:
    try:
        if column == "Special Rate of Duty":
            parse_special(text)
        else:
            parse_rate(text)
    except RateParseError:
        return False
    return True


def us_coverage() -> dict[str, object]:
    lines = lines_ok = texts = texts_ok = general = general_computable = 0
    forms: Counter[str] = Counter()
    with datafiles.open_text(US_HTS_FILE) as handle:
        for record in csv.DictReader(handle):
            rate_texts = [(c, record[c].strip()) for c in US_COLUMNS if record[c].strip()]
            if not rate_texts:
                continue
            results = [_parse(c, t) for c, t in rate_texts]
            lines += 1
            lines_ok += all(results)
            texts += len(results)
            texts_ok += sum(results)
            text = record["General Rate of Duty"].strip()
            if text and not record["HTS Number"].startswith("99"):
                general += 1
                try:
                    rate = parse_rate(text)
                except RateParseError:
                    continue
                forms[rate.form] += 1
                # as a line's own rate, chapter-99 style and "No change" texts point elsewhere
                general_computable += rate.computable and rate.kind not in ("ch99", "no_change")
    return {
        "file": US_HTS_FILE,
        "lines_with_rates": lines,
        "lines_all_rates_parsed": lines_ok,
        "line_parse_share": round(lines_ok / lines, 6),
        "rate_texts": texts,
        "rate_texts_parsed": texts_ok,
        "text_parse_share": round(texts_ok / texts, 6),
        "general_rates_outside_ch99": general,
        "general_rates_computable_from_value_and_quantity": general_computable,
        "computable_share": round(general_computable / general, 6),
        "general_rate_forms": dict(forms.most_common()),
    }


def uk_eu_coverage() -> dict[str, object]:
    out: dict[str, object] = {"file": UK_FILE}
    with datafiles.open_text(UK_FILE) as handle:
        rows = list(csv.DictReader(handle))
    for column in ("ukgt_duty_rate", "cet_duty_rate"):
        parsed = computable = 0
        for row in rows:
            try:
                rate = parse_rate(row[column])
            except RateParseError:
                continue
            parsed += 1
            computable += rate.computable
        out[column] = {
            "lines": len(rows),
            "parsed": parsed,
            "parse_share": round(parsed / len(rows), 6),
            "computable_share": round(computable / len(rows), 6),
        }
    out["hs2017_to_hs2022_status"] = status_of_hs2017_subheadings()
    return out


def shipment(destination: str, currency: str) -> dict[str, object]:
    lines = []
    for i in range(20):
        code = HS_CODES[i % len(HS_CODES)]
        lines.append(
            {
                "id": str(i + 1),
                "hs_code": code if destination == "US" else code.replace(".", "")[:6],
                "origin": ["CN", "VN", "DE", "MX"][i % 4],
                "value": f"{1000 + 137 * i}.50",
                "quantity": str(100 + i),
                "unit": "pcs",
                "weight_kg": str(50 + 3 * i),
            }
        )
    return {
        "destination": destination,
        "date": "2025-09-15",
        "currency": currency,
        "incoterm": "CIF",
        "transport_mode": "sea",
        "freight": "2400",
        "insurance_rate": "0.003",
        "lines": lines,
    }


def latency(data: dict[str, object]) -> dict[str, float]:
    start = time.perf_counter()
    compute_from_json(data)
    cold = time.perf_counter() - start
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        compute_from_json(data)
        samples.append(time.perf_counter() - start)
    samples.sort()
    return {
        "first_call_ms_including_tariff_load": round(cold * 1000, 2),
        "p50_ms": round(statistics.median(samples) * 1000, 3),
        "p99_ms": round(samples[int(0.99 * (len(samples) - 1))] * 1000, 3),
        "runs": RUNS,
    }


def main() -> None:
    us_ship = shipment("US", "CNY")
    eu_ship = shipment("DE", "CNY")
    for i, line in enumerate(eu_ship["lines"]):  # type: ignore[attr-defined]
        line["hs_code"] = EU_CODES[i % len(EU_CODES)]
    result = {
        "benchmark": "customs_landed_cost",
        "machine": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "rate_parsing": {"us_hts": us_coverage(), "uk_eu": uk_eu_coverage()},
        "latency_20_line_shipment": {"US": latency(us_ship), "DE": latency(eu_ship)},
        "baseline": "none named by the issue; latency is warm, in process, 2-core shared VM",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
