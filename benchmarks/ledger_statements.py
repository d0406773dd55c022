"""Bank statement parsing: conformance per format on the development files, and throughput.

Run: ``.venv/bin/python benchmarks/ledger_statements.py``
(writes benchmarks/results/ledger_statements.json).

- Conformance: each file of ../shared/data/eval-dev/bank_statements is parsed in process
  and scored with the contract checker's own comparison (``contract_check.bankexpect``),
  so the figure matches ``contract-check bank``; pass / accepted rejection / fail per format.
- Throughput: entries per second and MB per second on generated statements of 5,000
  entries (MT940, MT942, camt.053, camt.054), beside the bare library parse
  (``mt940.parse`` / ``defusedxml`` tree) as the baseline; and files per second on the
  development files.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
RESULTS = ROOT / "benchmarks" / "results" / "ledger_statements.json"
sys.path.insert(0, str(ROOT / "src"))

from seaward.ledger.statements import (  # noqa: E402
    StatementRejected,
    document,
    parse_bytes,
    sniff,
)

ENTRIES = 5000
REPEATS = 5


def conformance() -> dict[str, Any]:
    tools = SHARED / "tools"
    if not (tools / "contract_check" / "bankexpect.py").exists():
        return {"skipped": "../shared/tools/contract_check is not present"}
    sys.path.insert(0, str(tools))
    from contract_check import bankexpect  # type: ignore[import-not-found]

    tally: dict[str, Counter[str]] = defaultdict(Counter)
    failures = []
    for exp in bankexpect.load():
        data = (bankexpect.BANK / exp.file).read_bytes()
        try:
            fmt = sniff(data).value
        except StatementRejected:
            fmt = "unrecognised"
        try:
            out, rc = json.dumps(document(parse_bytes(data))), 0
        except StatementRejected as exc:
            out, rc = "", 2
            print(f"rejected {exp.file}: {exc.message}", file=sys.stderr)
        verdict, why = bankexpect.compare(exp, rc, out, json.loads)
        tally[fmt][verdict] += 1
        if verdict == "fail":
            failures.append({"file": exp.file, "why": why})
    per_format = {
        fmt: {
            "files": sum(t.values()),
            "pass": t["pass"],
            "accepted_rejection": t["rejected-ok"],
            "fail": t["fail"],
            "pass_rate": round((t["pass"] + t["rejected-ok"]) / sum(t.values()), 4),
        }
        for fmt, t in sorted(tally.items())
    }
    total = sum(v["files"] for v in per_format.values())
    passed = sum(v["pass"] + v["accepted_rejection"] for v in per_format.values())
    return {
        "files": total,
        "passed": passed,
        "pass_rate": round(passed / total, 4) if total else None,
        "per_format": per_format,
        "failures": failures,
    }


def _amount(i: int) -> Decimal:
    value = Decimal((i * 7919) % 250000) / 100 + Decimal("0.01")
    return value if i % 3 else -value


def generated_mt940(n: int, interim: bool = False) -> bytes:
    start = date(2026, 1, 1)
    lines = [":20:BENCH", ":25:DE89370400440532013000", ":28C:1/1"]
    lines += [":34F:EUR0,", ":13D:2601011200+0100"] if interim else [":60F:C260101EUR0,00"]
    total = Decimal(0)
    for i in range(n):
        amount = _amount(i)
        total += amount
        day = start + timedelta(days=i % 300)
        mark = "D" if amount < 0 else "C"
        swift = f"{abs(amount):.2f}".replace(".", ",")
        lines.append(f":61:{day:%y%m%d}{day:%m%d}{mark}{swift}NTRFREF{i}//B{i}")
        lines.append(f":86:/EREF/E2E-{i}/NAME/BUYER {i} LTD/REMI/INVOICE {i} PO {i * 3}/")
    if not interim:
        mark = "D" if total < 0 else "C"
        lines.append(f":62F:{mark}261231EUR{abs(total):.2f}".replace(".", ","))
    return ("\n".join(lines) + "\n-\n").encode()


def generated_camt(n: int, message: str = "053") -> bytes:
    record, root = {"053": ("Stmt", "BkToCstmrStmt"), "054": ("Ntfctn", "BkToCstmrDbtCdtNtfctn")}[
        message
    ]
    start = date(2026, 1, 1)
    parts = []
    total = Decimal(0)
    for i in range(n):
        amount = _amount(i)
        total += amount
        day = start + timedelta(days=i % 300)
        ind = "DBIT" if amount < 0 else "CRDT"
        role = "Cdtr" if amount < 0 else "Dbtr"
        parts.append(
            f'<Ntry><Amt Ccy="EUR">{abs(amount):.2f}</Amt><CdtDbtInd>{ind}</CdtDbtInd>'
            f"<Sts>BOOK</Sts><BookgDt><Dt>{day}</Dt></BookgDt><ValDt><Dt>{day}</Dt></ValDt>"
            f"<AcctSvcrRef>B{i}</AcctSvcrRef><NtryDtls><TxDtls><Refs><EndToEndId>E2E-{i}"
            f"</EndToEndId></Refs><RltdPties><{role}><Nm>Buyer {i} Ltd</Nm></{role}>"
            f"</RltdPties><RmtInf><Ustrd>Invoice {i} PO {i * 3}</Ustrd></RmtInf></TxDtls>"
            "</NtryDtls></Ntry>"
        )
    balances = ""
    if message == "053":
        ind = "DBIT" if total < 0 else "CRDT"
        balances = (
            '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt>'
            "<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-01-01</Dt></Dt></Bal>"
            f'<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{abs(total):.2f}'
            f"</Amt><CdtDbtInd>{ind}</CdtDbtInd><Dt><Dt>2026-12-31</Dt></Dt></Bal>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.{message}.001.08"><{root}>'
        "<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-12-31T18:00:00</CreDtTm></GrpHdr>"
        f"<{record}><Id>BENCH-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id>"
        f"<Ccy>EUR</Ccy></Acct>{balances}{''.join(parts)}</{record}></{root}></Document>"
    ).encode()


def _best_seconds(run: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def throughput() -> dict[str, Any]:
    import defusedxml.ElementTree as SafeET
    import mt940

    cases = {
        "mt940": (generated_mt940(ENTRIES), lambda d: mt940.parse(d.decode())),
        "mt942": (generated_mt940(ENTRIES, interim=True), lambda d: mt940.parse(d.decode())),
        "camt.053": (generated_camt(ENTRIES, "053"), lambda d: SafeET.fromstring(d)),
        "camt.054": (generated_camt(ENTRIES, "054"), lambda d: SafeET.fromstring(d)),
    }
    results = {}
    for name, (data, baseline) in cases.items():
        statements = parse_bytes(data)
        assert sum(len(s.entries) for s in statements) == ENTRIES
        assert not any(s.warnings for s in statements), statements[0].warnings
        ours = _best_seconds(lambda data=data: document(parse_bytes(data)))  # type: ignore[misc]
        bare = _best_seconds(lambda data=data, baseline=baseline: baseline(data))  # type: ignore[misc]
        results[name] = {
            "entries": ENTRIES,
            "bytes": len(data),
            "seconds": round(ours, 4),
            "entries_per_second": round(ENTRIES / ours),
            "mb_per_second": round(len(data) / ours / 1e6, 2),
            "baseline_library_seconds": round(bare, 4),
            "baseline_library_entries_per_second": round(ENTRIES / bare),
            "overhead_vs_library": round(ours / bare, 2),
        }
        print(f"{name}: {results[name]['entries_per_second']} entries/s", file=sys.stderr)
    return results


def dev_files_per_second() -> dict[str, Any] | None:
    folder = SHARED / "data" / "eval-dev" / "bank_statements"
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".sta", ".xml"))
    if not files:
        return None
    blobs = [p.read_bytes() for p in files]
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        for blob in blobs:
            document(parse_bytes(blob))
        timings.append(time.perf_counter() - started)
    best = min(timings)
    return {
        "files": len(blobs),
        "seconds_best": round(best, 4),
        "seconds_median": round(statistics.median(timings), 4),
        "files_per_second": round(len(blobs) / best, 1),
    }


def main() -> int:
    started = time.perf_counter()
    conf = conformance()
    result: dict[str, Any] = {
        "benchmark": "ledger_statements",
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "conformance": conf,
        "throughput_generated": throughput(),
        "throughput_dev_files": dev_files_per_second(),
    }
    result["wall_seconds"] = round(time.perf_counter() - started, 1)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"pass_rate": conf.get("pass_rate"), "per_format": conf.get("per_format")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
