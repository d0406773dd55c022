"""``seaward landed-cost --input FILE.json --json``: the shipment in, the breakdown out.

The input format is documented in :mod:`seaward.customs.landed_cost`. Stdout carries
only the JSON breakdown; a bad input prints ``error: <field>: <message>`` on stderr
and exits with status 2 (1 for an unreadable file).
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "landed-cost",
        help="landed cost of a shipment (duty, US fees, VAT, CBAM) under an Incoterm",
        description="Compute the landed cost breakdown of a shipment given as JSON.",
    )
    parser.add_argument("--input", required=True, help="shipment JSON file ('-' for stdin)")
    parser.add_argument("--json", action="store_true", help="print the breakdown as JSON")
    parser.set_defaults(func=handle)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def handle(args: argparse.Namespace) -> int:
    from seaward.customs.landed_cost import compute_from_json
    from seaward.customs.landed_cost_errors import CustomsError

    try:
        text = _read(args.input)
    except OSError as exc:
        print(f"error: --input: cannot read {args.input!r}: {exc.strerror}", file=sys.stderr)
        return 1
    try:
        raw = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        print(f"error: --input: not valid JSON ({exc.msg} at line {exc.lineno})", file=sys.stderr)
        return 2
    try:
        result = compute_from_json(raw)
    except CustomsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    data = result.as_dict()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(f"{'component':<20} {'paid by':<7} {'amount':>16} {data['currency']}")
        for item in data["components"]:
            print(f"{item['name']:<20} {item['paid_by']:<7} {item['amount']:>16}")
        print(f"{'total landed cost':<28} {data['total_landed_cost']:>16}")
        for warning in data["warnings"]:
            print(f"warning: {warning}", file=sys.stderr)
    return 0
