"""Worked landed-cost examples, each checked by hand against the shipped tariff rows.

Rows quoted in the comments are from the files shipped in seaward/reference/data:
US = tariffs/us-hts/hts_2025_rev_apr2025.csv, UK/EU =
tariffs/uk-global-tariff-2021/ukgt_2021_with_eu_cet_2020.csv, FX = fx/eurofxref-hist.csv.
"""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from seaward.customs.landed_cost import LandedCost, compute_from_json
from seaward.customs.landed_cost_errors import (
    IncotermModeMismatch,
    InvalidShipment,
    UnknownCountry,
    UnknownTariffLine,
    UnmappedTariffLine,
    UnsupportedDestination,
)
from seaward.customs.landed_cost_rules import money


def shipment(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "destination": "US",
        "date": "2025-03-01",
        "currency": "USD",
        "incoterm": "FOB",
        "transport_mode": "sea",
        "freight": "0",
        "lines": [],
    }
    base.update(overrides)
    return base


def line(**fields: Any) -> dict[str, Any]:
    return {"quantity": "1", "unit": "pcs", "weight_kg": "1", **fields}


def amounts(result: LandedCost) -> dict[str, D]:
    return {f.name: f.amount for f in result.components}


def test_us_ad_valorem_coffee_maker_from_germany():
    # US line 8516.71.00 "Coffee or tea makers", General Rate of Duty "3.70%".
    # FOB USD 10,000, freight 1,000, insurance 50; 2025-03-01 (before any origin measure for DE).
    # customs value (FOB basis) = 10,000.00; duty = 3.7 % x 10,000 = 370.00
    # MPF FY2025 = 0.3464 % x 10,000 = 34.64 (between 32.71 and 634.62); HMF = 0.125 % = 12.50
    # total = 10,000 + 1,000 + 50 + 370 + 0 + 34.64 + 12.50 = 11,467.14
    result = compute_from_json(
        shipment(
            freight="1000",
            insurance="50",
            lines=[line(hs_code="8516.71.00", origin="DE", value="10000")],
        )
    )
    got = amounts(result)
    assert result.customs_value == D("10000.00")
    assert got["duty"] == D("370.00")
    assert got["additional_duties"] == D("0")
    assert got["mpf"] == D("34.64")
    assert got["hmf"] == D("12.50")
    assert result.total == D("11467.14")
    assert result.lines[0].duty_trace[0]["line"] == "27447"
    assert result.lines[0].duty_trace[0]["value"] == "3.70%"


def test_us_specific_rate_per_kg_with_mpf_minimum():
    # US 0102.29.40 (cattle, other): General "1¢/kg"; 2 head, 900 kg, FOB USD 2,000, by road.
    # duty = 0.01 x 900 = 9.00; MPF = 0.3464 % x 2,000 = 6.93 < minimum 32.71 -> 32.71
    # HMF = 0 (not unloaded from a vessel); total = 2,000 + 9 + 32.71 = 2,041.71
    result = compute_from_json(
        shipment(
            transport_mode="road",
            incoterm="FCA",
            lines=[line(hs_code="0102.29.40", origin="MX", value="2000", quantity="2",
                        weight_kg="900")],
        )
    )  # fmt: skip
    got = amounts(result)
    assert got["duty"] == D("9.00")
    assert result.lines[0].rate_form == "specific"
    assert got["mpf"] == D("32.71")
    assert got["hmf"] == D("0")
    assert result.total == D("2041.71")


def test_us_compound_rate_per_dozen_from_pieces():
    # US 8203.20.60 pliers: General "12¢/doz. + 5.5%"; 1,200 pcs = 100 doz, FOB USD 3,000 (TW).
    # duty = 0.12 x 100 + 5.5 % x 3,000 = 12.00 + 165.00 = 177.00
    # MPF = max(10.39, 32.71) = 32.71; HMF = 0.125 % x 3,000 = 3.75; total = 3,213.46
    result = compute_from_json(
        shipment(lines=[line(hs_code="8203.20.60", origin="TW", value="3000", quantity="1200")])
    )
    got = amounts(result)
    assert result.lines[0].rate_form == "compound"
    assert got["duty"] == D("177.00")
    assert result.total == D("3213.46")


