"""OFAC's legacy CSV layout (SDN and consolidated non-SDN): main, add, alt, comments files.

No header row; ``-0-`` marks an empty field. Main rows: ent_num, name, type, programs,
title, call sign, vessel type, tonnage, GRT, vessel flag, vessel owner, remarks.
Aliases in the alt file are OFAC's strong AKAs; the AKAs quoted in the remarks are
its weak AKAs.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import IO

from seaward.compliance.countries import country_code
from seaward.compliance.entities import EntityName, Identifier, ListEntity, ListSnapshot
from seaward.compliance.errors import ListFileInvalid
from seaward.compliance.lists.reading import cell, csv_rows, decode, read_limited
from seaward.compliance.lists.remarks import parse_remarks

_TYPES = {"": "organization", "individual": "person", "vessel": "vessel", "aircraft": "aircraft"}
_ALT_KINDS = {"aka": "aka", "fka": "fka", "nka": "nka"}

Stream = IO[bytes] | IO[str]


def _ent_num(value: str, where: str) -> str:
    value = value.strip()
    if not value.isdigit():
        raise ListFileInvalid(f"entity number {value[:20]!r} is not a number", where=where)
    return value


def _rows(stream: Stream, what: str, widths: tuple[int, ...]) -> list[tuple[int, list[str]]]:
    text = decode(read_limited(stream, what=what), what=what, fallback="cp1252")
    return list(csv_rows(text, what=what, widths=widths))


def parse_ofac_legacy(
    main: Stream,
    *,
    add: Stream | None = None,
    alt: Stream | None = None,
    comments: Stream | None = None,
    list_id: str = "us_ofac_sdn",
    source: str = "OFAC legacy CSV",
    published: date | None = None,
) -> ListSnapshot:
    """Parse an OFAC legacy CSV set (sdn/add/alt/sdn_comments or cons_*) into a snapshot."""
    main_rows = _rows(main, "main file", (12,))
    extra_remarks: dict[str, list[str]] = defaultdict(list)
    if comments is not None:
        for line, row in _rows(comments, "comments file", (2,)):
            extra_remarks[_ent_num(row[0], f"comments file line {line}")].append(cell(row[1]))
    countries: dict[str, list[str]] = defaultdict(list)
    if add is not None:
        for line, row in _rows(add, "address file", (6,)):
            code = country_code(cell(row[4]))
            if code:
                countries[_ent_num(row[0], f"address file line {line}")].append(code)
    aliases: dict[str, list[EntityName]] = defaultdict(list)
    if alt is not None:
        for line, row in _rows(alt, "alias file", (5,)):
            ent = _ent_num(row[0], f"alias file line {line}")
            name = cell(row[3])
            if name:
                kind = _ALT_KINDS.get(cell(row[2]).lower().replace(".", ""), "aka")
                aliases[ent].append(EntityName(name, strong=True, kind=kind))

    entities: list[ListEntity] = []
    seen: set[str] = set()
    for line, row in main_rows:
        where = f"main file line {line}"
        ent = _ent_num(row[0], where)
        if ent in seen:
            raise ListFileInvalid(f"entity number {ent} appears twice", where=where)
        seen.add(ent)
        name = cell(row[1])
        if not name:
            raise ListFileInvalid(f"entity {ent} has no name", where=where)
        raw_type = cell(row[2]).lower()
        if raw_type not in _TYPES:
            raise ListFileInvalid(f"unknown entity type {raw_type[:20]!r}", where=where)
        # OFAC breaks long remarks across the comments file; only the joined text parses.
        remarks = cell(row[11]) + "".join(extra_remarks.get(ent, ()))
        facts = parse_remarks(remarks)
        names = [EntityName(name, strong=True, kind="primary"), *aliases.get(ent, ())]
        known = {n.text.casefold() for n in names}
        for kind, alias in facts.aliases:
            if alias.casefold() not in known:
                known.add(alias.casefold())
                names.append(EntityName(alias, strong=False, kind=kind))
        ids = list(facts.identifiers)
        if cell(row[5]):
            ids.append(Identifier("call_sign", cell(row[5]).upper()))
        entity_countries = [*facts.countries, *countries.get(ent, ())]
        flag = country_code(cell(row[9]))
        if flag:
            entity_countries.append(flag)
        entities.append(
            ListEntity(
                list_id=list_id,
                entity_id=ent,
                entity_type=_TYPES[raw_type],
                names=tuple(names),
                countries=tuple(dict.fromkeys(entity_countries)),
                birth_dates=tuple(dict.fromkeys(facts.birth_dates)),
                identifiers=tuple(dict.fromkeys(ids)),
                programs=tuple(p.strip() for p in cell(row[3]).split("] [") if p.strip()),
                remarks=remarks,
            )
        )
    if not entities:
        raise ListFileInvalid("no entries", where="main file")
    return ListSnapshot(
        list_id=list_id, source=source, published=published, entities=tuple(entities)
    )
