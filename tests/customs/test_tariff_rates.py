"""Duty rate grammar: each form, evaluation, and every rate text of the shipped files."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal as D

import pytest

from seaward.customs.duty_rates import (
    AdValorem,
    DutyContext,
    Specific,
    evaluate,
    parse_rate,
    parse_special,
)
from seaward.customs.landed_cost_errors import RateNotComputable, RateParseError
from seaward.customs.tariff import chapter99, iter_us_rate_texts, us_line
from seaward.customs.tariff_uk import UK_FILE, status_of_hs2017_subheadings, uk_eu_line
from seaward.reference import datafiles


def ctx(value: str = "1000", **quantities: str) -> DutyContext:
    def quantity_of(unit: str) -> D:
        return D(quantities[unit])

    rates = {"USD": D(1), "EUR": D("1.1"), "GBP": D("1.3")}
    return DutyContext(D(value), quantity_of, lambda a, c: a * rates[c], date(2025, 3, 1))


@pytest.mark.parametrize(
    ("text", "form", "expected"),
    [
        ("Free", "free", "0"),
        ("5%", "ad_valorem", "50"),
        ("6.80%", "ad_valorem", "68.0"),
        ("2.4¢/kg", "specific", "24.0"),  # 0.024 x 1000 kg
        ("$1.20/doz.", "specific", "12.00"),  # 10 doz
        ("2.4¢/kg + 5%", "compound", "74.0"),
        ("37.5¢ each", "specific", "45.0"),  # 120 items
        ("$2.50/thou- sand + 40%", "compound", "400.3"),  # 0.0025 x 120 + 400
        ("10.20% + 93.10 EUR / 100 kg", "compound", "1126.1"),  # 102 + 931 x 1.1
        ("34.00 GBP/100kg", "specific", "442.00"),  # 340 x 1.3
        ("4.50% MIN 0.30 EUR / item MAX 0.80 EUR / item", "compound", "45.00"),
        ("6.4 + 24.6 EUR/100 kg", "compound", "334.60"),  # 64 + 246 x 1.1
    ],
)
def test_rate_forms_parse_and_evaluate(text, form, expected):
    rate = parse_rate(text)
    assert rate.form == form
    assert evaluate(rate, ctx(kg="1000", doz="10", item="120")) == D(expected)


def test_min_and_max_bind():
    rate = parse_rate("4.50% MIN 0.30 EUR / item MAX 0.80 EUR / item")
    # 4.5 % of 1000 = 45; max 0.80 EUR x 10 items x 1.1 = 8.80
    assert evaluate(rate, ctx(item="10")) == D("8.800")
    # 4.5 % of 10 = 0.45 < min 0.30 x 10 x 1.1 = 3.30
    assert evaluate(rate, ctx("10", item="10")) == D("3.300")


def test_terms_are_decimal_and_cents_become_dollars():
    rate = parse_rate("1.5¢/kg + 5%")
    assert rate.formula is not None
    assert rate.formula.terms == (Specific(D("0.015"), "USD", D(1), "kg"), AdValorem(D(5)))


def test_seasonal_rate_picks_the_period():
    rate = parse_rate("15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)")
    assert rate.kind == "seasonal"
    winter = DutyContext(D(100), lambda u: D(0), lambda a, c: a, date(2025, 1, 20))
    spring = DutyContext(D(100), lambda u: D(0), lambda a, c: a, date(2025, 4, 1))
    assert evaluate(rate, winter) == D("15.00")
    assert evaluate(rate, spring) == D("0")


def test_wrapping_season():
    rate = parse_rate("14.00% (01 JUL - 31 JAN), 0.00% (01 FEB - 30 JUN)")
    jan = DutyContext(D(100), lambda u: D(0), lambda a, c: a, date(2025, 1, 10))
    assert evaluate(rate, jan) == D("14.00")


def test_chapter_99_text():
    rate = parse_rate("The duty provided in the applicable subheading + 25%")
    assert rate.kind == "ch99"
    assert evaluate(rate, ctx()) == D("250")
    assert parse_rate("The duty provided in the applicable subheading").formula is not None


@pytest.mark.parametrize(
    "text",
    [
        "37.5¢ each + 5% on the case",
        "1.4¢/kg on drained weight",
        "1.75 EUR / % vol / hl",
        "9.00% + EA MAX 18.70% + ADSZ",
        "The rate applicable to each garment in the ensemble if separately entered",
        "Entry Price",
        "5¢/kg less 0.05¢/kg for each degree under 100 degrees (and fractions) but not less "
        "than 3¢/kg",
    ],
)
def test_recognised_but_not_computable(text):
    rate = parse_rate(text)
    assert not rate.computable
    with pytest.raises(RateNotComputable) as err:
        evaluate(rate, ctx(kg="1", item="1", hl="1"))
    assert text[:10] in str(err.value)


@pytest.mark.parametrize("text", ["", "5 % % 5", "12 furlongs", "$3/fortnight", "abc"])
def test_unknown_forms_raise_naming_the_text(text):
    with pytest.raises(RateParseError) as err:
        parse_rate(text)
    assert repr(text) in str(err.value)


def test_special_column_programs():
    parsed = parse_special(
        "Free (A+,AU,BH,CL,CO,D,E, IL,JO,KR,MA,OM,P,PA,PE,S, SG) 5.3¢/kg + 0.4% (CO,PA) "
        "See 9822.04.20 (AU)"
    )
    assert [p.rate.kind for p in parsed] == ["free", "formula", "reference"]
    assert "IL" in parsed[0].programs and parsed[1].programs == ("CO", "PA")


def test_every_rate_text_of_the_shipped_hts_parses():
    unparsed = []
    texts = iter_us_rate_texts()
    for line, code, column, text in texts:
        try:
            parse_special(text) if column == "Special Rate of Duty" else parse_rate(text)
        except RateParseError as exc:
            unparsed.append(f"line {line} {code} {column}: {exc}")
    assert len(texts) > 40_000
    assert unparsed == [], "\n".join(unparsed[:50])


def test_every_uk_and_eu_rate_text_parses():
    unparsed = []
    with datafiles.open_text(UK_FILE) as handle:
        reader = csv.DictReader(handle)
        for record in reader:
            for column in ("ukgt_duty_rate", "cet_duty_rate"):
                try:
                    parse_rate(record[column])
                except RateParseError as exc:
                    unparsed.append(f"line {reader.line_num} {column}: {exc}")
    assert unparsed == [], "\n".join(unparsed[:50])


def test_us_line_inheritance_and_ambiguity():
    stat = us_line("0102.29.40.24")
    assert stat.rate_text == "1¢/kg"
    coffee = us_line("851671")  # one national line under the subheading
    assert coffee.code == "85167100" and coffee.rate_text == "3.70%"
    from seaward.customs.landed_cost_errors import UnknownTariffLine

    with pytest.raises(UnknownTariffLine) as err:
        us_line("940360")
    assert "94036040" in str(err.value)


def test_chapter99_heading_lookup():
    heading = chapter99("9903.88.15")
    assert heading.rate.formula is not None
    assert heading.rate.formula.terms == (AdValorem(D("7.5")),)


def test_uk_eu_lines_and_hs2017_status():
    gb = uk_eu_line("6109.10", "GB")
    eu = uk_eu_line("6109.10", "EU")
    assert gb.rate_text == "12.0%" and eu.rate_text == "12.0%"
    assert gb.hs2017_status == "same_code"
    assert uk_eu_line("851671", "GB").rate_text == "2.0%"
    assert uk_eu_line("851671", "EU").rate_text == "2.7%"
    changed = uk_eu_line("94036010", "EU")
    assert changed.hs2017_status == "same_code_heading_changed" and changed.notes
    counts = status_of_hs2017_subheadings()
    assert counts["deleted_in_hs2022"] > 100 and counts["new_in_hs2022_mapped"] >= 30
