"""Sales pages through the HTTP client, as the exporter and the buyer use them."""

from __future__ import annotations

import pytest

from seaward.core.tenancy import activate
from seaward.sales.models import Quotation, SalesOrder

pytestmark = pytest.mark.django_db


def _form(buyer_party, sku, **extra):  # type: ignore[no-untyped-def]
    return {
        "buyer": buyer_party.pk,
        "currency": "EUR",
        "incoterm": "CIF",
        "named_place": "ESVLC",
        "named_place_name": "Valencia",
        "payment_terms": "tt",
        "deposit_percent": "30",
        "payment_days": "0",
        "lead_time_days": "35",
        "language": "",
        "cost_freight": "9500",
        "fx_rate": "7.8",
        "lines-0-sku": str(sku.pk),
        "lines-0-quantity": "600",
        "lines-1-description": "Glass lids 24 cm",
        "lines-1-quantity": "50",
        "lines-1-unit_price": "1.35",
        **extra,
    }


def test_exporter_creates_and_sends_a_quotation(owner_client, buyer_party, sku, exporter):
    assert owner_client.get("/quotations/new/").status_code == 200
    response = owner_client.post("/quotations/new/", _form(buyer_party, sku))
    body = response.content.decode()
    assert response.status_code == 302, body[body.find("<main") :][:3000]
    with activate(exporter):
        quotation = Quotation.objects.get()
    detail = owner_client.get(f"/quotations/{quotation.pk}/").content.decode()
    assert "4,387.50" in detail and "CIF Valencia ESVLC" in detail
    assert 'data-testid="margin"' in detail
    owner_client.post(f"/quotations/{quotation.pk}/send/")
    quotation.refresh_from_db()
    assert quotation.state == "sent"


def test_a_bad_line_is_shown_next_to_its_row_and_nothing_is_saved(
    owner_client, buyer_party, sku, exporter
):
    response = owner_client.post(
        "/quotations/new/", _form(buyer_party, sku, **{"lines-0-quantity": "10"})
    )
    assert response.status_code == 200
    assert "minimum order of 100" in response.content.decode()
    with activate(exporter):
        assert not Quotation.objects.exists()


def test_htmx_adds_and_removes_line_rows(owner_client, buyer_party, sku):
    data = _form(buyer_party, sku, add="1")
    added = owner_client.post("/quotations/lines/", data, HTTP_HX_REQUEST="true")
    assert added.content.decode().count('data-testid="line-row"') == 3
    data = _form(buyer_party, sku, remove="0")
    removed = owner_client.post("/quotations/lines/", data, HTTP_HX_REQUEST="true")
    body = removed.content.decode()
    assert body.count('data-testid="line-row"') == 1 and "Glass lids 24 cm" in body


def test_a_viewer_sees_no_margin(client, exporter, make_member, make_quotation):
    quotation = make_quotation()
    viewer = make_member(exporter, "viewer")
    client.force_login(viewer)
    page = client.get(f"/quotations/{quotation.pk}/").content.decode()
    assert "4,387.50" in page and 'data-testid="margin"' not in page
    assert client.get("/quotations/new/").status_code == 403


def test_buyer_portal_accepts_in_the_buyers_language(client, sent_quotation, buyer_user, buyer_org):
    client.force_login(buyer_user)
    listing = client.get("/portal/quotations/").content.decode()
    assert sent_quotation.number in listing
    page = client.get(f"/portal/quotations/{sent_quotation.pk}/").content.decode()
    assert "Stainless steel stock pot 24 cm" in page and "€4,387.50" in page
    response = client.post(
        f"/portal/quotations/{sent_quotation.pk}/accept/", {"buyer_reference": "PO-9"}
    )
    assert response.status_code == 302
    with activate(buyer_org):
        order = SalesOrder.objects.get()
    assert order.state == "confirmed" and order.buyer_reference == "PO-9"
    assert order.number in client.get("/portal/orders/").content.decode()


def test_buyer_portal_in_chinese_shows_chinese_descriptions(client, sent_quotation, buyer_user):
    buyer_user.language = "zh-hans"
    buyer_user.save()
    client.force_login(buyer_user)
    page = client.get(f"/portal/quotations/{sent_quotation.pk}/").content.decode()
    assert "不锈钢汤锅 24厘米" in page


def test_buyer_asks_for_changes(client, sent_quotation, buyer_user, owner_client):
    client.force_login(buyer_user)
    client.post(
        f"/portal/quotations/{sent_quotation.pk}/request-changes/", {"message": "6.90 please"}
    )
    sent_quotation.refresh_from_db()
    assert sent_quotation.state == "changes_requested"


def test_exporter_moves_the_order_and_downloads_documents(
    owner_client, sent_quotation, buyer_org, buyer_user
):
    from seaward.sales import services

    with activate(buyer_org):
        order = services.quotation_accept(actor=buyer_user, quotation=sent_quotation)
    page = owner_client.get(f"/orders/{order.pk}/").content.decode()
    assert 'data-testid="transition-in_production"' in page
    owner_client.post(f"/orders/{order.pk}/transition/", {"to": "in_production"})
    order.refresh_from_db()
    assert order.state == "in_production"
    owner_client.post(f"/orders/{order.pk}/transition/", {"to": "closed"})
    order.refresh_from_db()
    assert order.state == "in_production"  # illegal: refused with a message
    for kind in ("proforma-invoice", "commercial-invoice", "packing-list", "certificate-of-origin"):
        response = owner_client.get(f"/orders/{order.pk}/documents/{kind}.pdf?lang=bilingual")
        assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_catalog_pages(owner_client, exporter):
    from seaward.catalog.models import Product

    response = owner_client.post(
        "/products/new/",
        {
            "title_en": "Pasta pot",
            "title_zh": "意面锅",
            "origin_country": "CN",
            "unit": "pcs",
            "lead_time_days": "30",
            "hs_code": "7323.93",
        },
    )
    assert response.status_code == 302
    with activate(exporter):
        product = Product.objects.get()
    response = owner_client.post(
        f"/products/{product.pk}/",
        {
            "code": "PP-1",
            "moq": "100",
            "unit_cost": "20",
            "units_per_carton": "6",
            "carton_length_cm": "50",
            "carton_width_cm": "30",
            "carton_height_cm": "30",
            "carton_net_kg": "6",
            "carton_gross_kg": "7",
            "tiers": "EUR 100 4.20\nEUR x 1",
        },
    )
    assert "Line 2" in response.content.decode()
    response = owner_client.post(
        f"/products/{product.pk}/",
        {
            "code": "PP-1",
            "moq": "100",
            "unit_cost": "20",
            "units_per_carton": "6",
            "carton_length_cm": "50",
            "carton_width_cm": "30",
            "carton_height_cm": "30",
            "carton_net_kg": "6",
            "carton_gross_kg": "7",
            "tiers": "EUR 100 4.20\nUSD 500 4.10",
        },
    )
    assert response.status_code == 302
    listing = owner_client.get("/products/?q=Pasta").content.decode()
    assert "Pasta pot" in listing and "PP-1" in listing
