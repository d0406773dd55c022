"""Overseas warehouses: receipt of a shipment, the ledger, no negative stock, suggestions."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from seaward.catalog.models import Sku
from seaward.core.errors import IllegalTransition, InvalidInput
from seaward.core.tenancy import activate
from seaward.logistics import milestones, selectors, services, warehousing
from seaward.logistics.models import StockLevel, StockMovement
from seaward.logistics.stock import NegativeStock

pytestmark = pytest.mark.django_db


@pytest.fixture
def valencia(active, owner, ports):  # type: ignore[no-untyped-def]
    return warehousing.warehouse_create(
        actor=owner, name="Valencia 3PL", code="VLC1", country="ES", city="Valencia", port="ESVLC"
    )


@pytest.fixture
def shipped(active, owner, ports, parties, order, valencia, clear_screening):  # type: ignore[no-untyped-def]
    shipment = services.shipment_create(
        actor=owner,
        mode="sea_fcl",
        buyer=parties["buyer"],
        origin="CNNBO",
        destination="ESVLC",
        destination_warehouse=valencia,
        orders=[order],
    )
    shipment = services.shipment_book(actor=owner, shipment=shipment, booking_number="B-1")
    return services.shipment_release(actor=owner, shipment=shipment)


def test_order_lines_and_cartons_travel_with_the_shipment(shipped):
    lines = sorted((line.sku_code, line.quantity, line.cartons) for line in shipped.lines.all())
    assert lines == [("PAN-28", 600, 30), ("POT-24", 1200, 100)]


def test_plan_from_the_order_cartons(active, owner, order):
    cartons = services.cartons_of_order(order)
    assert sorted((c.ref, c.quantity) for c in cartons) == [("PAN-28", 30), ("POT-24", 100)]
    plan = services.plan_create(
        actor=owner, name="", cartons=cartons, container_types=["40HC"], order=order
    )
    assert sum(len(c["placements"]) for c in plan.result["containers"]) == 130


def test_release_puts_goods_in_transit_and_arrival_books_them_in(owner, shipped, valencia):
    pot = Sku.objects.get(code="POT-24")
    assert StockLevel.objects.get(warehouse=valencia, sku=pot).in_transit == 1200
    with pytest.raises(IllegalTransition):
        warehousing.shipment_receive(actor=owner, shipment=shipped)
    services.event_record(
        actor=owner,
        shipment=shipped,
        event=milestones.EventInput(
            "TRANSPORT", "ACT", "ARRI", datetime(2026, 7, 1, tzinfo=UTC), location="ESVLC"
        ),
    )
    warehousing.shipment_receive(actor=owner, shipment=shipped)
    level = StockLevel.objects.get(warehouse=valencia, sku=pot)
    assert (level.on_hand, level.in_transit) == (1200, 0)
    assert selectors.ledger_total(valencia, pot.pk) == 1200
    shipped.refresh_from_db()
    assert shipped.state == "delivered" and shipped.received_at is not None
    with pytest.raises(services.AlreadyReceived):
        warehousing.shipment_receive(actor=owner, shipment=shipped)


def test_no_negative_stock_and_nothing_written(owner, shipped, valencia):
    pot = Sku.objects.get(code="POT-24")
    warehousing.stock_adjust(actor=owner, warehouse=valencia, sku=pot, quantity=10, reason="count")
    with pytest.raises(NegativeStock):
        warehousing.stock_outbound(actor=owner, warehouse=valencia, sku=pot, quantity=11)
    assert StockMovement.objects.filter(kind="outbound").count() == 0
    assert StockLevel.objects.get(warehouse=valencia, sku=pot).on_hand == 10
    with pytest.raises(InvalidInput):
        warehousing.stock_adjust(actor=owner, warehouse=valencia, sku=pot, quantity=-1, reason=" ")


def test_reservations(owner, valencia, order):
    pot = Sku.objects.get(code="POT-24")
    warehousing.stock_adjust(
        actor=owner, warehouse=valencia, sku=pot, quantity=100, reason="opening"
    )
    reservation = warehousing.reservation_create(
        actor=owner, warehouse=valencia, sku=pot, quantity=80, reference="ES-1"
    )
    with pytest.raises(NegativeStock):
        warehousing.stock_outbound(actor=owner, warehouse=valencia, sku=pot, quantity=30)
    warehousing.reservation_fulfil(actor=owner, reservation=reservation)
    level = StockLevel.objects.get(warehouse=valencia, sku=pot)
    assert (level.on_hand, level.reserved) == (20, 0)
    with pytest.raises(Exception):  # noqa: B017  (already fulfilled: a Conflict)
        warehousing.reservation_release(actor=owner, reservation=reservation)


def test_movements_are_append_only(owner, valencia, order):
    pot = Sku.objects.get(code="POT-24")
    movement = warehousing.stock_adjust(
        actor=owner, warehouse=valencia, sku=pot, quantity=5, reason="found"
    )
    with pytest.raises(RuntimeError):
        movement.save()
    with pytest.raises(RuntimeError):
        movement.delete()


def test_suggestion_from_recent_outbound(owner, valencia, order):
    pot = Sku.objects.get(code="POT-24")
    warehousing.stock_adjust(
        actor=owner, warehouse=valencia, sku=pot, quantity=600, reason="opening"
    )
    for _ in range(5):
        warehousing.stock_outbound(
            actor=owner, warehouse=valencia, sku=pot, quantity=100, reason="shop"
        )
    found = selectors.replenishment_for(valencia)
    [suggestion] = found.suggestions
    assert suggestion.needed and suggestion.order_quantity % 12 == 0
    assert found.next_container.lines[0].sku == "POT-24"


def test_warehouse_api(client, exporter, owner, valencia, order):
    from seaward.organizations import services as org_services

    with activate(exporter):
        token = org_services.api_token_create(user=owner, name="t").plaintext
        pot = Sku.objects.get(code="POT-24")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    url = f"/api/v1/logistics/warehouses/{valencia.pk}"
    move = {"kind": "adjustment", "sku_id": pot.pk, "quantity": 50, "reason": "opening"}
    assert (
        client.post(
            url + "/movements", json.dumps(move), content_type="application/json", **headers
        ).status_code
        == 201
    )
    move.update(kind="outbound", quantity=51)
    response = client.post(
        url + "/movements", json.dumps(move), content_type="application/json", **headers
    )
    assert response.status_code == 409 and response.json()["code"] == "negative_stock"
    stock = client.get(url + "/stock", **headers).json()
    assert stock["items"][0]["on_hand"] == 50
    assert client.get(url + "/suggestions", **headers).status_code == 200
    page = client.get(f"/warehouses/{valencia.pk}/", **headers)
    assert page.status_code in (200, 302)


def test_packing_list_seam_gives_carton_ranges_per_container(active, owner, order):
    plan = services.plan_create(
        actor=owner,
        name="",
        cartons=services.cartons_of_order(order),
        container_types=["20GP"],
        order=order,
    )
    found = selectors.carton_ranges_for_order(order)
    assert len(found) == plan.container_count
    firsts = {r["ref"]: r["first"] for r in found[0].ranges}
    assert set(firsts.values()) == {1}
    total = sum(r["last"] - r["first"] + 1 for box in found for r in box.ranges)
    assert total == 130


def test_reservation_api(client, exporter, owner, valencia, order):
    from seaward.organizations import services as org_services

    with activate(exporter):
        token = org_services.api_token_create(user=owner, name="t").plaintext
        pot = Sku.objects.get(code="POT-24")
        warehousing.stock_adjust(
            actor=owner, warehouse=valencia, sku=pot, quantity=30, reason="count"
        )
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    url = f"/api/v1/logistics/warehouses/{valencia.pk}/reservations"
    body = {"sku_id": pot.pk, "quantity": 20, "reference": "Shop 4", "order_id": order.pk}
    created = client.post(url, json.dumps(body), content_type="application/json", **headers)
    assert created.status_code == 201, created.content
    body["quantity"] = 11
    refused = client.post(url, json.dumps(body), content_type="application/json", **headers)
    assert refused.status_code == 409 and refused.json()["code"] == "negative_stock"
    done = client.post(f"/api/v1/logistics/reservations/{created.json()['id']}/fulfil", **headers)
    assert done.status_code == 200 and done.json()["state"] == "fulfilled"
    again = client.post(f"/api/v1/logistics/reservations/{created.json()['id']}/release", **headers)
    assert again.status_code == 409
    with activate(exporter):
        level = StockLevel.objects.get(warehouse=valencia, sku=pot)
        assert (level.on_hand, level.reserved) == (10, 0)


def test_the_packing_list_names_the_cartons_of_each_planned_container(active, owner, order):
    import io

    from pypdf import PdfReader

    from seaward.sales.models import DocumentKind
    from seaward.sales.rendering import document_pdf
    from seaward.sales.services.orders import document_issue

    services.plan_create(
        actor=owner,
        name="",
        cartons=services.cartons_of_order(order),
        container_types=["20GP"],
        order=order,
    )
    document = document_issue(actor=owner, order=order, kind=DocumentKind.PACKING_LIST)
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(document_pdf(document, "en"))).pages
    )
    assert "Cartons by container (loading plan)" in text
    assert "20GP" in text and "POT-24 1" in text
