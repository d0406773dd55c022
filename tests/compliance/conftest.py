from __future__ import annotations

import io

import pytest

from seaward.compliance.index import ScreeningIndex
from seaward.compliance.lists import parse_ofac_legacy, parse_un_xml
from seaward.reference import datafiles

SDN = (
    '48603,"KHOROSHEV, Dmitry Yuryevich","individual","CYBER2",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"DOB 17 Apr 1993; nationality Russia; Passport 2006801524 (Russia); '
    "a.k.a. 'LOCKBITSUPP'.\"\r\n"
    '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    "\"a.k.a. 'BNC'.\"\r\n"
    '9999,"OCEAN STAR",vessel,"SDGT",-0- ,"9HXY2","Crude Oil Tanker",-0- ,-0- ,"Panama",-0- ,'
    '"Vessel Registration Identification IMO 9187629."\r\n'
)
ADD = (
    '48603,101,-0- ,"Voronezh","Russia",-0- \r\n'
    '306,199,"Zweierstrasse 35","Zurich CH-8022","Switzerland",-0- \r\n'
)
ALT = (
    '48603,75563,"aka","KHOROSHEV, Dmitriy Yurevich",-0- \r\n'
    '306,220,"aka","NATIONAL BANK OF CUBA",-0- \r\n'
)


def sdn_files() -> dict[str, io.BytesIO]:
    return {
        "main": io.BytesIO(SDN.encode()),
        "add": io.BytesIO(ADD.encode()),
        "alt": io.BytesIO(ALT.encode()),
    }


@pytest.fixture(scope="session")
def small_index() -> ScreeningIndex:
    """The UN list (shipped) plus a three-entity OFAC sample: fast to build."""
    files = sdn_files()
    sdn = parse_ofac_legacy(files["main"], add=files["add"], alt=files["alt"])
    un = parse_un_xml(
        io.BytesIO(datafiles.read_bytes("sanctions/un_consolidated_watchman/UN_consolidated.xml"))
    )
    return ScreeningIndex.build([sdn, un])
