"""The US BIS Denied Persons List (tab-separated, header row, no publisher id)."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import IO

from seaward.compliance.countries import country_code
from seaward.compliance.entities import EntityName, ListEntity, ListSnapshot
from seaward.compliance.errors import ListFileInvalid
from seaward.compliance.lists.reading import csv_rows, decode, read_limited
from seaward.compliance.names import looks_like_organization

_COLUMNS = ("name", "street_address", "city", "state", "country", "postal_code", "effective_date")


def synthetic_id(prefix: str, *parts: str) -> str:
    """A stable id for lists whose publisher gives none (BIS DPL): a hash of the name."""
    key = "|".join(" ".join(p.casefold().split()) for p in parts)
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8'), usedforsecurity=False).hexdigest()[:10]}"


def parse_bis_dpl(
    stream: IO[bytes] | IO[str],
    *,
    source: str = "US BIS Denied Persons List",
    published: date | None = None,
) -> ListSnapshot:
    """Parse the Denied Persons List; rows of one name become one entity with its countries."""
    text = decode(read_limited(stream, what="DPL file"), what="DPL file", fallback="cp1252")
    rows = csv_rows(text, what="DPL file", delimiter="\t")
    try:
        _, header = next(rows)
    except StopIteration as exc:
        raise ListFileInvalid("no header row", where="DPL file line 1") from exc
    columns = [h.strip().lower() for h in header]
    missing = [c for c in _COLUMNS if c not in columns]
    if missing:
        raise ListFileInvalid(
            f"header lacks column(s) {', '.join(missing)}", where="DPL file line 1"
        )
    at = {c: columns.index(c) for c in _COLUMNS}
    grouped: dict[str, tuple[str, list[str]]] = {}
    for line, row in rows:
        if len(row) != len(columns):
            raise ListFileInvalid(
                f"{len(row)} fields, expected {len(columns)} (truncated?)",
                where=f"DPL file line {line}",
            )
        name = " ".join(row[at["name"]].split())
        if not name:
            raise ListFileInvalid("empty Name", where=f"DPL file line {line}")
        key = name.casefold()
        code = country_code(row[at["country"]]) or ("US" if row[at["state"]].strip() else "")
        entry = grouped.setdefault(key, (name, []))
        if code:
            entry[1].append(code)
    entities = tuple(
        ListEntity(
            list_id="us_bis_dpl",
            entity_id=synthetic_id("DPL", key),
            entity_type="organization" if looks_like_organization(name) else "person",
            names=(EntityName(name),),
            countries=tuple(dict.fromkeys(codes)),
        )
        for key, (name, codes) in grouped.items()
    )
    if not entities:
        raise ListFileInvalid("no entries", where="DPL file")
    return ListSnapshot(list_id="us_bis_dpl", source=source, published=published, entities=entities)
