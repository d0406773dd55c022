"""The HS 2022 nomenclature: sections, chapters, headings and subheadings.

Read from the shipped ``hs/harmonized-system.csv`` and ``hs/sections.csv``
(WCO HS 2022 as published by datasets/harmonized-system). No Django import.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from seaward.customs.hs_errors import UnknownHsCode
from seaward.reference import datafiles

_NON_DIGITS = re.compile(r"\D")


@dataclass(frozen=True)
class HsNode:
    """One node of the nomenclature: a section (roman numeral) or a 2/4/6-digit code."""

    code: str
    description: str
    level: str  # "section", "chapter", "heading" or "subheading"
    parent: str | None


@dataclass(frozen=True)
class PathStep:
    code: str
    description: str
    level: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "description": self.description, "level": self.level}


_LEVELS = {2: "chapter", 4: "heading", 6: "subheading"}


class Nomenclature:
    """The HS 2022 tree, indexed by code."""

    def __init__(self, nodes: dict[str, HsNode], section_of: dict[str, str]) -> None:
        self._nodes = nodes
        self._section_of = section_of

    @property
    def subheadings(self) -> list[HsNode]:
        return [n for n in self._nodes.values() if n.level == "subheading"]

    @property
    def headings(self) -> list[HsNode]:
        return [n for n in self._nodes.values() if n.level == "heading"]

    @property
    def chapters(self) -> list[HsNode]:
        return [n for n in self._nodes.values() if n.level == "chapter"]

    @property
    def sections(self) -> list[HsNode]:
        return [n for n in self._nodes.values() if n.level == "section"]

    def get(self, code: str) -> HsNode | None:
        return self._nodes.get(normalise_code(code) or code)

    def exists(self, code: str) -> bool:
        return normalise_code(code) in self._nodes

    def description(self, code: str) -> str:
        node = self.get(code)
        if node is None:
            raise UnknownHsCode(code)
        return node.description

    def children(self, code: str) -> list[HsNode]:
        key = normalise_code(code) or code
        return [n for n in self._nodes.values() if n.parent == key]

    def section_of(self, code: str) -> str:
        chapter = normalise_code(code)[:2]
        if chapter not in self._section_of:
            raise UnknownHsCode(code)
        return self._section_of[chapter]

    def path(self, code: str) -> list[PathStep]:
        """Section → chapter → heading → subheading, with official descriptions."""
        digits = normalise_code(code)
        if len(digits) not in (2, 4, 6) or digits not in self._nodes:
            raise UnknownHsCode(code)
        section = self._nodes[f"section:{self._section_of[digits[:2]]}"]
        steps = [PathStep(section.code, section.description, "section")]
        for size in (2, 4, 6):
            if len(digits) >= size:
                node = self._nodes[digits[:size]]
                steps.append(PathStep(node.code, node.description, node.level))
        return steps


def normalise_code(code: str) -> str:
    """Digits only ("8516.71" → "851671")."""
    return _NON_DIGITS.sub("", code)


@lru_cache(maxsize=1)
def load_nomenclature() -> Nomenclature:
    """The HS 2022 nomenclature from the shipped reference data (cached per process)."""
    nodes: dict[str, HsNode] = {}
    section_of: dict[str, str] = {}
    with datafiles.open_text("hs/sections.csv", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            numeral = row["section"].strip()
            name = row["name"].strip()
            nodes[f"section:{numeral}"] = HsNode(
                numeral, name[:1].upper() + name[1:], "section", None
            )
    with datafiles.open_text("hs/harmonized-system.csv") as handle:
        for row in csv.DictReader(handle):
            code = row["hscode"].strip()
            level = _LEVELS.get(len(code))
            # Chapter 99 ("commodities not specified") is a statistical code of the
            # data set, outside any section of the nomenclature.
            if level is None or row["section"].strip() == "TOTAL":
                continue
            parent = None if row["parent"] == "TOTAL" else row["parent"].strip()
            nodes[code] = HsNode(code, row["description"].strip(), level, parent)
            if level == "chapter":
                section_of[code] = row["section"].strip()
    return Nomenclature(nodes, section_of)
