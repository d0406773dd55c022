from __future__ import annotations

import io

import pytest

from seaward.compliance.entities import Identifier
from seaward.compliance.errors import ListFileInvalid
from seaward.compliance.lists import (
    parse_bis_dpl,
    parse_eu_xml,
    parse_ofac_legacy,
    parse_trade_csl,
    parse_un_xml,
    reading,
)
from seaward.compliance.shipped import load_shipped, merge_newer
from tests.compliance.conftest import SDN, sdn_files

UN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>7420800</DATAID>
      <FIRST_NAME>ABDULHAI</FIRST_NAME>
      <SECOND_NAME>SALEK</SECOND_NAME>
      <REFERENCE_NUMBER>TAi.108</REFERENCE_NUMBER>
      <NATIONALITY><VALUE>Afghanistan</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY>
        <ALIAS_NAME>Abdul Hay Salik</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY>
        <ALIAS_NAME>Mullah Salek</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE>
        <YEAR>1965</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>OA 123456</NUMBER>
        <ISSUING_COUNTRY>Afghanistan</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>6908402</DATAID>
      <FIRST_NAME>ADF</FIRST_NAME>
      <REFERENCE_NUMBER>CDe.001</REFERENCE_NUMBER>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY>
        <ALIAS_NAME>Allied Democratic Forces</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ADDRESS><COUNTRY>Democratic Republic of the Congo</COUNTRY></ENTITY_ADDRESS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""

DPL = (
    '"Name"\t"Street_Address"\t"City"\t"State"\t"Country"\t"Postal_Code"\t"Effective_Date"\t'
    '"Expiration_Date"\t"Standard_Order"\t"Last_Update"\t"Action"\t"FR_Citation"\n'
    '"AARON ABRAHAM VILLA"\t"3415 RIVERA AVENUE"\t"EL PASO"\t"TX"\t""\t"79905"\t"08/24/2022"\t'
    '"01/14/2026"\t"Y"\t"2022-08-29"\t"F.R. NOTICE ADDED"\t"87 F.R. 52741 8/29/2022"\n'
    '"ACME EXPORT TRADING LTD"\t"1 MAIN ST"\t"DUBAI"\t""\t"AE"\t""\t"01/01/2020"\t""\t"Y"\t'
    '""\t""\t""\n'
)

CSL_HEADER = (
    "source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,"
    "end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
    "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,"
    "dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n"
)
CSL_ROW = (
    "Specially Designated Nationals (SDN) - Treasury Department,27271,Individual,IRAN,"
    '"AKBARI, Mohammadreza Ali",,,,,,,,,,,,,,,,,"AKBARI, Ali; ALIAKBARI, Mohammad Reza",IR,'
    '1967-10-31,,,,"21795618, Passport"\n'
)


def test_ofac_legacy_reads_names_aliases_and_remarks():
    files = sdn_files()
    snapshot = parse_ofac_legacy(files["main"], add=files["add"], alt=files["alt"])
    by_id = {e.entity_id: e for e in snapshot.entities}
    person = by_id["48603"]
    assert person.entity_type == "person"
    assert [(n.text, n.strong) for n in person.names] == [
        ("KHOROSHEV, Dmitry Yuryevich", True),
        ("KHOROSHEV, Dmitriy Yurevich", True),
        ("LOCKBITSUPP", False),  # the remarks' AKAs are OFAC's weak AKAs
    ]
    assert person.birth_dates == ("1993-04-17",)
    assert person.countries == ("RU",)
    assert Identifier("passport", "2006801524", "RU") in person.identifiers
    assert by_id["306"].entity_type == "organization"
    assert by_id["306"].countries == ("CH",)
    vessel = by_id["9999"]
    assert vessel.entity_type == "vessel" and "PA" in vessel.countries
    assert Identifier("imo", "9187629", "") in vessel.identifiers
    assert snapshot.counts["entities"] == 3


def test_ofac_truncated_file_is_rejected_with_its_line():
    truncated = SDN[: SDN.index("OCEAN STAR") + 20]
    with pytest.raises(ListFileInvalid) as caught:
        parse_ofac_legacy(io.BytesIO(truncated.encode()))
    assert "line 3" in caught.value.message


