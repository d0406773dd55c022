"""``seaward screening import-list FILE --list ID``: put a published list file in force.

Prints one JSON line (the list, "loaded" or "unchanged", the snapshot id, counts of
entries added, changed and removed) on stdout. A bad or truncated file is reported on
stderr naming the line or element at fault, exit status 2, and the list in force stays.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

EXIT_BAD_INPUT = 2
LIST_IDS = ("us_ofac_sdn", "us_ofac_cons", "un_sc", "us_bis_dpl", "us_trade_csl")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    screening = subparsers.add_parser(
        "screening", help="restricted-party screening operations (list imports)"
    )
    actions = screening.add_subparsers(dest="screening_command", metavar="ACTION")
    actions.required = True
    importer = actions.add_parser(
        "import-list",
        help="load a published list file as a new snapshot (re-screens what changed)",
        description="Formats: OFAC legacy CSV (sdn.csv or cons_prim.csv; add/alt/comments "
        "files beside it are found by name), UN SC consolidated XML, BIS DPL (tab separated), "
        "US Consolidated Screening List CSV. Plain or .xz.",
    )
    importer.add_argument("file", type=Path, help="the list file (OFAC: the main file)")
    importer.add_argument("--list", dest="list_id", required=True, choices=LIST_IDS)
    importer.add_argument("--add", type=Path, help="OFAC address file (default: beside FILE)")
    importer.add_argument("--alt", type=Path, help="OFAC alias file (default: beside FILE)")
    importer.add_argument("--comments", type=Path, help="OFAC comments file")
    importer.add_argument("--published", help="publication date YYYY-MM-DD")
    importer.add_argument("--source", default="", help="where the file came from")
    importer.set_defaults(func=_import_list)


def _fail(message: str) -> int:
    print(f"seaward screening import-list: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _import_list(args: argparse.Namespace) -> int:
    published = None
    if args.published:
        try:
            published = date.fromisoformat(args.published)
        except ValueError:
            return _fail(f"--published {args.published[:20]!r} is not a YYYY-MM-DD date")
    from seaward.cli import django_setup

    django_setup()
    from seaward.compliance.snapshots import list_import
    from seaward.core.errors import DomainError

    try:
        outcome = list_import(
            args.list_id,
            args.file,
            add=args.add,
            alt=args.alt,
            comments=args.comments,
            published=published,
            source=args.source,
            loaded_by="seaward screening import-list",
        )
    except DomainError as error:
        return _fail(error.message)
    print(json.dumps(outcome.as_dict(), ensure_ascii=False))
    return 0
