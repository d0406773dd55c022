"""The reference API: shapes, pagination, 404 for unknown codes, 422 for bad parameters."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("reference_data")]


def test_countries_are_paginated(owner_client) -> None:  # type: ignore[no-untyped-def]
    body = owner_client.get("/api/v1/reference/countries").json()
    assert body["count"] == 249 and len(body["items"]) == 50
    spain = owner_client.get("/api/v1/reference/countries", {"q": "españa"}).json()["items"][0]
    assert spain["code"] == "ES" and spain["name_zh_hans"] == "西班牙"
    assert spain["is_eu_member"] is True


def test_currencies(owner_client) -> None:  # type: ignore[no-untyped-def]
    items = owner_client.get("/api/v1/reference/currencies", {"page_size": 500}).json()["items"]
    by_code = {item["code"]: item for item in items}
    assert by_code["JPY"]["minor_units"] == 0 and by_code["KWD"]["minor_units"] == 3


def test_hs_search_and_detail(owner_client) -> None:  # type: ignore[no-untyped-def]
    items = owner_client.get("/api/v1/reference/hs", {"q": "8516"}).json()["items"]
    assert [item["code"] for item in items] == ["8516", "851671", "851672"]
    detail = owner_client.get("/api/v1/reference/hs/851671").json()
    assert [p["code"] for p in detail["path"]] == ["XVI", "85", "8516"]
    assert detail["parent"] == "8516" and detail["children"] == []
    missing = owner_client.get("/api/v1/reference/hs/123456")
    assert missing.status_code == 404
    assert missing.json()["code"] == "reference_not_found"


def test_locations_search_and_detail(owner_client) -> None:  # type: ignore[no-untyped-def]
    items = owner_client.get("/api/v1/reference/locations", {"q": "CNSHA"}).json()["items"]
    assert [item["unlocode"] for item in items][:2] == ["CNSGH", "CNSHG"]
    detail = owner_client.get("/api/v1/reference/locations/CNSGH").json()
    assert detail["is_seaport"] is True
    assert {"alias": "CNSHA", "kind": "code"}.items() <= detail["aliases"][0].items()
    assert owner_client.get("/api/v1/reference/locations/XXXXX").status_code == 404
    assert owner_client.get("/api/v1/reference/locations").status_code == 422


def test_fx(owner_client) -> None:  # type: ignore[no-untyped-def]
    body = owner_client.get(
        "/api/v1/reference/fx", {"date": "2026-11-01", "from": "AED", "to": "CNY"}
    ).json()
    assert body["date"] == "2026-10-30" and body["requested_date"] == "2026-11-01"
    assert body["path"] == ["AED", "USD", "EUR", "CNY"]
    assert body["source"] == "ECB+peg"
    assert body["from_currency"] == "AED"
    latest = owner_client.get("/api/v1/reference/fx", {"from": "EUR", "to": "USD"}).json()
    assert latest["date"] == "2026-10-30"
    bad = owner_client.get("/api/v1/reference/fx", {"from": "XYZ", "to": "USD"})
    assert bad.status_code == 422 and bad.json()["code"] == "unknown_currency"
    assert owner_client.get("/api/v1/reference/fx", {"from": "USD"}).status_code == 422
    assert (
        owner_client.get(
            "/api/v1/reference/fx", {"from": "USD", "to": "CNY", "date": "nope"}
        ).status_code
        == 422
    )
    gone = owner_client.get(
        "/api/v1/reference/fx", {"from": "USD", "to": "CNY", "date": "1990-01-01"}
    )
    assert gone.status_code == 404 and gone.json()["code"] == "fx_rate_unavailable"


def test_incoterms_containers_vat_datasets(owner_client) -> None:  # type: ignore[no-untyped-def]
    incoterms = owner_client.get("/api/v1/reference/incoterms").json()
    assert incoterms["count"] == 11
    fob = owner_client.get("/api/v1/reference/incoterms/FOB").json()
    assert fob["group"] == "F" and fob["insurance_obligation"]
    assert owner_client.get("/api/v1/reference/incoterms/DAT").status_code == 404
    containers = owner_client.get("/api/v1/reference/containers").json()["items"]
    assert containers[0]["code"] == "20GP" and containers[0]["ext_length_mm"] == 6058
    vat = owner_client.get("/api/v1/reference/vat/es").json()
    assert vat["standard_rate"] == "21.000" or float(vat["standard_rate"]) == 21
    assert vat["reduced_rates"] == ["10"]
    assert owner_client.get("/api/v1/reference/vat/ZZ").status_code == 404
    datasets = owner_client.get("/api/v1/reference/datasets").json()
    assert {d["key"] for d in datasets} >= {"unlocode", "fx-ecb", "hs"}


def test_anonymous_gets_401(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/v1/reference/countries").status_code == 401
