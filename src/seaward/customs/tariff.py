"""US tariff lines from the shipped HTS: rates, special programs, column 2, chapter 99.

Reads ``tariffs/us-hts/hts_2025_rev_apr2025.csv`` (USITC export, HTS 2025 rev.
April 2025). Rates sit on 8-digit lines; a 10-digit statistical line without a rate
inherits its 8-digit line's rate. A 6-digit code resolves only when every national
line under it has the same rates; otherwise the lookup names the candidates.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from seaward.customs.duty_rates import DutyRate, ProgramRate, parse_rate, parse_special
from seaward.customs.landed_cost_errors import UnknownTariffLine
from seaward.reference import datafiles

US_HTS_FILE = "tariffs/us-hts/hts_2025_rev_apr2025.csv"
US_EDITION = "HTS 2025 rev. April 2025"


@dataclass(frozen=True)
class TariffLine:
    """One national tariff line as found in a shipped file; ``line`` is the file line."""

    schedule: str
    file: str
    line: int
    code: str  # digits only
    description: str
    rate_field: str
    rate_text: str
    special_text: str = ""
    column2_text: str = ""
    inherited_from: str = ""  # code of the line the rate was read from, if not this one
    hs2017_status: str = ""  # UK/EU only: how the HS 2017 line relates to HS 2022
    notes: tuple[str, ...] = ()

    @property
    def rate(self) -> DutyRate:
        return parse_rate(self.rate_text)

    def trace(self, field: str | None = None, text: str | None = None) -> dict[str, str]:
        out = {
            "file": self.file,
            "line": str(self.line),
            "code": self.code,
            "field": field or self.rate_field,
            "value": self.rate_text if text is None else text,
        }
        if self.inherited_from:
            out["inherited_from"] = self.inherited_from
        return out


def digits(code: str) -> str:
    return re.sub(r"[^0-9]", "", str(code))


@lru_cache(maxsize=32)
def load_json(name: str) -> dict[str, Any]:
    """A compiled data file of this package (``customs/data``), numbers kept as Decimal.

    Cached: callers must not mutate the returned data.
    """
    text = resources.files("seaward.customs").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text, parse_float=Decimal)
    return data


@dataclass(frozen=True)
class _UsRow:
    line: int
    code: str
    description: str
    general: str
    special: str
    column2: str


@dataclass(frozen=True)
class _UsIndex:
    rows: dict[str, _UsRow]  # digits -> row (4..10 digits and chapter 99 headings)
    rate_lines: dict[str, str]  # 8-digit key -> digits of the row carrying the rates


@lru_cache(maxsize=1)
def _us_index() -> _UsIndex:
    rows: dict[str, _UsRow] = {}
    rate_lines: dict[str, str] = {}
    with datafiles.open_text(US_HTS_FILE) as handle:
        reader = csv.DictReader(handle)
        for record in reader:
            code = digits(record["HTS Number"])
            if not code:
                continue
            row = _UsRow(
                line=reader.line_num,
                code=code,
                description=" ".join(record["Description"].split()),
                general=record["General Rate of Duty"].strip(),
                special=record["Special Rate of Duty"].strip(),
                column2=record["Column 2 Rate of Duty"].strip(),
            )
            rows.setdefault(code, row)
            if len(code) >= 8 and row.general and code[:8] not in rate_lines:
                rate_lines[code[:8]] = code
    return _UsIndex(rows, rate_lines)


def _us_line(row: _UsRow, rates_from: _UsRow) -> TariffLine:
    return TariffLine(
        schedule=f"US {US_EDITION}",
        file=US_HTS_FILE,
        line=rates_from.line,
        code=row.code,
        description=row.description,
        rate_field="General Rate of Duty",
        rate_text=rates_from.general,
        special_text=rates_from.special,
        column2_text=rates_from.column2,
        inherited_from=rates_from.code if rates_from.code != row.code else "",
    )


def us_line(code: str, *, field: str = "hs_code") -> TariffLine:
    """The US HTS line for a 6-, 8- or 10-digit code, with its rates resolved."""
    key = digits(code)
    index = _us_index()
    if len(key) not in (6, 8, 10):
        raise UnknownTariffLine(f"HS/HTS code {code!r} must have 6, 8 or 10 digits", field=field)
    row = index.rows.get(key)
    if len(key) == 10 and row is not None:
        if row.general:
            return _us_line(row, row)
        parent = index.rows.get(key[:8])
        if parent is not None and parent.general:
            return _us_line(row, parent)
    if len(key) == 8 and key in index.rate_lines:
        carrier = index.rows[index.rate_lines[key]]
        return _us_line(index.rows.get(key, carrier), carrier)
    if len(key) == 6:
        candidates = sorted(c for c in index.rate_lines if c.startswith(key))
        carriers = [index.rows[index.rate_lines[c]] for c in candidates]
        rates = {(c.general, c.special, c.column2) for c in carriers}
        if len(rates) == 1:
            chosen = carriers[0]
            line = _us_line(chosen, chosen)
            note = f"all {len(carriers)} HTS lines under {key} carry the same rates"
            return _replace_notes(line, note)
        if candidates:
            listed = ", ".join(candidates[:12])
            raise UnknownTariffLine(
                f"HS subheading {key} has {len(candidates)} US tariff lines with different "
                f"rates ({listed}); give the 8- or 10-digit HTS number",
                field=field,
            )
    raise UnknownTariffLine(f"no US HTS tariff line for code {code!r}", field=field)


def _replace_notes(line: TariffLine, note: str) -> TariffLine:
    return replace(line, notes=(*line.notes, note))


@dataclass(frozen=True)
class Chapter99Heading:
    heading: str  # "9903.88.03"
    line: int
    description: str
    general_text: str
    special_text: str

    @property
    def rate(self) -> DutyRate:
        return parse_rate(self.general_text)

    def trace(self) -> dict[str, str]:
        return {
            "file": US_HTS_FILE,
            "line": str(self.line),
            "code": self.heading,
            "field": "General Rate of Duty",
            "value": self.general_text,
        }


def chapter99(heading: str, *, field: str = "chapter99") -> Chapter99Heading:
    """A chapter 99 heading of the shipped HTS (e.g. '9903.88.03')."""
    key = digits(heading)
    row = _us_index().rows.get(key)
    if row is None or not key.startswith("99") or len(key) != 8:
        raise UnknownTariffLine(
            f"no chapter 99 heading {heading!r} in the {US_EDITION}", field=field
        )
    formatted = f"{key[:4]}.{key[4:6]}.{key[6:8]}"
    return Chapter99Heading(formatted, row.line, row.description, row.general, row.special)


def special_rate_for(line: TariffLine, program: str) -> ProgramRate | None:
    """The special-column rate of a program code (e.g. 'KR', 'AU'), if the line lists it."""
    for item in parse_special(line.special_text):
        if program in item.programs:
            return item
    return None


def column2_applies(origin: str, on: date) -> dict[str, Any] | None:
    """The general note 3(b) entry if goods of ``origin`` take column 2 rates on ``on``."""
    for entry in load_json("us_chapter99_origin_measures.json")["column2_origins"]:
        if entry["country"] == origin and date.fromisoformat(entry["from"]) <= on:
            return dict(entry)
    return None


def iter_us_rate_texts() -> list[tuple[int, str, str, str]]:
    """Every rate text of the shipped HTS: (file line, code, column, text)."""
    out = []
    with datafiles.open_text(US_HTS_FILE) as handle:
        reader = csv.DictReader(handle)
        for record in reader:
            for column in (
                "General Rate of Duty",
                "Special Rate of Duty",
                "Column 2 Rate of Duty",
                "Additional Duties",
            ):
                text = record[column].strip()
                if text:
                    out.append((reader.line_num, record["HTS Number"], column, text))
    return out
