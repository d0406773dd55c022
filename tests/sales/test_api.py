"""The sales API as machines use it: the contract of issue 6."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from seaward.core.tenancy import activate
from seaward.organizations import services as organizations

pytestmark = pytest.mark.django_db


def _token(organization, user) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with activate(organization):
        plaintext = organizations.api_token_create(user=user, name="t").plaintext
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


@pytest.fixture
def seller_api(exporter, owner):  # type: ignore[no-untyped-def]
    return _token(exporter, owner)


@pytest.fixture
def buyer_api(buyer_org, buyer_user):  # type: ignore[no-untyped-def]
    return _token(buyer_org, buyer_user)


def _create(client, seller_api, buyer_party, sku, **extra):  # type: ignore[no-untyped-def]
    body = {
        "buyer_id": buyer_party.pk,
        "currency": "EUR",
        "incoterm": "CIF",
        "named_place": "ESVLC",
        "payment_terms": "tt",
        "deposit_percent": "30",
        "costs": {"freight": "9500", "insurance": "90"},
        "fx_rate": "7.8",
        "lines": [
            {"sku_id": sku.pk, "quantity": "600"},
            {"description": {"en": "Glass lids"}, "quantity": "50", "unit_price": "1.35"},
        ],
        **extra,
    }
    return client.post("/api/v1/quotations", body, content_type="application/json", **seller_api)


def test_the_whole_journey_through_the_api(client, seller_api, buyer_api, buyer_party, sku):
    # given a quotation drafted and sent by the seller
    created = _create(client, seller_api, buyer_party, sku)
    assert created.status_code == 201, created.content
    quotation = created.json()
    assert quotation["state"] == "draft" and quotation["total"] == "4387.50"
    assert quotation["cost_build_up"]["margin"] == "1532.50"  # 34 222.50 − 32 690
    qid = quotation["id"]
    assert client.get(f"/api/v1/quotations/{qid}", **buyer_api).status_code == 404  # a draft
    sent = client.post(f"/api/v1/quotations/{qid}/send", **seller_api)
    assert sent.json()["state"] == "sent"
    # when the buyer reads and accepts it
    seen = client.get(f"/api/v1/quotations/{qid}", **buyer_api).json()
    assert seen["total"] == "4387.50" and seen["cost_build_up"] is None
    assert seen["lines"][0]["description"] == "Stainless steel stock pot 24 cm"
    accepted = client.post(
        f"/api/v1/quotations/{qid}/accept",
        {"buyer_reference": "PO-1"},
        content_type="application/json",
        **buyer_api,
    )
    # then the order exists, confirmed
    assert accepted.status_code == 201, accepted.content
    order = accepted.json()
    assert order["state"] == "confirmed" and order["buyer_reference"] == "PO-1"
    oid = order["id"]
    # an illegal move is a 409; a legal one goes through
    illegal = client.post(
        f"/api/v1/orders/{oid}/transition",
        {"to": "shipped"},
        content_type="application/json",
        **seller_api,
    )
    assert illegal.status_code == 409 and illegal.json()["code"] == "illegal_transition"
    moved = client.post(
        f"/api/v1/orders/{oid}/transition",
        {"to": "in_production"},
        content_type="application/json",
        **seller_api,
    )
    assert moved.status_code == 200 and moved.json()["state"] == "in_production"
    # the buyer cannot move the seller's order
    assert (
        client.post(
            f"/api/v1/orders/{oid}/transition",
            {"to": "ready_to_ship"},
            content_type="application/json",
            **buyer_api,
        ).status_code
        == 404
    )
    # documents as PDF, in Chinese
    pdf = client.get(f"/api/v1/orders/{oid}/documents/commercial-invoice.pdf?lang=zh", **seller_api)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "商业发票" in text and "不锈钢汤锅" in text
    assert client.get(f"/api/v1/orders/{oid}", **buyer_api).json()["documents"] == [
        "commercial-invoice"
    ]
    # the buyer reads issued documents, but does not issue new ones
    assert (
        client.get(
            f"/api/v1/orders/{oid}/documents/commercial-invoice.pdf", **buyer_api
        ).status_code
        == 200
    )
    assert (
        client.get(f"/api/v1/orders/{oid}/documents/packing-list.pdf", **buyer_api).status_code
        == 404
    )


def test_request_changes_needs_a_message(client, seller_api, buyer_api, buyer_party, sku):
    qid = _create(client, seller_api, buyer_party, sku).json()["id"]
    client.post(f"/api/v1/quotations/{qid}/send", **seller_api)
    empty = client.post(
        f"/api/v1/quotations/{qid}/request-changes",
        {"message": ""},
        content_type="application/json",
        **buyer_api,
    )
    assert empty.status_code == 422
    asked = client.post(
        f"/api/v1/quotations/{qid}/request-changes",
        {"message": "Better price?"},
        content_type="application/json",
        **buyer_api,
    )
    assert asked.status_code == 200 and asked.json()["state"] == "changes_requested"
    again = client.post(
        f"/api/v1/quotations/{qid}/accept", {}, content_type="application/json", **buyer_api
    )
    assert again.status_code == 409


def test_quotation_pdf_languages(client, seller_api, buyer_party, sku):
    qid = _create(client, seller_api, buyer_party, sku).json()["id"]
    for lang, heading in (
        ("en", "Quotation"),
        ("zh", "报价单"),
        ("es", "Cotización"),
        ("bilingual", "Quotation / 报价单"),
    ):
        response = client.get(f"/api/v1/quotations/{qid}/document.pdf?lang={lang}", **seller_api)
        assert response.status_code == 200
        assert heading in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert (
        client.get(f"/api/v1/quotations/{qid}/document.pdf?lang=fr", **seller_api).status_code
        == 422
    )


def test_bad_input_is_a_422_and_writes_nothing(client, seller_api, buyer_party, sku, exporter):
    from seaward.sales.models import Quotation

    bad_place = _create(client, seller_api, buyer_party, sku, named_place="QQVLC")
    assert bad_place.status_code == 422 and bad_place.json()["field"] == "named_place"
    float_price = _create(client, seller_api, buyer_party, sku, lines=[{"quantity": "1"}])
    assert float_price.status_code == 422
    with activate(exporter):
        assert not Quotation.objects.exists()


def test_a_viewer_reads_but_cannot_quote(client, exporter, make_member, buyer_party, sku):
    viewer = make_member(exporter, "viewer")
    auth = _token(exporter, viewer)
    assert client.get("/api/v1/quotations", **auth).status_code == 200
    assert _create(client, auth, buyer_party, sku).status_code == 403


def test_money_figures_are_decimal_strings(client, seller_api, buyer_party, sku):
    quotation = _create(client, seller_api, buyer_party, sku, currency="EUR").json()
    assert Decimal(quotation["lines"][0]["unit_price"]) == Decimal("7.20")


def test_lists_are_paginated_and_filtered(client, seller_api, buyer_api, buyer_party, sku):
    first = _create(client, seller_api, buyer_party, sku).json()["id"]
    _create(client, seller_api, buyer_party, sku)
    client.post(f"/api/v1/quotations/{first}/send", **seller_api)
    page = client.get("/api/v1/quotations?page=1", **seller_api).json()
    assert page["count"] == 2 and len(page["items"]) == 2
    sent = client.get("/api/v1/quotations?state=sent", **seller_api).json()
    assert [q["id"] for q in sent["items"]] == [first]
    received = client.get("/api/v1/quotations", **buyer_api).json()
    assert [q["id"] for q in received["items"]] == [first]
    assert client.get("/api/v1/orders", **buyer_api).json()["count"] == 0


def test_admin_changelists_open_for_staff(admin_client, make_quotation):
    make_quotation()
    for path in (
        "sales/quotation",
        "sales/salesorder",
        "sales/tradedocument",
        "catalog/sku",
        "catalog/product",
        "sales/documentsequence",
    ):
        assert admin_client.get(f"/admin/{path}/").status_code == 200, path
