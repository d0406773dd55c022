"""The normalized entity model every restricted-party list is parsed into."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

LIST_IDS = ("us_ofac_sdn", "us_ofac_cons", "un_sc", "us_bis_dpl", "us_trade_csl")
# Lists a parser exists for but that are not shipped (no public copy in the project).
OTHER_LIST_IDS = ("eu_fsf",)
ENTITY_TYPES = ("person", "organization", "vessel", "aircraft")


@dataclass(frozen=True)
class EntityName:
    """One name of a listed entity; weak aliases (OFAC "weak AKA", UN "Low") count less."""

    text: str
    strong: bool = True
    kind: str = "primary"  # primary | aka | fka | nka | original_script


@dataclass(frozen=True)
class Identifier:
    """A document or registration number: passport, national id, IMO, registration…"""

    kind: str
    value: str
    country: str = ""


@dataclass(frozen=True)
class ListEntity:
    """One entry of a list, as its publisher identifies it."""

    list_id: str
    entity_id: str
    entity_type: str  # one of ENTITY_TYPES
    names: tuple[EntityName, ...]
    countries: tuple[str, ...] = ()  # ISO 3166 alpha-2, from nationality, citizenship, addresses
    birth_dates: tuple[str, ...] = ()  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    identifiers: tuple[Identifier, ...] = ()
    programs: tuple[str, ...] = ()
    remarks: str = ""

    @property
    def primary_name(self) -> str:
        return self.names[0].text if self.names else ""


@dataclass(frozen=True)
class ListSnapshot:
    """One publication of one list: its entities and where they came from."""

    list_id: str
    source: str
    published: date | None
    entities: tuple[ListEntity, ...] = field(default_factory=tuple)

    @property
    def counts(self) -> dict[str, int]:
        by_type = dict.fromkeys(ENTITY_TYPES, 0)
        names = 0
        for entity in self.entities:
            by_type[entity.entity_type] = by_type.get(entity.entity_type, 0) + 1
            names += len(entity.names)
        return {"entities": len(self.entities), "names": names, **by_type}
