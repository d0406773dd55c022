"""Parsers of the shipped files, on a few lines (pure functions)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest

from seaward.reference import parsing
from seaward.reference.errors import InvalidReferenceFile

HEADER = (
    "locode,country,location,name,name_wo_diacritics,subdivision,status,function,date,"
    "iata,coordinates_raw,lat,lon,remarks,change,source\n"
)


def test_location_function_classifier_becomes_flags() -> None:
    text = (
        HEADER + "CNSGH,CN,SGH,Shanghai,Shanghai,SH,AS,12345---,,,,31.2,121.5,,,x\n"
        "CNSHA,CN,SHA,Shanghai Hongqiao Apt,Shanghai Hongqiao Apt,SH,AS,---4----,,,,,,,,x\n"
    )
    port, airport = parsing.location_rows(io.StringIO(text))
    assert port["is_seaport"] and port["is_rail"] and port["is_road"] and port["is_airport"]
    assert not airport["is_seaport"] and airport["is_airport"]
    assert port["latitude"] == pytest.approx(31.2) and airport["latitude"] is None
    assert port["search_name"] == "shanghai"


def test_location_with_bad_code_names_the_line() -> None:
    text = HEADER + "CNSGH,CN,SGH,Shanghai,Shanghai,SH,AS,1-------,,,,,,,,x\nXX,,,,,,,,,,,,,,,\n"
    with pytest.raises(InvalidReferenceFile) as caught:
        list(parsing.location_rows(io.StringIO(text)))
    assert caught.value.params["line"] == 3


def test_fold_strips_diacritics_and_case() -> None:
    assert parsing.fold("  Göteborg ") == "goteborg"
    assert parsing.fold("València") == "valencia"


def test_hs_rows_put_sections_first_and_drop_chapter_99() -> None:
    sections = io.StringIO("\ufeffsection,name\nI,live animals; animal products\n")
    nomenclature = io.StringIO(
        "section,hscode,description,parent,level\n"
        "I,01,Animals; live,TOTAL,2\nI,0101,Horses; live,01,4\nI,010121,Horses; pure-bred,0101,6\n"
        "TOTAL,99,Not specified,TOTAL,2\nTOTAL,TOTAL,Total,,5\n"
    )
    rows = parsing.hs_rows(nomenclature, sections)
    assert [(r["code"], r["level"], r["parent_id"]) for r in rows] == [
        ("I", 0, None),
        ("01", 2, "I"),
        ("0101", 4, "01"),
        ("010121", 6, "0101"),
    ]
    assert rows[0]["description"] == "Live animals; animal products"


def test_ecb_history_skips_missing_quotes() -> None:
    text = "Date,USD,BGN,\n2026-10-30,1.1172,N/A,\n2025-12-31,1.175,1.9558,\n"
    rows = list(parsing.ecb_history(io.StringIO(text)))
    assert rows == [
        (date(2026, 10, 30), "USD", Decimal("1.1172")),
        (date(2025, 12, 31), "USD", Decimal("1.175")),
        (date(2025, 12, 31), "BGN", Decimal("1.9558")),
    ]


def test_ecb_history_rejects_a_bad_number() -> None:
    with pytest.raises(InvalidReferenceFile) as caught:
        list(parsing.ecb_history(io.StringIO("Date,USD\n2026-10-30,1.2x\n")))
    assert "USD" in caught.value.message and "line 2" in caught.value.message


def test_name_aliases() -> None:
    text = "Country,Name,NameWoDiacritics\nAT,Vienna = Wien,Vienna = Wien\nXX,broken,broken\n"
    assert parsing.name_aliases(io.StringIO(text)) == [("AT", "Vienna", "Wien")]


def test_vat_rows_prefer_european_detail() -> None:
    eu = io.StringIO(
        '{"version": "2026-09-29", "rates": {"ES": {"currency": "EUR", '
        '"standard": 21.0, "reduced": [10.0], "super_reduced": 4.0}}}'
    )
    sales_tax = io.StringIO(
        '{"ES": {"type": "vat", "currency": "EUR", "rate": 0.2}, '
        '"CN": {"type": "vat", "currency": "CNY", "rate": 0.13}}'
    )
    rows = {row["country"]: row for row in parsing.vat_rows(eu, sales_tax)}
    assert rows["ES"]["standard_rate"] == Decimal("21")
    assert rows["ES"]["reduced_rates"] == ["10"]
    assert rows["ES"]["as_of"] == date(2026, 9, 29)
    assert rows["CN"]["standard_rate"] == Decimal("13")
    assert rows["CN"]["reduced_rates"] == []


def test_country_rows_have_three_languages_and_currency() -> None:
    rows = {row["code"]: row for row in parsing.country_rows({"ES"})}
    assert rows["ES"]["name_zh_hans"] == "西班牙"
    assert rows["ES"]["name_es"] == "España"
    assert rows["ES"]["currency"] == "EUR" and rows["ES"]["is_eu_member"]
    assert rows["CN"]["currency"] == "CNY" and not rows["CN"]["is_eu_member"]


def test_currency_rows_take_minor_units_from_cldr() -> None:
    rows = {row["code"]: row for row in parsing.currency_rows()}
    assert (rows["JPY"]["minor_units"], rows["USD"]["minor_units"], rows["KWD"]["minor_units"]) == (
        0,
        2,
        3,
    )
    assert rows["USD"]["name_zh_hans"] == "美元"