def test_us_column_2_and_preference():
    # Same pliers from RU (general note 3(b) since 2022-04-09): Column 2 "$1.20/doz. + 60%"
    # duty = 1.20 x 100 + 60 % x 3,000 = 120 + 1,800 = 1,920.00
    ru = compute_from_json(
        shipment(lines=[line(hs_code="8203.20.60", origin="RU", value="3000", quantity="1200")])
    )
    assert amounts(ru)["duty"] == D("1920.00")
    assert ru.lines[0].rate_field == "Column 2 Rate of Duty"
    # From KR claiming KORUS: Special "Free (A,AU,...,KR,...)" -> duty 0
    kr = compute_from_json(
        shipment(lines=[line(hs_code="8203.20.60", origin="KR", value="3000", quantity="1200",
                             preference="KR")])
    )  # fmt: skip
    assert amounts(kr)["duty"] == D("0")
    with pytest.raises(InvalidShipment) as err:
        compute_from_json(
            shipment(lines=[line(hs_code="8203.20.60", origin="CN", value="1", preference="CN")])
        )
    assert err.value.field == "lines[0].preference"


def test_us_duty_free_smartphones_by_air():
    # US 8517.13.00 smartphones: General "Free"; FOB USD 50,000 from VN by air, freight 2,000.
    # duty 0; MPF = 0.3464 % x 50,000 = 173.20; HMF 0 (air); total = 52,173.20
    result = compute_from_json(
        shipment(
            transport_mode="air",
            incoterm="FCA",
            freight="2000",
            lines=[line(hs_code="8517.13.00", origin="VN", value="50000")],
        )
    )
    got = amounts(result)
    assert got["duty"] == D("0")
    assert got["mpf"] == D("173.20")
    assert result.total == D("52173.20")


def test_us_china_section_301_and_ieepa_declared():
    # 8516.71.00 from CN on 2025-04-20, FOB USD 10,000, declared chapter 99 headings:
    # 9903.88.03 "The duty provided in the applicable subheading + 25%"  -> 2,500.00
    # 9903.01.24 "... + 20%" (CN/HK, IEEPA)                              -> 2,000.00
    # 9903.01.63 "... + 125%" (reciprocal, China, April 2025 edition)     -> 12,500.00
    # duty 3.7 % = 370.00; MPF 34.64; HMF 12.50
    # total = 10,000 + 370 + 17,000 + 34.64 + 12.50 = 27,417.14
    result = compute_from_json(
        shipment(
            date="2025-04-20",
            lines=[line(hs_code="8516.71.00", origin="CN", value="10000",
                        chapter99=["9903.88.03", "9903.01.24", "9903.01.63"])],
        )
    )  # fmt: skip
    got = amounts(result)
    assert got["additional_duties"] == D("17000.00")
    assert result.total == D("27417.14")
    assert [t["code"] for t in result.lines[0].additional_trace] == [
        "9903.88.03",
        "9903.01.24",
        "9903.01.63",
    ]
    assert result.lines[0].additional_trace[0]["line"] == "34246"


def test_us_china_automatic_origin_measures_warn_about_301():
    # Without declared headings the compiled table applies 9903.01.24 (+20 %) and 9903.01.63
    # (+125 %) to CN goods on 2025-04-20: 2,000 + 12,500 = 14,500.00; Section 301 is only warned.
    result = compute_from_json(
        shipment(date="2025-04-20", lines=[line(hs_code="8516.71.00", origin="CN", value="10000")])
    )
    assert amounts(result)["additional_duties"] == D("14500.00")
    assert any("Section 301" in w for w in result.warnings)


def test_us_de_minimis_before_and_after_suspension():
    # 2025-03-10, FOB USD 500 from DE by air, freight 30: under the USD 800 de minimis
    # -> duty, additional duties, MPF and HMF all 0; total = 500 + 30 = 530.00
    small = dict(transport_mode="air", incoterm="FCA", freight="30",
                 lines=[line(hs_code="8516.71.00", origin="DE", value="500")])  # fmt: skip
    before = compute_from_json(shipment(date="2025-03-10", **small))
    assert before.deminimis is not None and before.deminimis["relieved"] is True
    assert before.total == D("530.00")
    # 2025-09-01: de minimis suspended for all countries (EO 14324, from 2025-08-29)
    # duty 3.7 % x 500 = 18.50; reciprocal 9903.01.25 +10 % = 50.00; MPF minimum FY2025 32.71
    # total = 500 + 30 + 18.50 + 50 + 32.71 = 631.21
    after = compute_from_json(shipment(date="2025-09-01", **small))
    assert after.deminimis is not None and after.deminimis["relieved"] is False
    assert amounts(after)["additional_duties"] == D("50.00")
    assert after.total == D("631.21")
    # 2025-06-01 from CN: de minimis already ended for China and Hong Kong (2025-05-02)
    cn = compute_from_json(
        shipment(date="2025-06-01", transport_mode="air", incoterm="FCA",
                 lines=[line(hs_code="8516.71.00", origin="CN", value="500", chapter99=[])])
    )  # fmt: skip
    assert amounts(cn)["duty"] == D("18.50")


