"""Shared makers of the workflow tests: small list files, imported snapshots, parties.

Named ``test_*`` so it sits with the workflow tests; it holds no tests itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

SDN_V1 = (
    '1001,"BLACKSTONE MARINE TRADING FZE",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    "\"a.k.a. 'BLACKSTONE MARINE'.\"\r\n"
    '1002,"KHOROSHEV, Dmitry Yuryevich","individual","CYBER2",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '-0- ,"DOB 17 Apr 1993; nationality Russia."\r\n'
    '1003,"OCEAN STAR",vessel,"SDGT",-0- ,"9HXY2","Crude Oil Tanker",-0- ,-0- ,"Panama",-0- ,'
    '"Vessel Registration Identification IMO 9187629."\r\n'
)
ADD_V1 = '1001,201,"Jebel Ali Free Zone","Dubai","United Arab Emirates",-0- \r\n'
ALT_V1 = '1001,301,"aka","BLACKSTONE SHIPPING TRADING",-0- \r\n'

# v2: 1001 gains an alias (changed), 1003 is delisted (removed), 1004 is new (added).
SDN_V2 = (
    SDN_V1.split("1003,")[0]
    + '1004,"GOLDEN LOTUS IMPORT EXPORT LLC",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    "-0- \r\n"
)
ALT_V2 = ALT_V1 + '1001,302,"aka","BLACKSTONE OCEAN LOGISTICS",-0- \r\n'


def write_sdn(folder: Path, sdn: str = SDN_V1, add: str = ADD_V1, alt: str = ALT_V1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sdn.csv").write_text(sdn, encoding="utf-8")
    (folder / "add.csv").write_text(add, encoding="utf-8")
    (folder / "alt.csv").write_text(alt, encoding="utf-8")
    return folder / "sdn.csv"


def import_sdn(folder: Path, **texts: str) -> Any:
    from seaward.compliance.snapshots import list_import

    return list_import("us_ofac_sdn", write_sdn(folder, **texts))


@pytest.fixture(name="sdn_v1")
def sdn_v1_fixture(db, tmp_path):  # type: ignore[no-untyped-def]
    """The small SDN list (v1) in force."""
    return import_sdn(tmp_path / "v1").snapshot


def make_party(owner: Any, **fields: Any) -> Any:
    """A party created through the organizations service, then screened (as wired)."""
    from seaward.compliance.services import party_screen_enqueue
    from seaward.organizations import services

    contacts = fields.pop("contacts", [])
    defaults: dict[str, Any] = {"is_buyer": True, "country": "AE"}
    party = services.party_create(actor=owner, **{**defaults, **fields})
    for name in contacts:
        services.party_contact_add(actor=owner, party=party, name=name)
    # The lead wires these calls into organizations.services; calling again is harmless
    # (a screening that is current is skipped).
    party_screen_enqueue(party, trigger="created")
    return party
