"""``seaward hs …``: the HS classification assistant on the command line.

Contract (issue 4, keep it stable):

* ``seaward hs classify "TEXT" --json`` prints one JSON object
  ``{"codes": [{"code": "851671", "score": …, "path": [{"code": "XVI", …}, …], "why": …}, …]}``;
* ``seaward hs classify --input FILE.csv --json``: a CSV with a header row and
  ``id,text``; other columns are attributes (``attributes`` as a JSON object,
  ``category_path_en``, ``category_path_zh``, ``price``, any other column as a
  key–value); one JSON object per input row, in order, ``{"id": …, "codes": […]}``.

Only JSON goes to stdout; messages go to stderr.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seaward.customs.hs_classifier import ConfirmedExample
    from seaward.customs.hs_text import ProductInput

MAX_INPUT_BYTES = 50 * 1024 * 1024
BATCH = 64
_KNOWN_COLUMNS = {"id", "text", "attributes", "category_path_en", "category_path_zh", "price"}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    hs = subparsers.add_parser("hs", help="HS 2022 classification assistant")
    commands = hs.add_subparsers(dest="hs_command", metavar="SUBCOMMAND")
    commands.required = True

    classify = commands.add_parser(
        "classify", help="top HS 2022 subheadings for a product text or a CSV of products"
    )
    classify.add_argument(
        "text", nargs="?", help="product text (title, description…) in any language"
    )
    classify.add_argument(
        "--input", type=Path, help="CSV with a header row: id,text[,attribute columns]"
    )
    classify.add_argument("--json", action="store_true", help="print JSON (one object per product)")
    classify.add_argument("--top", type=int, default=5, help="how many subheadings (default 5)")
    classify.add_argument("--attributes", help="JSON object of attributes for TEXT")
    classify.add_argument("--category", default="", help="marketplace category path for TEXT")
    classify.add_argument(
        "--confirmed",
        type=Path,
        help="CSV text,code of the organization's confirmed classifications",
    )
    classify.add_argument("--no-why", action="store_true", help="leave the explanation out")
    classify.set_defaults(func=_classify)

    lines = commands.add_parser("lines", help="US HTS and UK tariff lines under a subheading")
    lines.add_argument("code", help="six-digit HS 2022 subheading, e.g. 8516.71")
    lines.add_argument("--json", action="store_true")
    lines.set_defaults(func=_lines)

    path = commands.add_parser("path", help="section → chapter → heading → subheading of a code")
    path.add_argument("code")
    path.add_argument("--json", action="store_true")
    path.set_defaults(func=_path)


def _fail(message: str, status: int = 2) -> int:
    print(f"seaward hs: {message}", file=sys.stderr)
    return status


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise FileNotFoundError(f"input file not found: {path}")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise ValueError(f"input file is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB: {path}")
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = reader.fieldnames or []
    return [dict(row) for row in reader] if columns else []


def _product(row: dict[str, str], line: int) -> ProductInput:
    from seaward.customs.hs_text import ProductInput, parse_attributes

    attributes = parse_attributes(row.get("attributes") or "")
    for column, value in row.items():
        if column and column not in _KNOWN_COLUMNS and value:
            attributes.setdefault(column, value)
    return ProductInput(
        text=row.get("text") or "",
        attributes=attributes,
        category_path_en=row.get("category_path_en") or "",
        category_path_zh=row.get("category_path_zh") or "",
        price=row.get("price") or "",
    )


def _confirmed(path: Path | None) -> list[ConfirmedExample]:
    from seaward.customs.hs_classifier import ConfirmedExample

    if path is None:
        return []
    rows = _read_csv(path)
    if rows and not {"text", "code"} <= set(rows[0]):
        raise ValueError(f"{path}: the confirmed-classifications CSV needs columns text,code")
    from seaward.customs.hs_errors import UnknownHsCode
    from seaward.customs.hs_nomenclature import load_nomenclature, normalise_code

    nomenclature = load_nomenclature()
    examples = []
    for line, row in enumerate(rows, start=2):
        code = normalise_code(row["code"] or "")
        if len(code) < 6 or not nomenclature.exists(code[:6]):
            raise UnknownHsCode(f"{row['code']} ({path}, line {line})")
        examples.append(ConfirmedExample(row["text"] or "", code[:6]))
    return examples


def _classify(args: argparse.Namespace) -> int:
    from seaward.customs.hs_errors import HsError

    if (args.text is None) == (args.input is None):
        return _fail("give either a product TEXT or --input FILE.csv (not both)")
    if args.top < 1:
        return _fail("--top must be at least 1")
    try:
        confirmed = _confirmed(args.confirmed)
        if args.input is not None:
            return _classify_file(args, confirmed)
        from seaward.customs.hs_text import ProductInput, parse_attributes

        product = ProductInput(
            text=args.text,
            attributes=parse_attributes(args.attributes or ""),
            category_path_en=args.category,
        )
    except (HsError, OSError, ValueError, csv.Error) as error:
        return _fail(str(error))
    from seaward.customs.hs_classifier import default_classifier

    result = default_classifier().classify(product, top=args.top, confirmed=confirmed)
    if args.json:
        print(json.dumps(result.as_dict(not args.no_why), ensure_ascii=False))
    else:
        for candidate in result.codes:
            print(f"{candidate.code}  {candidate.score:.3f}  {candidate.path[-1].description}")
    return 0


def _classify_file(args: argparse.Namespace, confirmed: list[ConfirmedExample]) -> int:
    from seaward.customs.hs_classifier import default_classifier
    from seaward.customs.hs_errors import HsError

    rows = _read_csv(args.input)
    if rows and "text" not in rows[0]:
        return _fail(f"{args.input}: the CSV needs a header row with the columns id,text")
    parsed: list[tuple[str, ProductInput | None, str]] = []
    for line, row in enumerate(rows, start=2):
        row_id = row.get("id") or str(line - 1)
        try:
            parsed.append((row_id, _product(row, line), ""))
        except HsError as error:
            parsed.append((row_id, None, f"line {line}: {error}"))
    classifier = default_classifier()
    status = 0
    for start in range(0, len(parsed), BATCH):
        chunk = parsed[start : start + BATCH]
        valid = [p for _, p, _ in chunk if p is not None]
        results = iter(classifier.classify_many(valid, top=args.top, confirmed=confirmed))
        for row_id, product, problem in chunk:
            if product is None:
                status = 1
                print(f"seaward hs: {problem}", file=sys.stderr)
                print(json.dumps({"id": row_id, "codes": [], "error": problem}, ensure_ascii=False))
                continue
            result = next(results)
            if args.json:
                out = {"id": row_id, **result.as_dict(not args.no_why)}
                print(json.dumps(out, ensure_ascii=False), flush=False)
            else:
                print(row_id, " ".join(c.code for c in result.codes))
        sys.stdout.flush()
    return status


def _lines(args: argparse.Namespace) -> int:
    from seaward.customs.hs_errors import HsError
    from seaward.customs.hs_national import national_extensions

    try:
        result = national_extensions(args.code)
    except HsError as error:
        return _fail(str(error))
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        for line in [*result.us, *result.uk]:
            flag = "" if line.mapped_to_hs2022 else "  [unmapped: HS 2017]"
            print(f"{line.country} {line.code}  {line.duty_rate:>12}  {line.description}{flag}")
    return 0


def _path(args: argparse.Namespace) -> int:
    from seaward.customs.hs_errors import HsError
    from seaward.customs.hs_nomenclature import load_nomenclature

    try:
        steps = load_nomenclature().path(args.code)
    except HsError as error:
        return _fail(str(error))
    if args.json:
        print(json.dumps({"path": [s.as_dict() for s in steps]}, ensure_ascii=False))
    else:
        for step in steps:
            print(f"{step.code:>8}  {step.description}")
    return 0
