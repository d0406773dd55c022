"""The restricted-party lists shipped with Seaward, parsed and merged per list id.

OFAC SDN is shipped as three sets: the 2021 set with aliases and addresses, a 2025
subset in the same layout, and the 2024-05-03 main file (names and remarks only). They
merge into one ``us_ofac_sdn`` snapshot: the newest full record of an entity wins; the
newer names of an entity already known are added to it as strong names.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

from seaward.compliance.entities import EntityName, ListSnapshot
from seaward.compliance.lists import parse_bis_dpl, parse_ofac_legacy, parse_trade_csl, parse_un_xml
from seaward.reference import datafiles

FOLDER = "sanctions"
# The modules whose code decides what a built index contains.
INDEX_SOURCES = (
    "entities.py",
    "countries.py",
    "scripts.py",
    "names.py",
    "index.py",
    "shipped.py",
    "lists/*.py",
)
_SDN_2021 = "sanctions/ofac_sdn_2021_watchman_bench/"
_SDN_2025 = "sanctions/ofac_sdn_2025_watchman_subset/"
_SDN_2024 = "sanctions/ofac_sdn_2024-05-03_gitscrape/sdn.csv"
_CONS = "sanctions/ofac_consolidated_nonsdn_watchman/"
_UN = "sanctions/un_consolidated_watchman/UN_consolidated.xml"
_DPL = "sanctions/us_bis_dpl_watchman/dpl.txt"
_CSL = "sanctions/us_trade_csl_sample_watchman/csl.csv"


def _open(relative: str) -> io.BytesIO:
    return io.BytesIO(datafiles.read_bytes(relative))


def _ofac_set(
    folder: str, prefix: str, comments: str, list_id: str, published: date | None
) -> ListSnapshot:
    return parse_ofac_legacy(
        _open(f"{folder}{prefix}{'prim' if prefix else 'sdn'}.csv"),
        add=_open(f"{folder}{prefix}add.csv"),
        alt=_open(f"{folder}{prefix}alt.csv"),
        comments=_open(f"{folder}{comments}"),
        list_id=list_id,
        source=f"shipped {folder.rstrip('/')}",
        published=published,
    )


def merge_newer(base: ListSnapshot, newer: ListSnapshot, *, full_records: bool) -> ListSnapshot:
    """Entities of ``newer`` over ``base``: replaced when full, else their new names added."""
    by_id = {e.entity_id: e for e in base.entities}
    for entity in newer.entities:
        old = by_id.get(entity.entity_id)
        if old is None or full_records:
            by_id[entity.entity_id] = entity
            continue
        known = {n.text.casefold() for n in old.names}
        added = [
            EntityName(n.text, strong=n.strong, kind="aka" if n.kind == "primary" else n.kind)
            for n in entity.names
            if n.text.casefold() not in known
        ]
        by_id[entity.entity_id] = replace(
            old,
            names=old.names + tuple(added),
            countries=tuple(dict.fromkeys(old.countries + entity.countries)),
            birth_dates=tuple(dict.fromkeys(old.birth_dates + entity.birth_dates)),
            identifiers=tuple(dict.fromkeys(old.identifiers + entity.identifiers)),
        )
    return ListSnapshot(
        list_id=base.list_id,
        source=f"{base.source} + {newer.source}",
        published=max((d for d in (base.published, newer.published) if d), default=None),
        entities=tuple(by_id.values()),
    )


def load_shipped() -> list[ListSnapshot]:
    """Every shipped list as a snapshot, one per list id."""
    sdn = _ofac_set(_SDN_2021, "", "sdn_comments.csv", "us_ofac_sdn", date(2021, 7, 7))
    sdn = merge_newer(
        sdn,
        parse_ofac_legacy(
            _open(_SDN_2024), source="shipped ofac_sdn_2024-05-03", published=date(2024, 5, 3)
        ),
        full_records=False,
    )
    sdn = merge_newer(
        sdn, _ofac_set(_SDN_2025, "", "sdn_comments.csv", "us_ofac_sdn", None), full_records=True
    )
    cons = _ofac_set(_CONS, "cons_", "cons_comments.csv", "us_ofac_cons", None)
    return [
        sdn,
        cons,
        parse_un_xml(_open(_UN), source="shipped UN_consolidated.xml"),
        parse_bis_dpl(_open(_DPL), source="shipped us_bis_dpl"),
        parse_trade_csl(_open(_CSL), source="shipped us_trade_csl sample"),
    ]


def shipped_fingerprint() -> str:
    """A hash of the shipped list files and of the code that indexes them: a cache key."""
    digest = hashlib.sha256()
    for relative in sorted(datafiles.iter_files(FOLDER)):
        path = datafiles.path_of(relative)
        digest.update(relative.encode("utf-8"))
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    # A change to parsing or normalization must not reuse an index built by older code.
    package = Path(__file__).resolve().parent
    for name in INDEX_SOURCES:
        for source in sorted(package.glob(name)):
            digest.update(source.relative_to(package).as_posix().encode("utf-8"))
            digest.update(source.read_bytes())
    return digest.hexdigest()[:24]
