"""UK Global Tariff 2021 and EU CET 2020 lines, read for HS 2022 codes.

The shipped file ``tariffs/uk-global-tariff-2021/ukgt_2021_with_eu_cet_2020.csv`` has
one row per UK commodity code with the UK rate and the EU 2020 common external
tariff rate. Its codes are HS 2017 based. An HS 2022 code is read as follows, and
the line carries the status in ``hs2017_status`` — never silently wrong:

* ``same_code``: the 6-digit subheading exists in both editions and its heading kept
  the same subheadings;
* ``same_code_heading_changed``: the subheading exists in both editions but its
  heading was restructured in 2022 (scope may have moved): a warning goes with it;
* ``mapped``: the HS 2022 subheading is new and the compiled correlation subset
  (``customs/data/hs2017_hs2022_subset.json``) names the HS 2017 source lines;
* otherwise :class:`UnmappedTariffLine` (a new subheading without a known source, or
  an HS 2017 subheading deleted in 2022).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import lru_cache

from seaward.customs.landed_cost_errors import UnknownTariffLine, UnmappedTariffLine
from seaward.customs.tariff import TariffLine, digits, load_json
from seaward.reference import datafiles

UK_FILE = "tariffs/uk-global-tariff-2021/ukgt_2021_with_eu_cet_2020.csv"
HS_FILE = "hs/harmonized-system.csv"
_FLAG_COLUMNS = ("trade_remedy_applies", "suspension_applies", "atq_applies")
SCHEDULES = {
    "GB": ("ukgt_duty_rate", "UK Global Tariff 2021"),
    "EU": ("cet_duty_rate", "EU Common External Tariff 2020"),
}


@dataclass(frozen=True)
class _UkRow:
    line: int
    code: str
    description: str
    cet: str
    ukgt: str
    flags: tuple[str, ...]  # trade remedy / suspension / quota columns that are True


@dataclass(frozen=True)
class _UkIndex:
    rows: dict[str, _UkRow]  # 8- and 10-digit commodity codes
    hs2017: frozenset[str]
    hs2022: frozenset[str]
    changed_headings: frozenset[str]
    correlation: dict[str, tuple[str, ...]]
    refinements: dict[str, int]  # 8-digit code -> number of 10-digit rows under it
    by_six: dict[str, list[_UkRow]]  # 6-digit subheading -> its rows, by code


@lru_cache(maxsize=1)
def _index() -> _UkIndex:
    rows: dict[str, _UkRow] = {}
    with datafiles.open_text(UK_FILE) as handle:
        reader = csv.DictReader(handle)
        for record in reader:
            code = digits(record["commodity_code"])
            rows[code] = _UkRow(
                reader.line_num,
                code,
                " ".join(record["description"].split()),
                record["cet_duty_rate"].strip(),
                record["ukgt_duty_rate"].strip(),
                tuple(c for c in _FLAG_COLUMNS if record.get(c, "").strip() == "True"),
            )
    with datafiles.open_text(HS_FILE) as handle:
        hs2022 = frozenset(r["hscode"] for r in csv.DictReader(handle) if r["level"] == "6")
    hs2017 = frozenset(code[:6] for code in rows)
    changed = frozenset(c[:4] for c in hs2017 ^ hs2022)
    subset = load_json("hs2017_hs2022_subset.json")["hs2022_from_hs2017"]
    correlation = {k: tuple(v) for k, v in subset.items()}
    refinements: dict[str, int] = {}
    for code in rows:
        if len(code) == 10:
            refinements[code[:8]] = refinements.get(code[:8], 0) + 1
    by_six: dict[str, list[_UkRow]] = {}
    for code in sorted(rows):
        by_six.setdefault(code[:6], []).append(rows[code])
    return _UkIndex(rows, hs2017, hs2022, changed, correlation, refinements, by_six)


def is_known_hs2022(code: str) -> bool:
    return digits(code)[:6] in _index().hs2022


def _line(
    row: _UkRow, destination: str, status: str, notes: tuple[str, ...], among: list[_UkRow]
) -> TariffLine:
    column, schedule = SCHEDULES[destination]
    refined = _refinements(among)
    if refined:
        notes = (
            *notes,
            f"{refined} 10-digit lines under the code name specific products with their own "
            "rate: give the 10-digit code if the goods are one of them",
        )
    if row.flags and destination == "GB":
        flagged = ", ".join(row.flags)
        notes = (*notes, f"UK line flags {flagged}: trade remedy, suspension or quota not computed")
    return TariffLine(
        schedule=schedule,
        file=UK_FILE,
        line=row.line,
        code=row.code,
        description=row.description,
        rate_field=column,
        rate_text=row.ukgt if destination == "GB" else row.cet,
        hs2017_status=status,
        notes=notes,
    )


def _candidates(prefix: str) -> list[_UkRow]:
    """The 8-digit lines under a prefix (10-digit rows only where no 8-digit line exists).

    A 10-digit row of the file names specific products (often a suspension) carved out
    of its 8-digit line; the 8-digit line's rate is the rate of the CN subheading.
    """
    found = [row for row in _index().by_six.get(prefix[:6], []) if row.code.startswith(prefix)]
    eights = [r for r in found if len(r.code) == 8]
    return eights or found


def _pick(rows: list[_UkRow], destination: str, asked: str, field: str) -> _UkRow:
    column = SCHEDULES[destination][0]
    rates = {getattr(r, "ukgt" if column == "ukgt_duty_rate" else "cet") for r in rows}
    if len(rates) == 1:
        return rows[0]
    listed = ", ".join(r.code for r in rows[:12])
    raise UnknownTariffLine(
        f"code {asked} has {len(rows)} {SCHEDULES[destination][1]} lines with different rates "
        f"({listed}); give the 8- or 10-digit commodity code",
        field=field,
    )


def uk_eu_line(code: str, destination: str, *, field: str = "hs_code") -> TariffLine:
    """The UK (``GB``) or EU (``EU``) line for an HS 2022 code of 6, 8 or 10 digits."""
    key = digits(code)
    index = _index()
    if len(key) not in (6, 8, 10):
        raise UnknownTariffLine(f"HS/CN code {code!r} must have 6, 8 or 10 digits", field=field)
    six = key[:6]
    if six in index.hs2017 and six in index.hs2022:
        if six[:4] in index.changed_headings:
            status = "same_code_heading_changed"
            notes: tuple[str, ...] = (
                f"heading {six[:4]} was restructured between HS 2017 and HS 2022: the "
                f"{SCHEDULES[destination][1]} line keeps code {six} but its scope may differ",
            )
        else:
            status, notes = "same_code", ()
        rows = _rows_for(key)
        if not rows:
            raise UnknownTariffLine(
                f"no {SCHEDULES[destination][1]} line for code {code!r}", field=field
            )
        return _line(_pick(rows, destination, key, field), destination, status, notes, rows)
    if six in index.hs2022 and six in index.correlation:
        sources = index.correlation[six]
        rows = [row for source in sources for row in _candidates(source)]
        chosen = _pick(rows, destination, f"{six} (from HS 2017 {', '.join(sources)})", field)
        note = (
            f"HS 2022 subheading {six} is not in the HS 2017-based tariff; read from HS 2017 "
            f"{', '.join(sources)} (compiled WCO correlation subset)"
        )
        return _line(chosen, destination, "mapped", (note,), rows)
    if six in index.hs2022:
        raise UnmappedTariffLine(
            f"HS 2022 subheading {six} did not exist in HS 2017 and the shipped correlation "
            f"subset has no source for it: the {SCHEDULES[destination][1]} rate is unknown",
            field=field,
        )
    if six in index.hs2017:
        raise UnmappedTariffLine(
            f"{six} is an HS 2017 subheading deleted in HS 2022: give the HS 2022 code",
            field=field,
        )
    raise UnknownTariffLine(f"unknown HS code {code!r}", field=field)


def _rows_for(key: str) -> list[_UkRow]:
    rows = _index().rows
    if len(key) == 10:
        if key in rows:
            return [rows[key]]
        return [rows[key[:8]]] if key[:8] in rows else []
    if len(key) == 8 and key in rows:
        return [rows[key]]
    return _candidates(key)


def _refinements(rows: list[_UkRow]) -> int:
    return sum(_index().refinements.get(row.code, 0) for row in rows)


def status_of_hs2017_subheadings() -> dict[str, int]:
    """How many HS 2017 subheadings of the file fall in each mapping status (for reports)."""
    index = _index()
    counts = {"same_code": 0, "same_code_heading_changed": 0, "deleted_in_hs2022": 0}
    for six in index.hs2017:
        if six not in index.hs2022:
            counts["deleted_in_hs2022"] += 1
        elif six[:4] in index.changed_headings:
            counts["same_code_heading_changed"] += 1
        else:
            counts["same_code"] += 1
    new = index.hs2022 - index.hs2017
    counts["new_in_hs2022_mapped"] = sum(1 for s in new if s in index.correlation)
    counts["new_in_hs2022_unmapped"] = len(new) - counts["new_in_hs2022_mapped"]
    return counts


def with_note(line: TariffLine, note: str) -> TariffLine:
    return replace(line, notes=(*line.notes, note))
