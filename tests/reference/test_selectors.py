"""Lookups and searches over the tiny data set."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from seaward.core.errors import UnknownCurrency
from seaward.reference import selectors
from seaward.reference.errors import FxRateUnavailable, ReferenceNotFound

pytestmark = pytest.mark.usefixtures("reference_data")


def codes(locations: list) -> list[str]:  # type: ignore[type-arg]
    return [location.unlocode for location in locations]


@pytest.mark.django_db
def test_carrier_code_cnsha_finds_the_port_of_shanghai_first() -> None:
    found = codes(selectors.location_search("CNSHA"))
    assert found[:2] == ["CNSGH", "CNSHG"]
    assert "CNSHA" in found  # the airport itself is still there, after the ports


@pytest.mark.django_db
def test_carrier_code_cnngb_finds_the_port_of_ningbo() -> None:
    found = codes(selectors.location_search("cnngb"))
    assert found[:2] == ["CNNBO", "CNNBG"]


@pytest.mark.django_db
def test_location_search_by_name_puts_ports_first() -> None:
    found = selectors.location_search("shang")
    assert [loc.is_seaport for loc in found] == sorted(
        (loc.is_seaport for loc in found), reverse=True
    )
    assert {"CNSGH", "CNSHG", "CNSHA", "CNPVG"} <= set(codes(found))


@pytest.mark.django_db
def test_location_search_by_code_prefix_alias_name_and_filters() -> None:
    assert codes(selectors.location_search("ESV")) == ["ESVLC"]
    assert codes(selectors.location_search("vienna")) == ["ATVIE"]
    assert codes(selectors.location_search("valència")) == ["ESVLC"]
    assert "CNSHA" not in codes(selectors.location_search("CNSH", seaports_only=True))
    assert codes(selectors.location_search("Rotterdam", country="DE")) == []
    assert selectors.location_search("   ") == []


@pytest.mark.django_db
def test_location_lookup() -> None:
    assert selectors.location("cn sgh").name == "Shanghai"
    with pytest.raises(ReferenceNotFound):
        selectors.location("ZZZZZ")


@pytest.mark.django_db
def test_country_search_in_three_languages_and_by_code() -> None:
    assert selectors.country_search("ES")[0].code == "ES"
    assert selectors.country_search("esp")[0].code == "ES"
    assert selectors.country_search("西班牙")[0].code == "ES"
    assert selectors.country_search("alemania")[0].code == "DE"
    assert selectors.country_search("united arab")[0].code == "AE"
    with translation.override("zh-hans"):
        assert selectors.country("es").name == "西班牙"


@pytest.mark.django_db
def test_hs_search_and_path() -> None:
    assert [h.code for h in selectors.hs_search("8516.7")] == ["851671", "851672"]
    assert [h.code for h in selectors.hs_search("coffee makers")] == ["851671"]
    assert [h.code for h in selectors.hs_path("8516.71")] == ["XVI", "85", "8516", "851671"]
    assert [h.code for h in selectors.hs_children("8516")] == ["851671", "851672"]
    with pytest.raises(ReferenceNotFound):
        selectors.hs_code("9999")


@pytest.mark.django_db
def test_fx_rate_from_the_database() -> None:
    quote = selectors.fx_rate(date(2026, 11, 1), "usd", "CNY")
    assert quote.date == date(2026, 10, 30)
    assert abs(quote.rate - Decimal("7.4326") / Decimal("1.1172")) < Decimal("1e-20")
    aed = selectors.fx_rate(date(2026, 10, 30), "AED", "EUR")
    assert aed.path == ("AED", "USD", "EUR")
    with pytest.raises(FxRateUnavailable):
        selectors.fx_rate(date(2026, 10, 10), "USD", "CNY")
    with pytest.raises(UnknownCurrency):
        selectors.fx_rate(date(2026, 10, 30), "XYZ", "CNY")


@pytest.mark.django_db
def test_fx_latest_table() -> None:
    table = selectors.fx_latest()
    assert table.date == date(2026, 10, 30)
    assert dict(table.rates)["CNY"] == Decimal("7.4326")


@pytest.mark.django_db
def test_vat_incoterm_container_lookups() -> None:
    assert selectors.vat_rate("es").standard_rate == Decimal("21")
    assert selectors.vat_rate("US").has_regional_rates
    assert selectors.incoterm("fob").transport_mode.startswith("sea")
    assert selectors.container_type("40hc").teu == 2
    for lookup, code in (
        (selectors.vat_rate, "ZZ"),
        (selectors.incoterm, "DAT"),
        (selectors.container_type, "99XX"),
    ):
        with pytest.raises(ReferenceNotFound):
            lookup(code)
    assert selectors.dataset("hs") is not None
