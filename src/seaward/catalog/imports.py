"""Bulk product import: read a CSV or Excel sheet and check every row, naming row and column.

No Django import: bytes in, checked rows out. The fair app stores a preview and runs the
import (``seaward.fair.catalog_import``), calling catalog services per valid row.

Columns (header row, any order, case-insensitive): ``sku`` and ``origin_country`` are
required, plus at least one of ``title_en``, ``title_zh``, ``title_es``; optional
``hs_code``, ``unit``, ``moq``, ``unit_cost``, ``lead_time_days``, ``prices`` (tiers as
``EUR 300 7.90; USD 1000 8.20``: currency, from quantity, unit price).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
REQUIRED = ("sku", "origin_country")
TITLES = ("title_en", "title_zh", "title_es")
KNOWN = (*REQUIRED, *TITLES, "hs_code", "unit", "moq", "unit_cost", "lead_time_days", "prices")
UNITS = ("pcs", "set", "pair", "ctn", "kg", "m")
_TIER = re.compile(r"^([A-Za-z]{3})\s+(\d{1,9})\s+(\d{1,12}(?:[.,]\d{1,4})?)$")


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, size, header)."""


@dataclass(frozen=True)
class CellError:
    row: int  # the sheet's own row number (the header is row 1)
    column: str
    message: str


@dataclass
class CheckedRow:
    row: int
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_table(data: bytes, filename: str) -> list[dict[str, str]]:
    """The sheet's rows as {column: text}, from CSV (UTF-8) or Excel (.xlsx)."""
    if len(data) > MAX_BYTES:
        raise ImportFileError("The file is larger than 5 MB.")
    if filename.lower().endswith(".xlsx"):
        rows = _xlsx_rows(data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFileError(
                f"The file is not UTF-8 text (byte {error.start}); save it as CSV UTF-8."
            ) from None
        rows = [list(r) for r in csv.reader(io.StringIO(text.replace("\x00", "")))]
    if not rows:
        raise ImportFileError("The file is empty.")
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(f"Missing column(s): {', '.join(missing)}.")
    if not any(t in header for t in TITLES):
        raise ImportFileError("Add a title column: title_en, title_zh or title_es.")
    body = [r for r in rows[1:] if any(str(c or "").strip() for c in r)]
    if len(body) > MAX_ROWS:
        raise ImportFileError(f"At most {MAX_ROWS} rows per file.")
    return [
        {
            header[i]: str(cell if cell is not None else "").strip()
            for i, cell in enumerate(r)
            if i < len(header)
        }
        for r in body
    ]


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise ImportFileError("The file is not a readable Excel workbook (.xlsx).") from None
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        rows.append(list(values))
        if len(rows) > MAX_ROWS + 1:
            break
    workbook.close()
    return rows


def check_rows(rows: list[dict[str, str]]) -> list[CheckedRow]:
    """Each row checked on its own; duplicate SKUs within the file are errors too."""
    checked = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(rows, start=2):
        row = CheckedRow(index)
        _check_row(raw, row)
        sku = row.values.get("sku")
        if sku:
            if sku in seen:
                row.errors.append(CellError(index, "sku", f"Same SKU as row {seen[sku]}."))
            seen.setdefault(sku, index)
        checked.append(row)
    return checked


def _check_row(raw: dict[str, str], row: CheckedRow) -> None:
    def error(column: str, message: str) -> None:
        row.errors.append(CellError(row.row, column, message))

    sku = raw.get("sku", "")
    if not sku or len(sku) > 60:
        error("sku", "Required, at most 60 characters.")
    row.values["sku"] = sku[:60]
    titles = {t[-2:]: raw.get(t, "")[:300] for t in TITLES if raw.get(t)}
    if not titles:
        error("title_en", "Give a title in at least one language.")
    row.values["title"] = titles
    country = raw.get("origin_country", "").upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        error("origin_country", "A two-letter country code, e.g. CN.")
    row.values["origin_country"] = country
    hs = raw.get("hs_code", "").replace(".", "").replace(" ", "")
    if hs and not re.fullmatch(r"\d{6,10}", hs):
        error("hs_code", "6 to 10 digits.")
    row.values["hs_code"] = hs
    unit = (raw.get("unit") or "pcs").lower()
    if unit not in UNITS:
        error("unit", f"One of {', '.join(UNITS)}.")
    row.values["unit"] = unit
    row.values["moq"] = _integer(raw.get("moq", ""), 1, "moq", error, default=1)
    row.values["lead_time_days"] = _integer(
        raw.get("lead_time_days", ""), 0, "lead_time_days", error, default=30
    )
    cost = raw.get("unit_cost", "").replace(",", ".")
    try:
        row.values["unit_cost"] = str(Decimal(cost)) if cost else "0"
        if Decimal(row.values["unit_cost"]) < 0 or Decimal(row.values["unit_cost"]) >= 10**12:
            raise InvalidOperation
    except InvalidOperation:
        error("unit_cost", "A number such as 38.50.")
    tiers = []
    for part in [p.strip() for p in raw.get("prices", "").split(";") if p.strip()]:
        match = _TIER.match(part)
        if match is None:
            error("prices", f"“{part[:40]}” is not “CUR quantity price”, e.g. EUR 300 7.90.")
            continue
        tiers.append([match[1].upper(), int(match[2]), match[3].replace(",", ".")])
    row.values["prices"] = tiers


def _integer(text: str, minimum: int, column: str, error: Any, default: int) -> int:
    if not text:
        return default
    try:
        value = int(float(text)) if re.fullmatch(r"\d+(\.0+)?", text) else int(text)
    except ValueError:
        error(column, "A whole number.")
        return default
    if not minimum <= value <= 1_000_000_000:
        error(column, f"Between {minimum} and 1000000000.")
    return value
