"""National tariff lines under an HS 2022 subheading: US HTS and UK tariff.

The US HTS shipped is the 2025 edition (HS 2022 based). The UK Global Tariff
shipped is the 2021 edition, built on HS 2017: a UK line whose six-digit
subheading no longer exists in HS 2022 is returned as ``unmapped`` rather than
silently shown under a code it may no longer belong to.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from seaward.customs.hs_errors import UnknownHsCode
from seaward.customs.hs_nomenclature import load_nomenclature, normalise_code
from seaward.reference import datafiles

US_HTS_FILE = "tariffs/us-hts/hts_2025_rev_apr2025.csv"
UK_TARIFF_FILE = "tariffs/uk-global-tariff-2021/ukgt_2021_with_eu_cet_2020.csv"

_TRAILING = re.compile(r"[:\s]+$")
# Compiled by the landed-cost core from the WCO HS 2017→2022 correlation (a subset).
CORRELATION_FILE = Path(__file__).resolve().parent / "data" / "hs2017_hs2022_subset.json"


@lru_cache(maxsize=1)
def hs2022_from_hs2017() -> dict[str, tuple[str, ...]]:
    """HS 2022 subheading → the HS 2017 subheadings its goods came from (known subset)."""
    try:
        raw = json.loads(CORRELATION_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    table = raw.get("hs2022_from_hs2017", {}) if isinstance(raw, dict) else {}
    return {str(k): tuple(str(v) for v in values) for k, values in table.items()}


@dataclass(frozen=True)
class NationalLine:
    """One national tariff line (8 or 10 digits) with its description chain."""

    country: str  # "US" or "UK"
    code: str
    description: str
    full_description: str  # ancestors within the heading, joined with " > "
    duty_rate: str
    nomenclature: str  # "HTS 2025 (HS 2022)" or "UKGT 2021 (HS 2017)"
    mapped_to_hs2022: bool = True
    note: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "country": self.country,
            "code": self.code,
            "description": self.description,
            "full_description": self.full_description,
            "duty_rate": self.duty_rate,
            "nomenclature": self.nomenclature,
            "mapped_to_hs2022": self.mapped_to_hs2022,
            "note": self.note,
        }


@dataclass
class NationalExtensions:
    subheading: str
    us: list[NationalLine] = field(default_factory=list)
    uk: list[NationalLine] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "subheading": self.subheading,
            "us": [line.as_dict() for line in self.us],
            "uk": [line.as_dict() for line in self.uk],
        }


def _clean(description: str) -> str:
    return _TRAILING.sub("", description.strip())


@lru_cache(maxsize=1)
def us_hts_lines() -> tuple[NationalLine, ...]:
    """Every 8- and 10-digit US HTS line outside chapters 98/99, with its chain."""
    lines: list[NationalLine] = []
    stack: list[tuple[int, str]] = []
    rate_of_8: dict[str, str] = {}
    with datafiles.open_text(US_HTS_FILE) as handle:
        for row in csv.DictReader(handle):
            digits = normalise_code(row["HTS Number"])
            try:
                indent = int(row["Indent"] or 0)
            except ValueError:
                indent = 0
            description = _clean(row["Description"])
            while stack and stack[-1][0] >= indent:
                stack.pop()
            chain = " > ".join([d for _, d in stack if d] + [description])
            stack.append((indent, description))
            if len(digits) == 8:
                rate_of_8[digits] = row["General Rate of Duty"].strip()
            if len(digits) not in (8, 10) or digits[:2] in ("98", "99"):
                continue
            rate = row["General Rate of Duty"].strip() or rate_of_8.get(digits[:8], "")
            lines.append(NationalLine("US", digits, description, chain, rate, "HTS 2025 (HS 2022)"))
    return tuple(lines)


@lru_cache(maxsize=1)
def uk_tariff_lines() -> tuple[NationalLine, ...]:
    """UK Global Tariff 2021 lines, flagged unmapped where HS 2022 dropped the subheading."""
    nomenclature = load_nomenclature()
    lines: list[NationalLine] = []
    with datafiles.open_text(UK_TARIFF_FILE) as handle:
        for row in csv.DictReader(handle):
            code = normalise_code(row["commodity_code"])
            if len(code) not in (8, 10):
                continue
            mapped = nomenclature.exists(code[:6])
            note = (
                ""
                if mapped
                else f"HS 2017 subheading {code[:6]} does not exist in HS 2022; "
                "re-map with the WCO HS 2017→2022 correlation before use"
            )
            description = row["description"].strip()
            lines.append(
                NationalLine(
                    "UK",
                    code,
                    description,
                    description,
                    row["ukgt_duty_rate"].strip(),
                    "UKGT 2021 (HS 2017)",
                    mapped,
                    note,
                )
            )
    return tuple(lines)


@lru_cache(maxsize=1)
def _by_subheading() -> tuple[dict[str, list[NationalLine]], dict[str, list[NationalLine]]]:
    us: dict[str, list[NationalLine]] = defaultdict(list)
    uk: dict[str, list[NationalLine]] = defaultdict(list)
    for line in us_hts_lines():
        us[line.code[:6]].append(line)
    for line in uk_tariff_lines():
        uk[line.code[:6]].append(line)
    return dict(us), dict(uk)


def national_extensions(subheading: str) -> NationalExtensions:
    """US HTS 10-digit and UK 8/10-digit lines under a six-digit subheading."""
    digits = normalise_code(subheading)
    us, uk = _by_subheading()
    if len(digits) != 6:
        raise UnknownHsCode(subheading)
    if not load_nomenclature().exists(digits):
        if digits in uk:
            return NationalExtensions(digits, [], list(uk[digits]))
        raise UnknownHsCode(subheading)
    uk_lines = list(uk.get(digits, []))
    correlation = hs2022_from_hs2017()
    moved_to = sorted(new for new, old in correlation.items() if digits in old and new != digits)
    if moved_to:
        note = f"HS 2022 moved part of {digits} to {', '.join(moved_to)}; check the line's scope"
        uk_lines = [replace(line, note=note) for line in uk_lines]
    for source in correlation.get(digits, ()):
        if source == digits:
            continue
        # The UK 2021 tariff has no line for a new HS 2022 subheading: show the
        # HS 2017 lines that carried the goods, as unmapped, never as its own.
        uk_lines.extend(
            replace(
                line,
                mapped_to_hs2022=False,
                note=f"HS 2017 line of {source}, whose goods HS 2022 moved (partly) to {digits}",
            )
            for line in uk.get(source, [])
        )
    return NationalExtensions(digits, list(us.get(digits, [])), uk_lines)


def unmapped_uk_subheadings() -> list[str]:
    """HS 2017 subheadings used by UK lines that HS 2022 no longer has."""
    return sorted({line.code[:6] for line in uk_tariff_lines() if not line.mapped_to_hs2022})
