"""The UN Security Council consolidated list (its XML schema), read with defusedxml."""

from __future__ import annotations

from datetime import date
from typing import IO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from seaward.compliance.countries import country_code
from seaward.compliance.entities import EntityName, Identifier, ListEntity, ListSnapshot
from seaward.compliance.errors import ListFileInvalid
from seaward.compliance.lists.reading import read_limited
from seaward.compliance.lists.remarks import id_kind, parse_dates

_WEAK_QUALITIES = {"low"}
_ALIAS_KINDS = {"f.k.a.": "fka", "n.k.a.": "nka"}


def _text(element: Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def _birth_dates(entry: Element) -> list[str]:
    found: list[str] = []
    for dob in entry.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        exact = _text(dob.find("DATE"))
        year = _text(dob.find("YEAR"))
        low, high = _text(dob.find("FROM_YEAR")), _text(dob.find("TO_YEAR"))
        if exact[:4].isdigit():
            found.append(exact[:10])
        elif year.isdigit():
            found.append(year)
        elif low.isdigit() and high.isdigit() and 0 <= int(high) - int(low) <= 12:
            found.extend(str(y) for y in range(int(low), int(high) + 1))
        else:
            found.extend(parse_dates(_text(dob.find("NOTE"))))
    return found


def _entry(entry: Element, position: int) -> ListEntity:
    tag = entry.tag
    ref = _text(entry.find("REFERENCE_NUMBER"))
    dataid = _text(entry.find("DATAID"))
    where = f"<{tag}> #{position}" + (f" (DATAID {dataid})" if dataid else "")
    if not ref:
        raise ListFileInvalid("no REFERENCE_NUMBER", where=where)
    parts = [
        _text(entry.find(t)) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    ]
    primary = " ".join(p for p in parts if p)
    if not primary:
        raise ListFileInvalid(f"{ref} has no FIRST_NAME", where=where)
    names = [EntityName(primary, strong=True, kind="primary")]
    known = {primary.casefold()}
    alias_tag = "INDIVIDUAL_ALIAS" if tag == "INDIVIDUAL" else "ENTITY_ALIAS"
    for alias in entry.findall(alias_tag):
        text = _text(alias.find("ALIAS_NAME"))
        quality = _text(alias.find("QUALITY")).lower()
        if text and text.casefold() not in known:
            known.add(text.casefold())
            kind = _ALIAS_KINDS.get(quality, "aka")
            names.append(EntityName(text, strong=quality not in _WEAK_QUALITIES, kind=kind))
    original = _text(entry.find("NAME_ORIGINAL_SCRIPT"))
    if original and original.casefold() not in known:
        names.append(EntityName(original, strong=True, kind="original_script"))
    countries = [country_code(_text(v)) for v in entry.findall("NATIONALITY/VALUE")]
    address_tag = "INDIVIDUAL_ADDRESS" if tag == "INDIVIDUAL" else "ENTITY_ADDRESS"
    countries += [country_code(_text(a.find("COUNTRY"))) for a in entry.findall(address_tag)]
    countries += [
        country_code(_text(p.find("COUNTRY"))) for p in entry.findall("INDIVIDUAL_PLACE_OF_BIRTH")
    ]
    identifiers = []
    for doc in entry.findall("INDIVIDUAL_DOCUMENT"):
        number = "".join(ch for ch in _text(doc.find("NUMBER")) if ch.isalnum()).upper()
        if number:
            country = country_code(
                _text(doc.find("ISSUING_COUNTRY")) or _text(doc.find("COUNTRY_OF_ISSUE"))
            )
            identifiers.append(
                Identifier(id_kind(_text(doc.find("TYPE_OF_DOCUMENT"))), number, country)
            )
    return ListEntity(
        list_id="un_sc",
        entity_id=ref,
        entity_type="person" if tag == "INDIVIDUAL" else "organization",
        names=tuple(names),
        countries=tuple(dict.fromkeys(c for c in countries if c)),
        birth_dates=tuple(dict.fromkeys(_birth_dates(entry))),
        identifiers=tuple(dict.fromkeys(identifiers)),
        programs=(_text(entry.find("UN_LIST_TYPE")),),
        remarks=_text(entry.find("COMMENTS1")),
    )


def parse_un_xml(
    stream: IO[bytes] | IO[str], *, source: str = "UN SC consolidated list"
) -> ListSnapshot:
    """Parse the UN Security Council consolidated list XML into a snapshot."""
    raw = read_limited(stream, what="UN XML")
    try:
        root = fromstring(raw, forbid_dtd=True)
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise ListFileInvalid(
            f"malformed XML ({exc})", where=f"line {line} column {column}"
        ) from exc
    except DefusedXmlException as exc:
        raise ListFileInvalid(f"forbidden XML construct ({exc})", where="UN XML") from exc
    if root.tag != "CONSOLIDATED_LIST":
        raise ListFileInvalid(
            f"root element is <{root.tag}>, expected <CONSOLIDATED_LIST>", where="line 1"
        )
    published = None
    generated = root.get("dateGenerated", "")
    try:
        published = date.fromisoformat(generated[:10]) if generated else None
    except ValueError as exc:
        raise ListFileInvalid(
            f"dateGenerated {generated[:30]!r} is not a date", where="<CONSOLIDATED_LIST>"
        ) from exc
    entities: list[ListEntity] = []
    seen: set[str] = set()
    for group, tag in (("INDIVIDUALS", "INDIVIDUAL"), ("ENTITIES", "ENTITY")):
        for position, entry in enumerate(root.findall(f"{group}/{tag}"), 1):
            entity = _entry(entry, position)
            if entity.entity_id in seen:
                raise ListFileInvalid(
                    f"{entity.entity_id} appears twice", where=f"<{tag}> #{position}"
                )
            seen.add(entity.entity_id)
            entities.append(entity)
    if not entities:
        raise ListFileInvalid("no INDIVIDUAL or ENTITY entries", where="<CONSOLIDATED_LIST>")
    return ListSnapshot(
        list_id="un_sc", source=source, published=published, entities=tuple(entities)
    )
