"""Command-line entry points of the ledger context.

``seaward bank parse FILE --json`` is a measured contract: stdout carries only the
JSON document; a rejected file exits non-zero with one clear line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_REJECTED = 2
EXIT_UNREADABLE = 3


def register(subparsers: argparse._SubParsersAction) -> None:
    bank = subparsers.add_parser("bank", help="bank statements (MT940, MT942, camt.052/053/054)")
    actions = bank.add_subparsers(dest="bank_command", metavar="ACTION")
    actions.required = True
    parse = actions.add_parser(
        "parse",
        help="parse a statement file into the normalized statement model",
        description="Parse a SWIFT MT940/MT942 or ISO 20022 camt.052/053/054 file.",
    )
    parse.add_argument("file", metavar="FILE", help="the statement file")
    parse.add_argument("--json", action="store_true", help="print the statements as JSON")
    parse.add_argument("--max-bytes", type=int, default=None, help="refuse files larger than this")
    parse.set_defaults(func=_parse)


def _summary(document: dict[str, Any]) -> str:
    lines = []
    for s in document["statements"]:
        lines.append(
            f"{s['format']} {s['account'] or '-'} {s['currency'] or '-'}: "
            f"{len(s['entries'])} entries, opening {s['opening_balance']}, "
            f"closing {s['closing_balance']}"
        )
        lines.extend(f"  warning: {w}" for w in s["warnings"])
    return "\n".join(lines)


def _parse(args: argparse.Namespace) -> int:
    from seaward.ledger.statements import StatementRejected, document, parse_file
    from seaward.ledger.statements.reading import MAX_BYTES

    try:
        statements = parse_file(args.file, max_bytes=args.max_bytes or MAX_BYTES)
    except StatementRejected as exc:
        print(f"seaward bank parse: {args.file}: rejected: {exc.message}", file=sys.stderr)
        return EXIT_REJECTED
    except OSError as exc:
        print(f"seaward bank parse: {args.file}: cannot read: {exc.strerror}", file=sys.stderr)
        return EXIT_UNREADABLE
    doc = document(statements)
    if args.json:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        print(_summary(doc))
    return 0
