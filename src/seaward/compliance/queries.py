"""Validation of screening input: names, countries, types, birth dates, CSV files."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from seaward.compliance.countries import country_code
from seaward.compliance.errors import ScreeningInputInvalid
from seaward.compliance.matching import Query
from seaward.compliance.names import MAX_NAME_CHARS

MAX_CSV_BYTES = 200 * 1024 * 1024
MAX_CSV_ROWS = 2_000_000
_TYPE_WORDS = {
    "person": "person",
    "individual": "person",
    "people": "person",
    "organization": "organization",
    "organisation": "organization",
    "company": "organization",
    "entity": "organization",
    "legal entity": "organization",
    "legalentity": "organization",
    "business": "organization",
    "vessel": "vessel",
    "ship": "vessel",
    "aircraft": "aircraft",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_name(value: str, *, field: str = "name") -> str:
    """A name fit to screen: not empty, not huge, no control characters."""
    if len(value) > MAX_NAME_CHARS:
        raise ScreeningInputInvalid(
            f"{field} is longer than {MAX_NAME_CHARS} characters", field=field
        )
    if _CONTROL.search(value):
        raise ScreeningInputInvalid(f"{field} contains control characters", field=field)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        # Undecodable bytes on the command line arrive as lone surrogates.
        raise ScreeningInputInvalid(
            f"{field} is not valid text in the locale's encoding", field=field
        ) from exc
    name = " ".join(value.split())
    if not name or not any(ch.isalnum() for ch in name):
        raise ScreeningInputInvalid(f"{field} is empty", field=field)
    return name


def clean_type(value: str) -> str | None:
    text = " ".join(value.strip().casefold().replace("_", " ").replace("-", " ").split())
    if not text:
        return None
    if text not in _TYPE_WORDS:
        raise ScreeningInputInvalid(
            f"unknown type {value[:40]!r}: use person, organization, vessel or aircraft",
            field="type",
        )
    return _TYPE_WORDS[text]


def clean_country(value: str) -> str:
    text = value.strip()
    if not text:
        return ""
    code = country_code(text)
    if not code:
        raise ScreeningInputInvalid(
            f"unknown country {text[:60]!r}: use an ISO 3166 alpha-2 code or an English name",
            field="country",
        )
    return code


def clean_birth_date(value: str) -> str:
    text = value.strip()
    if not text:
        return ""
    if re.fullmatch(r"\d{4}", text):
        return text
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            date.fromisoformat(text)
        except ValueError:
            pass
        else:
            return text
    raise ScreeningInputInvalid(
        f"birth date {text[:20]!r} is not YYYY or YYYY-MM-DD", field="birth_date"
    )


def lenient_birth_date(value: str) -> str:
    """A birth date from a file: an impossible day (1974-01-32) still gives its year."""
    try:
        return clean_birth_date(value)
    except ScreeningInputInvalid:
        head = value.strip()[:4]
        if re.fullmatch(r"\d{4}", head) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()):
            return head
        raise


def make_query(
    name: str, *, country: str = "", entity_type: str = "", birth_date: str = ""
) -> Query:
    """A validated query; any bad field raises ``ScreeningInputInvalid``."""
    return Query(
        name=clean_name(name),
        entity_type=clean_type(entity_type),
        country=clean_country(country),
        birth_date=clean_birth_date(birth_date),
    )


@dataclass(frozen=True)
class CsvTable:
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line number, row)


def read_csv(path: Path, *, required: tuple[str, ...]) -> CsvTable:
    """A whole UTF-8 CSV with a header row, or a ``ScreeningInputInvalid`` naming the line."""
    if not path.is_file():
        raise ScreeningInputInvalid(f"input file not found: {path}", field="input")
    if path.stat().st_size > MAX_CSV_BYTES:
        raise ScreeningInputInvalid(
            f"input file is larger than {MAX_CSV_BYTES // 2**20} MB", field="input"
        )
    raw = path.read_bytes()
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise ScreeningInputInvalid(
            f"line {line}: NUL byte (UTF-16 or binary file?); use UTF-8", field="input"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScreeningInputInvalid(f"line {line}: not UTF-8 text", field="input") from exc
    csv.field_size_limit(MAX_NAME_CHARS * 20)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise ScreeningInputInvalid("the file is empty (a header row is needed)", field="input")
        columns = [h.strip().lower() for h in header]
        missing = [c for c in required if c not in columns]
        if missing:
            raise ScreeningInputInvalid(
                f"line 1: header lacks column(s) {', '.join(missing)} "
                f"(it has: {', '.join(columns)[:200]})",
                field="input",
            )
        rows: list[tuple[int, dict[str, str]]] = []
        for row in reader:
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(rows) >= MAX_CSV_ROWS:
                raise ScreeningInputInvalid(f"more than {MAX_CSV_ROWS} rows", field="input")
            if len(row) > len(columns):
                raise ScreeningInputInvalid(
                    f"line {reader.line_num}: {len(row)} fields, the header has {len(columns)}",
                    field="input",
                )
            values = dict(zip(columns, row, strict=False))
            rows.append((reader.line_num, {c: values.get(c, "") for c in columns}))
    except csv.Error as exc:
        raise ScreeningInputInvalid(
            f"line {reader.line_num}: bad CSV ({exc})", field="input"
        ) from exc
    return CsvTable(columns, rows)
