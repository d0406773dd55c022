# ruff: noqa: F811  (the shared `fair` fixture is imported, then requested by name)
"""The fair API as a machine would use it: events, booths, requests, matches, meetings."""

from __future__ import annotations

import pytest

from tests.fair.test_services_fair import Fair, _buyer_meeting, fair  # noqa: F401

pytestmark = pytest.mark.django_db


def test_events_list_shows_published_events_with_their_venues(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    client.force_login(fair.buyer_user)
    body = client.get("/api/v1/fair/events").json()
    assert body["count"] == 1
    assert body["items"][0]["venues"][0]["city"] == "Madrid"


def test_products_on_show_and_exhibitors(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    client.force_login(fair.buyer_user)
    products = client.get(f"/api/v1/fair/events/{fair.event.pk}/products").json()
    assert {p["product_id"] for p in products["items"]} == {fair.pot.pk, fair.lamp.pk}
    exhibitors = client.get(f"/api/v1/fair/events/{fair.event.pk}/exhibitors").json()
    assert exhibitors["items"][0]["booth_number"] == "7A"


def test_a_buyer_posts_a_request_and_reads_its_matches(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from seaward.core.tenancy import activate
    from seaward.fair import services
    from seaward.fair.models import SourcingRequest

    client.force_login(fair.buyer_user)
    response = client.post(
        f"/api/v1/fair/events/{fair.event.pk}/requests",
        {"text": "olla de acero", "quantity": 500, "destination_country": "ES"},
        content_type="application/json",
    )
    assert response.status_code == 201
    rfq = SourcingRequest.all_objects.get()
    with activate(fair.buyer):
        services.request_match(request=rfq)  # the on-commit task does not run in this test
    matches = client.get(f"/api/v1/fair/requests/{rfq.pk}/matches").json()
    assert (
        matches[0]["product_id"] == fair.pot.pk and "moq_met" in matches[0]["explanation"]["codes"]
    )
    client.force_login(fair.seller)
    fitting = client.get("/api/v1/fair/recommended-requests").json()
    assert fitting["items"][0]["product_id"] == fair.pot.pk


def test_a_request_with_bad_input_is_422_and_writes_nothing(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair.models import SourcingRequest

    client.force_login(fair.buyer_user)
    response = client.post(
        f"/api/v1/fair/events/{fair.event.pk}/requests",
        {"text": "x", "quantity": 0, "destination_country": "ES"},
        content_type="application/json",
    )
    assert response.status_code == 422 and response.json()["code"] == "invalid_input"
    assert SourcingRequest.all_objects.count() == 0


def test_meeting_request_accept_and_illegal_move(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    client.force_login(fair.buyer_user)
    created = client.post(
        "/api/v1/fair/meetings",
        {"exhibitor_id": fair.exhibitor.pk, "message": "hola", "slot": 3},
        content_type="application/json",
    )
    assert created.status_code == 201
    meeting_id = created.json()["id"]
    own = client.post(
        f"/api/v1/fair/meetings/{meeting_id}/accept", {}, content_type="application/json"
    )
    assert own.status_code == 403
    client.force_login(fair.seller)
    accepted = client.post(
        f"/api/v1/fair/meetings/{meeting_id}/accept", {}, content_type="application/json"
    )
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    again = client.post(f"/api/v1/fair/meetings/{meeting_id}/decline")
    assert again.status_code == 409 and again.json()["code"] == "fair_illegal_meeting_move"
    assert client.get("/api/v1/fair/meetings").json()["count"] == 1


def test_the_exporter_reads_its_leads(client, fair: Fair) -> None:  # type: ignore[no-untyped-def]
    from seaward.fair import services

    lead = services.lead_from_sample(
        sample=fair.sample, kind="quote", name="Ana", email="ana@example.test", quantity=300
    )
    client.force_login(fair.seller)
    assert client.get("/api/v1/fair/leads").json()["items"][0]["name"] == "Ana"
    assert client.get(f"/api/v1/fair/leads/{lead.pk}").json()["quantity"] == 300
    client.force_login(fair.buyer_user)
    assert client.get(f"/api/v1/fair/leads/{lead.pk}").status_code == 404