def test_uk_cif_ad_valorem_tshirts():
    # UK 61091000 T-shirts of cotton: ukgt_duty_rate "12.0%". CIF GBP 5,000 (freight 400,
    # insurance 20 included) -> customs value (CIF) 5,000.00; duty = 600.00
    # VAT GB 20 % x (5,000 + 600) = 1,120.00; goods = 5,000 - 400 - 20 = 4,580.00
    # total = 4,580 + 400 + 20 + 600 + 1,120 = 6,720.00; freight and insurance paid by seller
    result = compute_from_json(
        shipment(
            destination="GB",
            date="2025-06-10",
            currency="GBP",
            incoterm="CIF",
            freight="400",
            insurance="20",
            lines=[line(hs_code="6109.10", origin="CN", value="5000")],
        )
    )
    got = amounts(result)
    assert result.customs_value == D("5000.00")
    assert got["duty"] == D("600.00")
    assert got["import_vat"] == D("1120.00")
    assert result.total == D("6720.00")
    paid = {f.name: f.paid_by for f in result.components}
    assert paid["freight"] == "seller" and paid["insurance"] == "seller"
    assert paid["duty"] == "buyer"
    assert result.lines[0].duty_trace[0]["line"] == "7993"


def test_uk_de_minimis_moves_vat_to_point_of_sale():
    # GB, DAP GBP 100 incl. freight 10: goods 90 <= GBP 135 -> no duty; VAT 20 % x 100 = 20.00
    # is charged by the seller at the point of sale; total = 90 + 10 + 20 = 120.00
    result = compute_from_json(
        shipment(destination="GB", date="2025-06-10", currency="GBP", incoterm="DAP",
                 transport_mode="air", freight="10",
                 lines=[line(hs_code="6109.10", origin="CN", value="100")])
    )  # fmt: skip
    got = amounts(result)
    assert got["duty"] == D("0")
    assert got["point_of_sale_vat"] == D("20.00")
    assert result.total == D("120.00")
    assert {f.name: f.paid_by for f in result.components}["point_of_sale_vat"] == "seller"


def test_uk_hs2022_code_mapped_from_hs2017_line():
    # HS 2022 8517.13 (smartphones) is new; the UK file has HS 2017 85171200 "0.0%":
    # read through the compiled correlation subset and flagged as mapped.
    result = compute_from_json(
        shipment(destination="GB", date="2025-06-10", currency="GBP", incoterm="CPT",
                 transport_mode="air", lines=[line(hs_code="851713", origin="CN", value="1000")])
    )  # fmt: skip
    assert result.lines[0].tariff_code == "85171200"
    assert any("correlation" in n for n in result.lines[0].notes)
    assert amounts(result)["import_vat"] == D("200.00")


def test_unmapped_hs2022_code_is_an_error_not_a_guess():
    with pytest.raises(UnmappedTariffLine):
        compute_from_json(
            shipment(destination="FR", currency="EUR", incoterm="CIF",
                     lines=[line(hs_code="030910", origin="NO", value="100")])
        )  # fmt: skip


def test_eu_min_max_compound_watches_to_spain():
    # EU CET 91011100 wrist-watches: "4.50% MIN 0.30 EUR / item MAX 0.80 EUR / item"
    # 100 watches CIP EUR 5,000 by air: 4.5 % = 225.00 > max 0.80 x 100 = 80.00 -> duty 80.00
    # VAT ES 21 % x (5,000 + 80) = 1,066.80; total = 5,000 + 80 + 1,066.80 = 6,146.80
    dear = compute_from_json(
        shipment(destination="ES", date="2026-10-30", currency="EUR", incoterm="CIP",
                 transport_mode="air",
                 lines=[line(hs_code="91011100", origin="CH", value="5000", quantity="100")])
    )  # fmt: skip
    assert amounts(dear)["duty"] == D("80.00")
    assert amounts(dear)["import_vat"] == D("1066.80")
    assert dear.total == D("6146.80")
    # CIP EUR 500: 4.5 % = 22.50 < min 0.30 x 100 = 30.00 -> duty 30.00
    cheap = compute_from_json(
        shipment(destination="ES", date="2026-10-30", currency="EUR", incoterm="CIP",
                 transport_mode="air",
                 lines=[line(hs_code="91011100", origin="CH", value="500", quantity="100")])
    )  # fmt: skip
    assert amounts(cheap)["duty"] == D("30.00")


