"""``seaward load-reference``: load the shipped reference data into the database."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "load-reference",
        help="load the shipped reference data (idempotent: unchanged data sets are skipped)",
        description="Load countries, currencies, HS codes, UN/LOCODE, ECB FX rates, pegs, "
        "Incoterms, container types and VAT rates (and data sets other contexts register). "
        "Prints one JSON line per data set on stdout; progress goes to stderr.",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="KEY",
        help="load only this data set (repeatable), e.g. --only fx-ecb",
    )
    parser.add_argument(
        "--force", action="store_true", help="reload even when the files are unchanged"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--list", action="store_true", help="list the data set keys and exit")
    parser.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from seaward.cli import django_setup

    django_setup()
    from seaward.core.errors import DomainError
    from seaward.reference.loading import load_reference, registered

    if args.list:
        for loader in registered():
            print(json.dumps({"key": loader.key, "name": loader.name}))
        return 0
    try:
        outcomes = load_reference(only=args.only, force=args.force, progress=not args.no_progress)
    except DomainError as error:
        print(f"seaward load-reference: {error.message}", file=sys.stderr)
        return 2
    for outcome in outcomes:
        print(
            json.dumps(
                {
                    "key": outcome.key,
                    "status": outcome.status,
                    "rows": outcome.row_count,
                    "seconds": round(outcome.seconds, 3),
                }
            )
        )
    return 0
