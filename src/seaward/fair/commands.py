"""Command line of the fair context: ``seaward fair match`` (the matchmaking contract).

Works from the shipped files alone (no Django). Only the JSON lines go to stdout;
errors go to stderr with a non-zero exit status.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from seaward.fair.errors import BadCatalogFile, FairError

#: A products or requests file larger than this is refused rather than read into memory.
MAX_FILE_BYTES = 200 * 1024 * 1024


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    fair = subparsers.add_parser("fair", help="trade fair: cross-lingual matchmaking")
    fair_sub = fair.add_subparsers(dest="fair_command", metavar="SUBCOMMAND")
    fair_sub.required = True
    match = fair_sub.add_parser(
        "match",
        help="match sourcing requests to products by meaning, across languages",
        description=(
            "Rank products (CSV id,title[,description]) for each request (CSV id,text); "
            "one JSON line per request, in the order of the requests file."
        ),
    )
    match.add_argument("--products", required=True, type=Path, help="CSV: id,title[,description]")
    match.add_argument("--requests", required=True, type=Path, help="CSV: id,text")
    match.add_argument("--top", type=int, default=10, help="matches per request (default 10)")
    match.add_argument("--json", action="store_true", help="JSON lines output (the default)")
    match.add_argument(
        "--explain", action="store_true", help="add each match's structured explanation"
    )
    match.set_defaults(func=_match)

    from seaward.fair import reindex_cli

    reindex_cli.register(fair_sub)


def read_csv_rows(path: Path, required: Sequence[str], what: str) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV with a header; a clear error if it is unusable."""
    name = str(path)
    if not path.is_file():
        raise BadCatalogFile(params={"file": name, "problem": "no such file"})
    if path.stat().st_size > MAX_FILE_BYTES:
        raise BadCatalogFile(
            params={"file": name, "problem": f"larger than {MAX_FILE_BYTES} bytes"}
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8 (byte {exc.start})"
        raise BadCatalogFile(params={"file": name, "problem": problem}) from exc
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
        if not header:
            raise BadCatalogFile(params={"file": name, "problem": "empty file (no header row)"})
        missing = [c for c in required if c not in header]
        if missing:
            problem = (
                f"missing column(s) {', '.join(missing)} in the {what} file "
                f"(header: {', '.join(header)}; expected {', '.join(required)})"
            )
            raise BadCatalogFile(params={"file": name, "problem": problem})
        reader.fieldnames = header
        rows: list[dict[str, str]] = []
        seen: set[str] = set()
        for line_no, raw in enumerate(reader, start=2):
            row = {k: (v or "").strip() for k, v in raw.items() if isinstance(k, str)}
            if not any(row.values()):
                continue
            if not row.get("id"):
                problem = f"line {line_no}: empty id"
                raise BadCatalogFile(params={"file": name, "problem": problem})
            if row["id"] in seen:
                problem = f"line {line_no}: duplicate id {row['id']!r}"
                raise BadCatalogFile(params={"file": name, "problem": problem})
            seen.add(row["id"])
            rows.append(row)
    except csv.Error as exc:
        raise BadCatalogFile(params={"file": name, "problem": f"bad CSV: {exc}"}) from exc
    if not rows:
        raise BadCatalogFile(params={"file": name, "problem": f"no {what} rows after the header"})
    return rows


def _match(args: argparse.Namespace) -> int:
    if args.top < 1:
        print("seaward fair match: --top must be at least 1", file=sys.stderr)
        return 2
    try:
        product_rows = read_csv_rows(args.products, ("id", "title"), "products")
        request_rows = read_csv_rows(args.requests, ("id", "text"), "requests")
        from seaward.fair.matching import (
            Catalog,
            Product,
            SourcingRequest,
            as_contract_line,
            explanation_as_data,
            match_requests,
        )

        catalog = Catalog(
            [
                Product(id=r["id"], title=r["title"], description=r.get("description", ""))
                for r in product_rows
            ]
        )
        requests = [SourcingRequest(id=r["id"], text=r["text"]) for r in request_rows]
        results = match_requests(catalog, requests, top=args.top)
    except FairError as exc:
        print(f"seaward fair match: {exc.message}", file=sys.stderr)
        return 2
    out = sys.stdout
    for result in results:
        line = as_contract_line(result)
        if args.explain:
            for entry, m in zip(line["matches"], result.matches, strict=True):  # type: ignore[call-overload]
                entry["explanation"] = explanation_as_data(m.explanation)
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    out.flush()
    return 0
