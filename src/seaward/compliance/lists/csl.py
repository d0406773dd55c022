"""The US Consolidated Screening List CSV (trade.gov), header row."""

from __future__ import annotations

import re
from datetime import date
from typing import IO

from seaward.compliance.countries import country_code
from seaward.compliance.entities import EntityName, Identifier, ListEntity, ListSnapshot
from seaward.compliance.errors import ListFileInvalid
from seaward.compliance.lists.bis import synthetic_id
from seaward.compliance.lists.reading import csv_rows, decode, read_limited
from seaward.compliance.lists.remarks import id_kind
from seaward.compliance.names import looks_like_organization

_REQUIRED = ("source", "entity_number", "type", "name", "alt_names", "addresses")
_TYPES = {
    "individual": "person",
    "entity": "organization",
    "vessel": "vessel",
    "aircraft": "aircraft",
}


def _identifiers(text: str) -> list[Identifier]:
    found = []
    for chunk in text.split(";"):
        parts = [p.strip() for p in chunk.split(",") if p.strip()]
        if len(parts) < 2:
            continue
        kind, country = parts[-1], ""
        values = parts[:-1]
        if len(values) == 2 and len(values[0]) == 2 and values[0].isalpha():
            country, values = values[0].upper(), values[1:]
        value = re.sub(r"^IMO\s+", "", values[0])
        if "IMO" in values[0]:
            kind = "IMO"
        if any(ch.isdigit() for ch in value) and " " not in value.strip():
            found.append(
                Identifier(id_kind(kind), re.sub(r"[^A-Za-z0-9]", "", value).upper(), country)
            )
    return found


def parse_trade_csl(
    stream: IO[bytes] | IO[str],
    *,
    source: str = "US Consolidated Screening List",
    published: date | None = None,
) -> ListSnapshot:
    """Parse the CSL CSV export into a snapshot of the list ``us_trade_csl``."""
    text = decode(read_limited(stream, what="CSL file"), what="CSL file")
    rows = csv_rows(text, what="CSL file")
    try:
        _, header = next(rows)
    except StopIteration as exc:
        raise ListFileInvalid("no header row", where="CSL file line 1") from exc
    columns = [h.strip().lower() for h in header]
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        raise ListFileInvalid(
            f"header lacks column(s) {', '.join(missing)}", where="CSL file line 1"
        )
    entities: list[ListEntity] = []
    seen: set[str] = set()
    for line, row in rows:
        where = f"CSL file line {line}"
        if len(row) != len(columns):
            raise ListFileInvalid(
                f"{len(row)} fields, expected {len(columns)} (truncated?)", where=where
            )
        rec = dict(zip(columns, row, strict=True))
        name = " ".join(rec["name"].split())
        if not name:
            raise ListFileInvalid("empty name", where=where)
        raw_type = rec["type"].strip().lower()
        entity_type = _TYPES.get(raw_type) or (
            "organization" if looks_like_organization(name) else "person"
        )
        entity_id = rec["entity_number"].strip() or synthetic_id("CSL", rec["source"], name)
        if entity_id in seen:
            entity_id = synthetic_id("CSL", rec["source"], name, str(line))
        seen.add(entity_id)
        names = [EntityName(name)]
        names += [
            EntityName(a.strip(), kind="aka") for a in rec["alt_names"].split(";") if a.strip()
        ]
        countries = [
            country_code(part.rsplit(",", 1)[-1])
            for part in rec["addresses"].split(";")
            if part.strip()
        ]
        for column in ("citizenships", "nationalities"):
            countries += [country_code(c) for c in rec.get(column, "").split(";")]
        births = re.findall(r"\d{4}(?:-\d{2}-\d{2})?", rec.get("dates_of_birth", ""))
        entities.append(
            ListEntity(
                list_id="us_trade_csl",
                entity_id=entity_id,
                entity_type=entity_type,
                names=tuple(names),
                countries=tuple(dict.fromkeys(c for c in countries if c)),
                birth_dates=tuple(dict.fromkeys(births)),
                identifiers=tuple(dict.fromkeys(_identifiers(rec.get("ids", "")))),
                programs=tuple(p.strip() for p in rec.get("programs", "").split(";") if p.strip()),
                remarks=rec.get("remarks", ""),
            )
        )
    if not entities:
        raise ListFileInvalid("no entries", where="CSL file")
    return ListSnapshot(
        list_id="us_trade_csl", source=source, published=published, entities=tuple(entities)
    )
