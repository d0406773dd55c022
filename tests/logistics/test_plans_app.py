"""Loading plans in the app: stored plans, the planner page, the 3-D view data, bad input."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from seaward.logistics import services
from seaward.logistics.errors import CartonTooLarge
from seaward.logistics.models import LoadPlan

pytestmark = pytest.mark.django_db
D = Decimal


def _carton(**extra):  # type: ignore[no-untyped-def]
    spec = dict(
        ref="POT", length_cm=D(60), width_cm=D(40), height_cm=D(40), weight_kg=D(12), quantity=300
    )
    spec.update(extra)
    return services.CartonInput(**spec)


def test_plan_is_stored_with_placements_in_loading_order(active, owner):
    plan = services.plan_create(
        actor=owner, name="t", cartons=[_carton()], container_types=["40HC"]
    )
    box = plan.result["containers"][0]
    assert plan.container_count == 1 and box["code"] == "40HC"
    assert len(box["placements"]) == 300
    assert [p["seq"] for p in box["placements"]] == list(range(1, 301))
    assert box["ranges"] == [{"carton": 0, "ref": "POT", "first": 1, "last": 300}]
    assert 0 < plan.volume_utilization <= 1


def test_a_choice_of_containers_takes_the_cheapest_mix(active, owner):
    plan = services.plan_create(
        actor=owner, name="t", cartons=[_carton(quantity=40)], container_types=["20GP", "40HC"]
    )
    assert [c["code"] for c in plan.result["containers"]] == ["20GP"]


def test_carton_larger_than_every_container_is_refused(active, owner):
    with pytest.raises(CartonTooLarge) as error:
        services.plan_create(
            actor=owner,
            name="t",
            cartons=[_carton(length_cm=D(1300), width_cm=D(300))],
            container_types=["20GP", "40GP", "40HC"],
        )
    assert "fits in none of the containers" in error.value.message
    assert not LoadPlan.objects.exists()


def test_planner_page_shows_the_error_on_the_form(owner_client):
    response = owner_client.post(
        "/loading-plans/new/", {"cartons": "HUGE, 1300, 300, 300, 50, 1", "containers": ["40HC"]}
    )
    assert response.status_code == 422
    assert "fits in none of the containers offered (40HC)" in response.content.decode()
    response = owner_client.post(
        "/loading-plans/new/", {"cartons": "A, 60, x, 40", "containers": ["40HC"]}
    )
    assert response.status_code == 422 and "Line 1" in response.content.decode()


def test_planner_page_plans_and_renders_the_viewer(owner_client):
    response = owner_client.post(
        "/loading-plans/new/",
        {
            "name": "Demo",
            "cartons": "A, 60, 40, 35, 18, 200, up\nB, 50, 50, 30, 9, 100",
            "containers": ["40HC"],
        },
    )
    assert response.status_code == 302
    page = owner_client.get(response["Location"])
    body = page.content.decode()
    assert 'id="plan-data"' in body and "plan-viewer.js" in body
    assert "<script>" not in body  # data only in the JSON script tag, no inline code
    printable = owner_client.get(response["Location"] + "print/").content.decode()
    assert "Loading instruction" in printable and "A" in printable


def test_plan_api(client, exporter, owner):
    from seaward.core.tenancy import activate
    from seaward.organizations import services as org_services

    with activate(exporter):
        token = org_services.api_token_create(user=owner, name="t").plaintext
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    body = {
        "cartons": [
            {
                "ref": "A",
                "length_cm": "60",
                "width_cm": "40",
                "height_cm": "35",
                "weight_kg": "18",
                "quantity": 50,
            }
        ],
        "containers": ["40GP"],
    }
    response = client.post(
        "/api/v1/logistics/plans", json.dumps(body), content_type="application/json", **headers
    )
    assert response.status_code == 201, response.content
    plan_id = response.json()["id"]
    detail = client.get(f"/api/v1/logistics/plans/{plan_id}", **headers).json()
    assert len(detail["result"]["containers"][0]["placements"]) == 50
    body["cartons"][0]["length_cm"] = "1500"
    response = client.post(
        "/api/v1/logistics/plans", json.dumps(body), content_type="application/json", **headers
    )
    assert response.status_code == 422 and response.json()["code"] == "carton_too_large"


def test_book_a_shipment_from_a_plan(
    owner_client, exporter, owner, ports, parties, clear_screening
):
    from seaward.core.tenancy import activate
    from seaward.logistics.models import Shipment

    with activate(exporter):
        plan = services.plan_create(
            actor=owner, name="p", cartons=[_carton()], container_types=["40HC"]
        )
    assert owner_client.get(f"/shipments/new/?plan={plan.pk}").status_code == 200
    response = owner_client.post(
        f"/shipments/new/?plan={plan.pk}",
        {
            "mode": "sea_fcl",
            "buyer": parties["buyer"].pk,
            "origin": "CNNBO",
            "destination": "ESVLC",
            "booking_number": "BK-1",
            "plan": plan.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    with activate(exporter):
        shipment = Shipment.objects.get()
        assert shipment.state == "booked"
        assert [c.container_type for c in shipment.containers.all()] == ["40HC"]