def test_ofac_row_with_missing_fields_is_rejected():
    with pytest.raises(ListFileInvalid) as caught:
        parse_ofac_legacy(io.BytesIO(b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\r\n'))
    assert "line 1" in caught.value.message and "4 fields" in caught.value.message


def test_ofac_bad_entity_number_and_unknown_type_are_rejected():
    row = '"X1","NAME","individual","P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    with pytest.raises(ListFileInvalid, match="not a number"):
        parse_ofac_legacy(io.BytesIO(row.encode()))
    row = '1,"NAME","spaceship","P",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    with pytest.raises(ListFileInvalid, match="unknown entity type"):
        parse_ofac_legacy(io.BytesIO(row.encode()))


def test_empty_and_oversized_files_are_rejected(monkeypatch):
    with pytest.raises(ListFileInvalid, match="empty"):
        parse_ofac_legacy(io.BytesIO(b"  \r\n"))
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    with pytest.raises(ListFileInvalid, match="larger than"):
        parse_ofac_legacy(io.BytesIO(SDN.encode()))


def test_un_xml_reads_entries_aliases_quality_and_documents():
    snapshot = parse_un_xml(io.BytesIO(UN_XML.encode()))
    assert snapshot.published is not None and snapshot.published.isoformat() == "2026-02-27"
    person, entity = snapshot.entities
    assert person.entity_id == "TAi.108"
    assert [(n.text, n.strong) for n in person.names] == [
        ("ABDULHAI SALEK", True),
        ("Abdul Hay Salik", True),
        ("Mullah Salek", False),  # UN quality "Low"
    ]
    assert person.birth_dates == ("1965",)
    assert person.countries == ("AF",)
    assert person.identifiers == (Identifier("passport", "OA123456", "AF"),)
    assert entity.entity_type == "organization" and entity.countries == ("CD",)


def test_un_truncated_xml_names_line_and_column():
    cut = UN_XML[: UN_XML.index("<ENTITIES>") + 30]
    with pytest.raises(ListFileInvalid) as caught:
        parse_un_xml(io.BytesIO(cut.encode()))
    assert "line" in caught.value.message and "column" in caught.value.message


def test_un_entity_expansion_and_wrong_root_are_rejected():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        "<CONSOLIDATED_LIST>&a;</CONSOLIDATED_LIST>"
    )
    with pytest.raises(ListFileInvalid):
        parse_un_xml(io.BytesIO(bomb.encode()))
    with pytest.raises(ListFileInvalid, match="CONSOLIDATED_LIST"):
        parse_un_xml(io.BytesIO(b"<OTHER/>"))


def test_un_entry_without_reference_is_rejected_naming_it():
    broken = UN_XML.replace("<REFERENCE_NUMBER>TAi.108</REFERENCE_NUMBER>", "")
    with pytest.raises(ListFileInvalid, match=r"INDIVIDUAL> #1 \(DATAID 7420800\)"):
        parse_un_xml(io.BytesIO(broken.encode()))


def test_bis_dpl_groups_rows_and_guesses_the_type():
    snapshot = parse_bis_dpl(io.BytesIO(DPL.encode()))
    person, company = snapshot.entities
    assert person.entity_type == "person" and person.countries == ("US",)
    assert company.entity_type == "organization" and company.countries == ("AE",)
    assert person.entity_id.startswith("DPL-") and person.entity_id != company.entity_id


def test_bis_dpl_missing_columns_and_short_rows_are_rejected():
    with pytest.raises(ListFileInvalid, match="header lacks"):
        parse_bis_dpl(io.BytesIO(b'"Name"\t"City"\n"X"\t"Y"\n'))
    short = DPL + '"ONLY A NAME"\t"STREET"\n'
    with pytest.raises(ListFileInvalid, match="line 4"):
        parse_bis_dpl(io.BytesIO(short.encode()))


def test_trade_csl_reads_aliases_dates_and_ids():
    snapshot = parse_trade_csl(io.BytesIO((CSL_HEADER + CSL_ROW).encode()))
    (entity,) = snapshot.entities
    assert entity.entity_id == "27271" and entity.entity_type == "person"
    assert [n.text for n in entity.names][1:] == ["AKBARI, Ali", "ALIAKBARI, Mohammad Reza"]
    assert entity.birth_dates == ("1967-10-31",)
    assert entity.countries == ("IR",)
    assert Identifier("passport", "21795618", "") in entity.identifiers


def test_trade_csl_wrong_encoding_is_rejected_with_its_line():
    data = (
        CSL_HEADER + CSL_ROW
    ).encode() + "Société Générale,1,Entity,,Société,,,,,,,,,,,,,,,,,,,,,,,\n".encode("latin-1")
    with pytest.raises(ListFileInvalid, match=r"line 3: not UTF-8"):
        parse_trade_csl(io.BytesIO(data))


def test_newer_names_merge_into_known_entities():
    files = sdn_files()
    base = parse_ofac_legacy(files["main"], add=files["add"], alt=files["alt"])
    newer_row = (
        '48603,"KHOROSHEV, Dmitrii",individual,"CYBER2",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    )
    newer = parse_ofac_legacy(io.BytesIO(newer_row.encode()))
    merged = merge_newer(base, newer, full_records=False)
    person = next(e for e in merged.entities if e.entity_id == "48603")
    assert person.names[0].text == "KHOROSHEV, Dmitry Yuryevich"
    assert "KHOROSHEV, Dmitrii" in [n.text for n in person.names]
    assert person.birth_dates == ("1993-04-17",)


def test_shipped_lists_load_with_every_list_id():
    snapshots = {s.list_id: s for s in load_shipped()}
    assert set(snapshots) == {"us_ofac_sdn", "us_ofac_cons", "un_sc", "us_bis_dpl", "us_trade_csl"}
    sdn = {e.entity_id: e for e in snapshots["us_ofac_sdn"].entities}
    assert len(sdn) > 15_000  # 2021 set plus the newer 2024-05 names
    assert "48603" in sdn  # from the 2025 subset
    assert any(not n.strong for e in sdn.values() for n in e.names)
    assert snapshots["un_sc"].counts["person"] == 730
    assert snapshots["un_sc"].counts["organization"] == 273


EU_XML = """<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-05-03T09:00:00.000+02:00">
  <sanctionEntity unitedNationId="" euReferenceNumber="EU.27.28" logicalId="13">
    <regulation programme="IRQ" publicationDate="2003-07-08"/>
    <subjectType code="person" classificationCode="P"/>
    <nameAlias firstName="Saddam" middleName="" lastName="Hussein Al-Tikriti"
      wholeName="Saddam Hussein Al-Tikriti" strong="true" logicalId="17"/>
    <nameAlias wholeName="Abu Ali" strong="false" logicalId="18"/>
    <citizen countryIso2Code="IQ" countryDescription="IRAQ"/>
    <birthdate birthdate="1937-04-28" year="1937" countryIso2Code="IQ"/>
    <identification number="N 123456" identificationTypeCode="passport" countryIso2Code="IQ"/>
  </sanctionEntity>
  <sanctionEntity euReferenceNumber="" logicalId="99">
    <subjectType code="enterprise" classificationCode="E"/>
    <nameAlias wholeName="Example Trading LLC" strong="true"/>
    <address countryIso2Code="AE" countryDescription="UNITED ARAB EMIRATES"/>
  </sanctionEntity>
</export>
"""


def test_eu_xml_reads_entities_in_its_namespace():
    snapshot = parse_eu_xml(io.BytesIO(EU_XML.encode()))
    person, company = snapshot.entities
    assert snapshot.list_id == "eu_fsf" and str(snapshot.published) == "2024-05-03"
    assert (person.entity_id, person.entity_type) == ("EU.27.28", "person")
    assert [(n.text, n.strong) for n in person.names] == [
        ("Saddam Hussein Al-Tikriti", True),
        ("Abu Ali", False),
    ]
    assert person.birth_dates == ("1937-04-28",) and person.countries == ("IQ",)
    assert person.identifiers == (Identifier("passport", "N123456", "IQ"),)
    assert (company.entity_id, company.entity_type, company.countries) == (
        "99",
        "organization",
        ("AE",),
    )


def test_eu_xml_rejects_truncated_and_nameless_entries():
    with pytest.raises(ListFileInvalid, match="line"):
        parse_eu_xml(io.BytesIO(EU_XML[:400].encode()))
    nameless = EU_XML.replace('wholeName="Example Trading LLC"', 'wholeName=""')
    with pytest.raises(ListFileInvalid, match=r"sanctionEntity> #2"):
        parse_eu_xml(io.BytesIO(nameless.encode()))