def test_eu_cbam_steel_to_germany_definitive_and_transitional():
    # EU CET 72083900 hot-rolled coil "0.0%"; CIF EUR 40,000, 50,000 kg from CN.
    # duty 0; VAT DE 19 % x 40,000 = 7,600.00; CBAM: iron and steel (Annex I, chapter 72)
    result = compute_from_json(
        shipment(destination="DE", date="2026-03-16", currency="EUR", incoterm="CIF",
                 lines=[line(hs_code="7208.39.00", origin="CN", value="40000",
                             quantity="50000", unit="kg", weight_kg="50000")])
    )  # fmt: skip
    assert amounts(result)["import_vat"] == D("7600.00")
    assert result.cbam is not None
    assert result.cbam["categories"] == ["iron_and_steel"]
    assert result.cbam["phase"] == "definitive"
    assert result.cbam["net_mass_tonnes"] == "50"
    assert any("authorised CBAM declarant" in o for o in result.cbam["importer_must"])
    earlier = compute_from_json(
        shipment(destination="DE", date="2025-05-02", currency="EUR", incoterm="CIF",
                 lines=[line(hs_code="7208.39.00", origin="CN", value="40000", weight_kg="50000")])
    )  # fmt: skip
    assert earlier.cbam is not None and earlier.cbam["phase"] == "transitional"
    no_cbam = compute_from_json(
        shipment(destination="DE", date="2026-03-16", currency="EUR", incoterm="CIF",
                 lines=[line(hs_code="8516.71", origin="CN", value="100")])
    )  # fmt: skip
    assert no_cbam.cbam is None


def test_poland_specific_eur_duty_converted_to_pln():
    # EU CET 04069021 Cheddar: "167.10 EUR / 100 kg"; CIF EUR 5,000 incl. freight 200, 1,000 kg.
    # ECB 2026-10-30: PLN 4.4038 per EUR.
    # customs value = 5,000 x 4.4038 = 22,019.00 PLN
    # duty = 167.10 x 10 = 1,671 EUR x 4.4038 = 7,358.7498 -> 7,358.75 PLN
    # VAT PL 23 % x (22,019.00 + 7,358.75) = 6,756.8825 -> 6,756.88
    # goods (5,000 - 200) x 4.4038 = 21,138.24; freight 880.76
    # total = 21,138.24 + 880.76 + 0 + 7,358.75 + 6,756.88 = 36,134.63 PLN
    result = compute_from_json(
        shipment(destination="PL", date="2026-10-30", currency="EUR", incoterm="CIF",
                 freight="200", insurance="0",
                 lines=[line(hs_code="0406.90.21", origin="GB", value="5000", quantity="1000",
                             unit="kg", weight_kg="1000")])
    )  # fmt: skip
    got = amounts(result)
    assert result.currency == "PLN"
    assert result.customs_value == D("22019.00")
    assert got["duty"] == D("7358.75")
    assert got["import_vat"] == D("6756.88")
    assert result.total == D("36134.63")
    assert result.fx[0]["row"] == "2026-10-30"


def test_jpy_invoice_to_germany_with_jpy_report():
    # ECB 2026-10-30: JPY 175.68 per EUR. FOB JPY 1,756,800 = EUR 10,000.00; freight JPY
    # 175,680 = EUR 1,000.00. EU CET 85167100 "2.7%": CIF 11,000.00 -> duty 297.00
    # VAT DE 19 % x 11,297 = 2,146.43; total EUR = 10,000 + 1,000 + 297 + 2,146.43 = 13,443.43
    # JPY report (0 decimals): 297 x 175.68 = 52,176.96 -> 52,177;
    # 2,146.43 x 175.68 = 377,084.82 -> 377,085; total = 1,756,800 + 175,680 + 52,177 + 377,085
    result = compute_from_json(
        shipment(destination="DE", date="2026-10-30", currency="JPY", incoterm="FOB",
                 freight="175680", report_currency="JPY",
                 lines=[line(hs_code="8516.71", origin="JP", value="1756800")])
    )  # fmt: skip
    assert result.total == D("13443.43")
    assert result.report is not None
    assert result.report["components"]["duty"] == "52177"
    assert result.report["components"]["import_vat"] == "377085"
    assert result.report["total"] == "2361742"


def test_minor_units_rounding_jpy_kwd():
    assert money(D("1234.5"), "JPY") == D("1235")
    assert money(D("1.2345"), "KWD") == D("1.235")
    assert money(D("1.005"), "USD") == D("1.01")
    # KWD is not an ECB reference currency: a KWD invoice is refused, naming the field
    with pytest.raises(InvalidShipment) as err:
        compute_from_json(shipment(currency="KWD", lines=[line(hs_code="851671", origin="CN",
                                                               value="1")]))  # fmt: skip
    assert err.value.field == "currency"


