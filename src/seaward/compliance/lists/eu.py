"""The EU consolidated financial sanctions list (FSF XML export, ``xmlns=.../fsd/export``).

Not shipped (no public copy here); written to its public schema: ``sanctionEntity``
elements with ``subjectType``, ``nameAlias`` (``strong="false"`` marks a weak alias),
``citizen``, ``birthdate``, ``identification`` and ``address``, all facts in attributes.
"""

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
from seaward.compliance.lists.remarks import id_kind

LIST_ID = "eu_fsf"
_TYPES = {
    "person": "person",
    "enterprise": "organization",
    "vessel": "vessel",
    "aircraft": "aircraft",
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _country(element: Element) -> str:
    return country_code(element.get("countryIso2Code", "")) or country_code(
        element.get("countryDescription", "")
    )


def _entity(entry: Element, position: int) -> ListEntity:
    where = f"<sanctionEntity> #{position}" + (
        f" (logicalId {entry.get('logicalId')})" if entry.get("logicalId") else ""
    )
    entity_id = (entry.get("euReferenceNumber") or entry.get("logicalId") or "").strip()
    if not entity_id:
        raise ListFileInvalid("no euReferenceNumber or logicalId", where=where)
    subject = _children(entry, "subjectType")
    code = subject[0].get("code", "").strip().lower() if subject else ""
    entity_type = _TYPES.get(code, "organization" if code else "person")
    names: list[EntityName] = []
    known: set[str] = set()
    for alias in _children(entry, "nameAlias"):
        text = " ".join((alias.get("wholeName") or "").split())
        if not text:
            parts = (alias.get(k, "") for k in ("firstName", "middleName", "lastName"))
            text = " ".join(" ".join(parts).split())
        if text and text.casefold() not in known:
            known.add(text.casefold())
            strong = alias.get("strong", "true").strip().lower() != "false"
            names.append(EntityName(text, strong=strong, kind="primary" if not names else "aka"))
    if not names:
        raise ListFileInvalid(f"{entity_id} has no nameAlias with a name", where=where)
    countries = [_country(e) for e in _children(entry, "citizen") + _children(entry, "address")]
    births: list[str] = []
    for birth in _children(entry, "birthdate"):
        countries.append(_country(birth))
        exact, year = (birth.get("birthdate") or "").strip(), (birth.get("year") or "").strip()
        if len(exact) >= 10 and exact[:4].isdigit():
            births.append(exact[:10])
        elif year.isdigit():
            births.append(year)
    identifiers = []
    for doc in _children(entry, "identification"):
        number = "".join(ch for ch in (doc.get("number") or "") if ch.isalnum()).upper()
        if number:
            kind = (
                doc.get("identificationTypeCode") or doc.get("identificationTypeDescription") or ""
            )
            identifiers.append(Identifier(id_kind(kind), number, _country(doc)))
    programmes = [r.get("programme", "") for r in _children(entry, "regulation")]
    return ListEntity(
        list_id=LIST_ID,
        entity_id=entity_id,
        entity_type=entity_type,
        names=tuple(names),
        countries=tuple(dict.fromkeys(c for c in countries if c)),
        birth_dates=tuple(dict.fromkeys(births)),
        identifiers=tuple(dict.fromkeys(identifiers)),
        programs=tuple(dict.fromkeys(p for p in programmes if p)),
    )


def parse_eu_xml(
    stream: IO[bytes] | IO[str], *, source: str = "EU consolidated list"
) -> ListSnapshot:
    """Parse the EU consolidated financial sanctions list XML into a snapshot."""
    raw = read_limited(stream, what="EU XML")
    try:
        root = fromstring(raw, forbid_dtd=True)
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise ListFileInvalid(
            f"malformed XML ({exc})", where=f"line {line} column {column}"
        ) from exc
    except DefusedXmlException as exc:
        raise ListFileInvalid(f"forbidden XML construct ({exc})", where="EU XML") from exc
    if _local(root.tag) != "export":
        raise ListFileInvalid(
            f"root element is <{_local(root.tag)}>, expected <export>", where="line 1"
        )
    generated = (root.get("generationDate") or "")[:10]
    try:
        published = date.fromisoformat(generated) if generated else None
    except ValueError as exc:
        raise ListFileInvalid(
            f"generationDate {generated!r} is not a date", where="<export>"
        ) from exc
    entities: list[ListEntity] = []
    seen: set[str] = set()
    for position, entry in enumerate(_children(root, "sanctionEntity"), 1):
        entity = _entity(entry, position)
        if entity.entity_id in seen:
            raise ListFileInvalid(
                f"{entity.entity_id} appears twice", where=f"<sanctionEntity> #{position}"
            )
        seen.add(entity.entity_id)
        entities.append(entity)
    if not entities:
        raise ListFileInvalid("no sanctionEntity entries", where="<export>")
    return ListSnapshot(
        list_id=LIST_ID, source=source, published=published, entities=tuple(entities)
    )
