"""``seaward screen …``: restricted-party screening on the command line.

Contract (issue 5, keep it stable):

* ``seaward screen "NAME" [--country C] [--type T] [--birth-date D] [--threshold N] --json``
  prints ``{"query": {…}, "hits": [{"list", "entity_id", "name", "matched_name", "score",
  "alert", "explanation"}, …]}``, best first;
* ``seaward screen --input FILE.csv --json``: CSV ``id,name[,country,type,birth_date]``,
  one ``{"id": …, "hits": […]}`` per row, in input order;
* ``seaward screen compare --input PAIRS.csv --json``: CSV ``id,query,candidate[,type]``,
  one ``{"id": …, "score": 0-100, "match": bool}`` per row; ``match`` is
  ``score >= DEFAULT_ALERT_THRESHOLD``.

The word ``compare`` as the first argument selects the pair comparison; to screen a party
literally named "compare", use ``--name compare``. Only JSON goes to stdout; a bad input
is reported on stderr with a non-zero exit status before anything is printed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seaward.compliance.index import ScreeningIndex
    from seaward.compliance.matching import Query

EXIT_BAD_INPUT = 2
COMPARE = "compare"
PARALLEL_MIN_ROWS = 20_000
AUTO_WORKERS = 2
BATCH_CHUNK = 500


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    screen = subparsers.add_parser(
        "screen",
        help="screen a name (or a CSV of names) against the restricted-party lists",
        description="Screen a party against OFAC SDN and non-SDN, UN SC, BIS DPL and the US CSL. "
        "--input FILE.csv screens a CSV with columns id,name[,country,type,birth_date]; "
        "`seaward screen compare --input PAIRS.csv` scores the name pairs of a CSV with columns "
        "id,query,candidate[,type] instead. Output: JSON lines.",
    )
    screen.add_argument("name", nargs="?", help='the name to screen, or the word "compare"')
    screen.add_argument(
        "--name", dest="name_option", help="the name to screen (any text, even 'compare')"
    )
    screen.add_argument("--input", type=Path, help="UTF-8 CSV with a header row (columns above)")
    screen.add_argument(
        "--country", default="", help="ISO 3166 alpha-2 code or English country name"
    )
    screen.add_argument("--type", default="", help="person, organization, vessel or aircraft")
    screen.add_argument("--birth-date", default="", help="YYYY or YYYY-MM-DD")
    screen.add_argument("--threshold", type=float, default=None, help="alert threshold 0-100")
    screen.add_argument("--json", action="store_true", help="print JSON (the only output format)")
    screen.add_argument(
        "--workers",
        type=int,
        default=None,
        help=f"processes for --input (default: 2 from {PARALLEL_MIN_ROWS:,} rows)",
    )
    screen.set_defaults(func=_run)


def _fail(message: str) -> int:
    print(f"seaward screen: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _run(args: argparse.Namespace) -> int:
    from seaward.compliance.errors import ComplianceError

    try:
        if args.name == COMPARE and args.name_option is None:
            return _compare(args)
        return _screen(args)
    except ComplianceError as exc:
        return _fail(exc.message)


def _threshold(value: float | None) -> float:
    from seaward.compliance.errors import ScreeningInputInvalid
    from seaward.compliance.matching import DEFAULT_ALERT_THRESHOLD

    if value is None:
        return DEFAULT_ALERT_THRESHOLD
    if not 0 <= value <= 100:
        raise ScreeningInputInvalid("--threshold must be between 0 and 100", field="threshold")
    return value


def _compare(args: argparse.Namespace) -> int:
    from seaward.compliance.errors import ScreeningInputInvalid
    from seaward.compliance.matching import compare_names
    from seaward.compliance.queries import clean_name, clean_type, read_csv

    if args.input is None:
        raise ScreeningInputInvalid("`screen compare` needs --input PAIRS.csv", field="input")
    threshold = _threshold(args.threshold)
    table = read_csv(args.input, required=("id", "query", "candidate"))
    pairs = []
    for line, row in table.rows:
        try:
            query = clean_name(row["query"], field="query")
            candidate = clean_name(row["candidate"], field="candidate")
            entity_type = clean_type(row.get("type", ""))
        except ScreeningInputInvalid as exc:
            raise ScreeningInputInvalid(f"line {line}: {exc.reason}", field="input") from exc
        pairs.append((row["id"], query, candidate, entity_type))
    out = sys.stdout
    for pair_id, query, candidate, entity_type in pairs:
        score = compare_names(query, candidate, entity_type).score
        out.write(_dump({"id": pair_id, "score": score, "match": score >= threshold}) + "\n")
    out.flush()
    return 0


def _batch_queries(args: argparse.Namespace) -> Iterator[tuple[str, Query]]:
    from seaward.compliance.errors import ScreeningInputInvalid
    from seaward.compliance.matching import Query
    from seaward.compliance.queries import (
        clean_country,
        clean_name,
        clean_type,
        lenient_birth_date,
        read_csv,
    )

    table = read_csv(args.input, required=("id", "name"))
    queries = []
    for line, row in table.rows:
        try:
            name = clean_name(row["name"])
        except ScreeningInputInvalid as exc:
            raise ScreeningInputInvalid(f"line {line}: {exc.reason}", field="input") from exc
        facts: dict[str, str | None] = {}
        # A fact that cannot be read only loses its evidence; the name is still screened.
        for column, cleaner, key in (
            ("country", clean_country, "country"),
            ("type", clean_type, "entity_type"),
            ("birth_date", lenient_birth_date, "birth_date"),
        ):
            try:
                facts[key] = cleaner(row.get(column, ""))
            except ScreeningInputInvalid as exc:
                print(f"seaward screen: line {line}: {exc.reason}; ignored", file=sys.stderr)
                facts[key] = cleaner("")
        queries.append(
            (
                row["id"],
                Query(
                    name=name,
                    entity_type=facts["entity_type"],
                    country=facts["country"] or "",
                    birth_date=facts["birth_date"] or "",
                ),
            )
        )
    return iter(queries)


_BATCH_INDEX: ScreeningIndex | None = None


def _workers(requested: int | None, rows: int) -> int:
    if requested is not None:
        if requested < 1:
            from seaward.compliance.errors import ScreeningInputInvalid

            raise ScreeningInputInvalid("--workers must be at least 1", field="workers")
        return requested
    cpus = os.cpu_count() or 1
    fork = "fork" in multiprocessing.get_all_start_methods()
    return min(cpus, AUTO_WORKERS) if fork and rows >= PARALLEL_MIN_ROWS else 1


def _screen_lines(chunk: list[tuple[str, Query]], threshold: float) -> str:
    assert _BATCH_INDEX is not None
    lines = []
    for row_id, query in chunk:
        hits = _BATCH_INDEX.screen(query, threshold=threshold)
        lines.append(_dump({"id": row_id, "hits": [h.as_dict() for h in hits]}) + "\n")
    return "".join(lines)


def _screen_batch(
    index: ScreeningIndex, queries: list[tuple[str, Query]], threshold: float, workers: int
) -> None:
    """Screen every row and print its line, in input order (forked workers share the index)."""
    global _BATCH_INDEX
    _BATCH_INDEX = index
    chunks = [queries[i : i + BATCH_CHUNK] for i in range(0, len(queries), BATCH_CHUNK)]
    out = sys.stdout
    if workers == 1:
        for chunk in chunks:
            out.write(_screen_lines(chunk, threshold))
    else:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for text in pool.imap(partial(_screen_lines, threshold=threshold), chunks):
                out.write(text)
    out.flush()


def _screen(args: argparse.Namespace) -> int:
    from seaward.compliance.errors import ScreeningInputInvalid
    from seaward.compliance.index import shipped_index
    from seaward.compliance.queries import make_query

    threshold = _threshold(args.threshold)
    name = args.name_option if args.name_option is not None else args.name
    if args.input is not None:
        if name is not None:
            raise ScreeningInputInvalid(
                "give either a NAME or --input FILE.csv, not both", field="input"
            )
        queries = list(_batch_queries(args))
        _screen_batch(shipped_index(), queries, threshold, _workers(args.workers, len(queries)))
        return 0
    if name is None:
        raise ScreeningInputInvalid(
            'give a NAME to screen, --input FILE.csv, or "compare --input"', field="name"
        )
    query = make_query(
        name, country=args.country, entity_type=args.type, birth_date=args.birth_date
    )
    index = shipped_index()
    hits = index.screen(query, threshold=threshold)
    result = {
        "query": {
            "name": query.name,
            "country": query.country or None,
            "type": query.entity_type,
            "birth_date": query.birth_date or None,
            "threshold": threshold,
        },
        "lists": index.versions,
        "hits": [h.as_dict() for h in hits],
    }
    sys.stdout.write(_dump(result) + "\n")
    return 0