def test_insurance_rate_on_110_percent_of_cif():
    # FOB USD 10,000, freight 1,000, rate 0.3 %: premium P = 0.0033 x (11,000 + P)
    # -> P = 36.30 / 0.9967 = 36.42; paid by the buyer under FOB
    result = compute_from_json(
        shipment(freight="1000", insurance_rate="0.003",
                 lines=[line(hs_code="8517.13.00", origin="VN", value="10000")])
    )  # fmt: skip
    assert amounts(result)["insurance"] == D("36.42")
    # CIF price USD 11,036.42 with the same rate: premium = 0.0033 x 11,036.42 = 36.42
    cif = compute_from_json(
        shipment(incoterm="CIF", freight="1000", insurance_rate="0.003",
                 lines=[line(hs_code="8517.13.00", origin="VN", value="11036.42")])
    )  # fmt: skip
    assert amounts(cif)["insurance"] == D("36.42")
    assert amounts(cif)["goods"] == D("10000.00")


@pytest.mark.parametrize(
    ("overrides", "error", "field"),
    [
        ({"destination": "XX"}, UnknownCountry, "destination"),
        ({"destination": "JP"}, UnsupportedDestination, "destination"),
        ({"transport_mode": "air"}, IncotermModeMismatch, "incoterm"),
        ({"incoterm": "DAT"}, Exception, "incoterm"),
        ({"date": "2025-13-01"}, InvalidShipment, "date"),
        ({"lines": []}, InvalidShipment, "lines"),
    ],
)
def test_bad_shipment_names_the_field(overrides, error, field):
    data = shipment(lines=[line(hs_code="8516.71.00", origin="DE", value="10")])
    data.update(overrides)
    with pytest.raises(error) as err:
        compute_from_json(data)
    assert getattr(err.value, "field", None) == field


@pytest.mark.parametrize(
    ("line_fields", "error", "field"),
    [
        ({"value": "-5"}, InvalidShipment, "lines[0].value"),
        ({"hs_code": "9999.99.99"}, UnknownTariffLine, "lines[0].hs_code"),
        ({"hs_code": "12"}, InvalidShipment, "lines[0].hs_code"),
        ({"origin": "ZZ"}, UnknownCountry, "lines[0].origin"),
        ({"unit": "furlong"}, InvalidShipment, "lines[0].unit"),
        ({"hs_code": "940360"}, UnknownTariffLine, "lines[0].hs_code"),
    ],
)
def test_bad_line_names_the_field(line_fields, error, field):
    fields = {"hs_code": "8516.71.00", "origin": "DE", "value": "10", **line_fields}
    with pytest.raises(error) as err:
        compute_from_json(shipment(lines=[line(**fields)]))
    assert err.value.field == field


def test_specific_rate_without_weight_is_a_clear_error():
    with pytest.raises(InvalidShipment) as err:
        compute_from_json(
            shipment(lines=[line(hs_code="0102.29.40", origin="MX", value="10", weight_kg="0")])
        )
    assert err.value.field == "lines[0].weight_kg"


def test_fx_weekend_takes_the_last_fixing_and_cross_rate_via_eur():
    from datetime import date

    from seaward.customs.fxrates import rate_on

    # 2026-10-31 is a Saturday: the fixing of Friday 2026-10-30 applies (USD 1.1172, JPY 175.68)
    usd_jpy = rate_on("USD", "JPY", date(2026, 10, 31))
    assert usd_jpy.fixing_date == date(2026, 10, 30)
    # (the FX core divides at 34 significant digits, past Decimal's default 28)
    assert abs(usd_jpy.rate - D("175.68") / D("1.1172")) < D("1e-20")


def test_cbam_partial_code_and_terminal_handover_flag():
    # 6-digit 2523.29 (Portland cement) is wholly in Annex I; 2507.00 (kaolin and other
    # kaolinic clays) only through CN 2507 00 80: flagged as partial
    from seaward.customs.cbam import match

    assert match("252329") is not None and not match("252329").partial  # type: ignore[union-attr]
    partial = match("250700")
    assert partial is not None and partial.partial
    assert match("72042900") is None  # ferrous scrap is excluded
    # the FOB-for-containers advice is silenced when the box goes over the ship's rail
    data = shipment(
        containerised=True,
        handover_at_terminal=False,
        lines=[line(hs_code="8516.71.00", origin="DE", value="10")],
    )
    assert not any("ICC advises" in w for w in compute_from_json(data).warnings)
    data["handover_at_terminal"] = True
    assert any("ICC advises FCA" in w for w in compute_from_json(data).warnings)
