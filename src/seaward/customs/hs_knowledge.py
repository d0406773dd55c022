"""The labelled knowledge base the HS classifier searches: text → HS 2022 subheading.

Built deterministically from the shipped reference data: HS 2022 subheading
descriptions, US HTS lines with their description chain, UK tariff lines whose
subheading still exists in HS 2022, the UK parcel/search references, Chinese
tariff-line names and the subjects of US rulings. Every entry keeps its source
so that an explanation can say where a vote came from.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from seaward.customs.hs_national import uk_tariff_lines, us_hts_lines
from seaward.customs.hs_nomenclature import load_nomenclature, normalise_code
from seaward.reference import datafiles

# Sources, from closest to a seller's product title to the most formal wording.
SOURCE_UK_REFERENCE = "uk-reference"
SOURCE_US_RULING = "us-ruling"
SOURCE_CN_TARIFF = "cn-tariff"
SOURCE_US_HTS = "us-hts"
SOURCE_UK_TARIFF = "uk-tariff"
SOURCE_HS = "hs2022"
SOURCE_CONFIRMED = "confirmed"
SOURCE_CURATED = "curated"

_OTHER_ZH = ("其他", "其它")
_RULING_PREFIX = re.compile(r"^\s*the tariff classification of\s+", re.IGNORECASE)
_RULING_ORIGIN = re.compile(r"\s+from\s+[A-Z][\w .,'()-]*$")


@dataclass(frozen=True)
class KnowledgeEntry:
    text: str
    hs6: str
    source: str
    national_code: str = ""


def _hs_entries() -> list[KnowledgeEntry]:
    nomenclature = load_nomenclature()
    entries = []
    for node in nomenclature.subheadings:
        heading = nomenclature.get(node.code[:4])
        heading_text = heading.description if heading else ""
        entries.append(KnowledgeEntry(f"{heading_text}: {node.description}", node.code, SOURCE_HS))
    return entries


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _us_entries(valid: set[str]) -> list[KnowledgeEntry]:
    lines = us_hts_lines()
    has_child = {line.code[:8] for line in lines if len(line.code) == 10}
    entries = []
    for line in lines:
        if len(line.code) == 8 and line.code in has_child:
            continue
        if line.code[:6] not in valid:
            continue
        parts = line.full_description.split(" > ")
        # The heading text is long and shared by every line under it; keep its head only.
        text = " > ".join([_shorten(parts[0], 90), *parts[1:]]) if parts else line.description
        entries.append(KnowledgeEntry(text, line.code[:6], SOURCE_US_HTS, line.code))
    return entries


def _uk_tariff_entries() -> list[KnowledgeEntry]:
    return [
        KnowledgeEntry(line.description, line.code[:6], SOURCE_UK_TARIFF, line.code)
        for line in uk_tariff_lines()
        if line.mapped_to_hs2022 and line.description
    ]


def _uk_reference_entries(valid: set[str]) -> list[KnowledgeEntry]:
    entries = []
    path = "hs-extra/uk-parcel-references/uk_fpo_refs_normalized.csv"
    with datafiles.open_text(path) as handle:
        for row in csv.DictReader(handle):
            hs6 = normalise_code(row["hs6"])
            text = row["text"].strip()
            if hs6 in valid and text:
                entries.append(KnowledgeEntry(text, hs6, SOURCE_UK_REFERENCE, row["uk_code"]))
    return entries


def _cn_entries(valid: set[str]) -> list[KnowledgeEntry]:
    nomenclature = load_nomenclature()
    seen: set[tuple[str, str]] = set()
    entries = []
    with datafiles.open_text("hs-extra/cn-tariff-zh/cn_tariff_lines_zh.csv") as handle:
        for row in csv.DictReader(handle):
            hs6 = normalise_code(row["hs6"])
            name = row["name_zh"].strip()
            if hs6 not in valid or not name or (hs6, name) in seen:
                continue
            seen.add((hs6, name))
            if name.startswith(_OTHER_ZH):
                # "Other …" means something only beside its subheading's own words.
                name = f"{name}（{nomenclature.description(hs6)}）"
            entries.append(KnowledgeEntry(name, hs6, SOURCE_CN_TARIFF, row["cn_code8"]))
    return entries


def _ruling_entries(valid: set[str]) -> list[KnowledgeEntry]:
    entries = []
    raw = datafiles.read_bytes("hs-extra/us-ny-rulings/ny_rulings.jsonl").decode("utf-8")
    for line in raw.splitlines():
        if not line.strip():
            continue
        ruling = json.loads(line)
        # Only the subject: the letter's body states its own answer.
        subject = _RULING_ORIGIN.sub(
            "", _RULING_PREFIX.sub("", ruling.get("subject") or "")
        ).strip()
        for tariff in ruling.get("tariffs", [])[:1]:
            hs6 = normalise_code(tariff)[:6]
            if hs6 in valid and subject:
                entries.append(
                    KnowledgeEntry(subject, hs6, SOURCE_US_RULING, normalise_code(tariff))
                )
    return entries


@lru_cache(maxsize=1)
def knowledge_entries() -> tuple[KnowledgeEntry, ...]:
    """All labelled entries, in a stable order."""
    valid = {node.code for node in load_nomenclature().subheadings}
    entries = [
        *_hs_entries(),
        *_uk_reference_entries(valid),
        *_ruling_entries(valid),
        *_cn_entries(valid),
        *_us_entries(valid),
        *_uk_tariff_entries(),
    ]
    return tuple(entries)


def knowledge_hash(entries: tuple[KnowledgeEntry, ...] | list[KnowledgeEntry]) -> str:
    """A digest of the texts and labels: an embedding matrix is valid only for it."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(f"{entry.source}\t{entry.hs6}\t{entry.text}\n".encode())
    return digest.hexdigest()[:16]
