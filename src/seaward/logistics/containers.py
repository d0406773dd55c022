"""ISO freight container types from the shipped reference data (pure, no Django).

The CSV gives ISO 668 external sizes and *typical* inner sizes, door openings and payloads
(see its SOURCE.txt: the CSC plate of the actual box governs). Lengths are converted from mm
to cm, weights stay in kg, both as Decimal.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from seaward.logistics.errors import UnknownContainerType
from seaward.reference.datafiles import open_text

DATA_FILE = "containers/iso_containers_typical.csv"
_MM_PER_CM = Decimal(10)


@dataclass(frozen=True)
class ContainerType:
    """A container type with the inner size and payload a loading plan uses."""

    code: str
    name: str
    iso6346_size_type: str
    teu: Decimal
    inner_length_cm: Decimal
    inner_width_cm: Decimal
    inner_height_cm: Decimal
    door_width_cm: Decimal
    door_height_cm: Decimal
    capacity_m3: Decimal
    tare_kg: Decimal
    max_payload_kg: Decimal

    @property
    def inner_volume_m3(self) -> Decimal:
        """Inner volume from the inner dimensions (the plan's denominator)."""
        cm3 = self.inner_length_cm * self.inner_width_cm * self.inner_height_cm
        return cm3 / Decimal(1_000_000)


def _cm(value: str) -> Decimal:
    return Decimal(value) / _MM_PER_CM


@lru_cache(maxsize=1)
def container_types() -> dict[str, ContainerType]:
    """Every container type of the reference data, by code (20GP, 40GP, 40HC, ...)."""
    out: dict[str, ContainerType] = {}
    with open_text(DATA_FILE) as handle:
        for row in csv.DictReader(handle):
            out[row["code"]] = ContainerType(
                code=row["code"],
                name=row["name"],
                iso6346_size_type=row["iso6346_size_type"],
                teu=Decimal(row["teu"]),
                inner_length_cm=_cm(row["int_length_mm_typ"]),
                inner_width_cm=_cm(row["int_width_mm_typ"]),
                inner_height_cm=_cm(row["int_height_mm_typ"]),
                door_width_cm=_cm(row["door_width_mm_typ"]),
                door_height_cm=_cm(row["door_height_mm_typ"]),
                capacity_m3=Decimal(row["capacity_m3_typ"]),
                tare_kg=Decimal(row["tare_kg_typ"]),
                max_payload_kg=Decimal(row["max_payload_kg_typ"]),
            )
    return out


def container_type(code: str) -> ContainerType:
    """The container type with this code; UnknownContainerType if there is none."""
    types = container_types()
    key = code.strip().upper()
    if key not in types:
        raise UnknownContainerType(
            params={"code": code}, field="container_type", details={"known": sorted(types)}
        )
    return types[key]
