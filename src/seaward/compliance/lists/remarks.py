"""Facts buried in OFAC-style remarks: dates of birth, nationality, documents, weak AKAs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from seaward.compliance.countries import country_code
from seaward.compliance.entities import Identifier

MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DATE = re.compile(r"(?:(\d{1,2}) )?(?:([A-Za-z]{3})[a-z]* )?(\d{4})")
_ALIAS = re.compile(r"\b(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*'([^']+)'")
_ID = re.compile(
    r"^(?:alt\.\s+)?(?P<kind>[A-Za-z].*?)\s+"
    r"(?P<value>[A-Za-z0-9][A-Za-z0-9\-/.]*\d[A-Za-z0-9\-/.]*)"
    r"(?:\s+\((?P<country>[^)]+)\))?(?:\s+(?:issued|expires|Issue|Expiration).*)?\.?$"
)
_ID_WORDS = re.compile(
    r"passport|no\.|number|\bid\b|#|imo|mmsi|bic|ssn|c\.u\.r\.p|r\.f\.c|d\.n\.i|identification|cedula",
    re.IGNORECASE,
)


@dataclass
class RemarkFacts:
    birth_dates: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (kind, name), weak


def parse_dates(text: str) -> list[str]:
    """Dates in "28 Jul 1963", "Jul 1963", "1963", "circa 1963", "1962 to 1964" forms."""
    found: list[str] = []
    matches = list(_DATE.finditer(text))
    for m in matches:
        day, month, year = m.group(1), (m.group(2) or "").lower()[:3], m.group(3)
        if day and month in MONTHS:
            found.append(f"{year}-{MONTHS[month]:02d}-{int(day):02d}")
        elif month in MONTHS:
            found.append(f"{year}-{MONTHS[month]:02d}")
        else:
            found.append(year)
    if " to " in text and len(matches) == 2:
        low, high = int(matches[0].group(3)), int(matches[1].group(3))
        if 0 < high - low <= 12:
            found.extend(str(y) for y in range(low + 1, high))
    return found


def id_kind(label: str) -> str:
    text = label.lower()
    if "passport" in text:
        return "passport"
    if "imo" in text:
        return "imo"
    if "mmsi" in text:
        return "mmsi"
    if "tax" in text or "v.a.t" in text or "r.f.c" in text or "nit" in text or "ruc" in text:
        return "tax"
    if "registration" in text or "company number" in text or "d-u-n-s" in text:
        return "registration"
    if "national" in text or "cedula" in text or "c.u.r.p" in text or "d.n.i" in text:
        return "national_id"
    if "swift" in text or "bic" in text:
        return "swift"
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")[:40] or "other"


def parse_remarks(text: str) -> RemarkFacts:
    """Read the ``;``-separated remarks of an OFAC legacy row."""
    facts = RemarkFacts()
    for kind, name in _ALIAS.findall(text):
        facts.aliases.append(({"a": "aka", "f": "fka", "n": "nka"}[kind[0]], name.strip()))
    for raw in text.split(";"):
        part = raw.strip().rstrip(".").strip()
        if not part or _ALIAS.search(part):
            continue
        body = re.sub(r"^alt\.\s+", "", part)
        low = body.lower()
        if low.startswith("dob "):
            facts.birth_dates.extend(parse_dates(body[4:]))
        elif low.startswith(("nationality ", "citizen ")):
            code = country_code(body.split(" ", 1)[1])
            if code:
                facts.countries.append(code)
        elif low.startswith("pob "):
            code = country_code(body[4:].rsplit(",", 1)[-1])
            if code:
                facts.countries.append(code)
        elif _ID_WORDS.search(body):
            m = _ID.match(part)
            if m and any(ch.isdigit() for ch in m.group("value")):
                country = country_code(m.group("country") or "")
                value = re.sub(r"[^A-Za-z0-9]", "", m.group("value")).upper()
                facts.identifiers.append(Identifier(id_kind(m.group("kind")), value, country))
    return facts
