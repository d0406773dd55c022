"""Milestones: recording, ETA from estimates, state from actual events, CSV import, the API feed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from seaward.core.tenancy import activate
from seaward.logistics import milestones, services
from seaward.logistics.models import Shipment, ShipmentEvent, ShipmentState
from seaward.logistics.selectors import ShipmentNotFound
from seaward.organizations import services as org_services

pytestmark = pytest.mark.django_db


def _t(day: int, hour: int = 8) -> datetime:
    return datetime(2026, 6, day, hour, tzinfo=UTC)


@pytest.fixture
def released(active, owner, ports, parties, clear_screening):  # type: ignore[no-untyped-def]
    shipment = services.shipment_create(
        actor=owner,
        mode="sea_fcl",
        buyer=parties["buyer"],
        origin="CNNBO",
        destination="ESVLC",
        etd=_t(1),
    )
    services.container_add(
        actor=owner, shipment=shipment, container_type="40HC", number="MSKU1234565"
    )
    shipment = services.shipment_book(actor=owner, shipment=shipment, booking_number="NBVLC-001")
    return services.shipment_release(actor=owner, shipment=shipment)


def _event(
    code: str, classifier: str = "ACT", kind: str = "TRANSPORT", **extra
) -> milestones.EventInput:  # type: ignore[no-untyped-def]
    return milestones.EventInput(
        event_type=kind, classifier=classifier, code=code, date_time=extra.pop("at", _t(2)), **extra
    )


def test_estimated_arrival_updates_the_eta(owner, released):
    services.event_record(
        actor=owner, shipment=released, event=_event("ARRI", "EST", location="ESVLC", at=_t(28))
    )
    released.refresh_from_db()
    assert released.eta == _t(28)
    assert released.state == ShipmentState.RELEASED


def test_actual_events_move_the_shipment_forward_only(owner, released):
    services.event_record(
        actor=owner, shipment=released, event=_event("DEPA", location="CNNBO", at=_t(3))
    )
    released.refresh_from_db()
    assert released.state == ShipmentState.IN_TRANSIT and released.departed_at == _t(3)
    services.event_record(
        actor=owner, shipment=released, event=_event("ARRI", location="ESVLC", at=_t(29))
    )
    released.refresh_from_db()
    assert released.state == ShipmentState.ARRIVED and released.eta == _t(29)
    # A late gate-in at the origin does not move an arrived shipment back.
    services.event_record(
        actor=owner,
        shipment=released,
        event=_event(
            "GTIN",
            kind="EQUIPMENT",
            location="CNNBO",
            empty_indicator="LADEN",
            container="MSKU1234565",
            at=_t(2),
        ),
    )
    released.refresh_from_db()
    assert released.state == ShipmentState.ARRIVED


@pytest.mark.parametrize(
    ("event", "field"),
    [
        (dict(code="LOAD", kind="TRANSPORT"), "code"),
        (dict(code="GTOT", kind="EQUIPMENT"), "empty_indicator"),
        (dict(code="ARRI", location="ES VL"), "location"),
        (dict(code="CONF", kind="SHIPMENT", classifier="EST"), "classifier"),
    ],
)
def test_bad_events_are_refused(owner, released, event, field):
    with pytest.raises(milestones.InvalidEvent) as error:
        services.event_record(actor=owner, shipment=released, event=_event(**event))
    assert error.value.field == field
    assert not ShipmentEvent.objects.exists()


def test_event_with_wrong_container_check_digit(owner, released):
    from seaward.logistics.errors import InvalidContainerNumber

    with pytest.raises(InvalidContainerNumber):
        services.event_record(
            actor=owner,
            shipment=released,
            event=_event(
                "LOAD", kind="EQUIPMENT", empty_indicator="LADEN", container="MSKU1234560"
            ),
        )


def test_event_for_an_unknown_shipment(owner, released):
    with pytest.raises(ShipmentNotFound) as error:
        services.event_post(actor=owner, event=_event("ARRI", shipment="NOPE-42"))
    assert "NOPE-42" in error.value.message


CSV_OK = """shipment,event_type,classifier,code,date_time,location,container,empty_indicator
NBVLC-001,EQUIPMENT,ACT,GTOT,2026-05-28T09:00:00+08:00,CNNBO,MSKU1234565,EMPTY
MSKU1234565,EQUIPMENT,ACT,STUF,2026-05-29T15:00:00+08:00,CNNBO,MSKU1234565,LADEN
{number},TRANSPORT,EST,ARRI,2026-06-30T06:00:00Z,ESVLC,,
"""


def test_csv_import(owner, released):
    events = services.events_import(actor=owner, text=CSV_OK.format(number=released.number))
    assert [e.code for e in events] == ["GTOT", "STUF", "ARRI"]
    assert {e.source for e in events} == {"csv"}
    released.refresh_from_db()
    assert released.eta == datetime(2026, 6, 30, 6, tzinfo=UTC)


def test_csv_with_bad_rows_reports_each_and_writes_nothing(owner, released):
    text = CSV_OK.format(number=released.number) + (
        "UNKNOWN-9,TRANSPORT,ACT,DEPA,2026-06-01T00:00:00Z,CNNBO,,\n"
        "NBVLC-001,TRANSPORT,ACT,FLY,2026-06-01T00:00:00Z,CNNBO,,\n"
        "NBVLC-001,TRANSPORT,ACT,DEPA,yesterday,CNNBO,,\n"
    )
    with pytest.raises(milestones.InvalidEventFile) as error:
        services.events_import(actor=owner, text=text)
    rows = [e["row"] for e in error.value.details["errors"]]
    assert rows == [5, 6, 7]
    assert "UNKNOWN-9" in error.value.details["errors"][0]["message"]
    assert not ShipmentEvent.objects.exists()


def test_forwarder_posts_events_with_an_api_token(client, exporter, owner, released):
    with activate(exporter):
        token = org_services.api_token_create(user=owner, name="forwarder feed").plaintext
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    body = {
        "shipment": "MSKU1234565",
        "event_type": "TRANSPORT",
        "classifier": "EST",
        "code": "ARRI",
        "date_time": "2026-07-01T10:00:00+02:00",
        "location": "ESVLC",
    }
    response = client.post(
        "/api/v1/logistics/events", json.dumps(body), content_type="application/json", **headers
    )
    assert response.status_code == 201, response.content
    with activate(exporter):
        assert Shipment.objects.get(pk=released.pk).eta == datetime(2026, 7, 1, 8, tzinfo=UTC)
    body["shipment"] = "UNKNOWN-1"
    response = client.post(
        "/api/v1/logistics/events", json.dumps(body), content_type="application/json", **headers
    )
    assert response.status_code == 404
    assert response.json()["code"] == "shipment_not_found"
    assert response.json()["field"] == "shipment"


def test_buyer_follows_the_shipment_in_the_portal(client, owner, released, buyer_org, make_member):
    services.event_record(
        actor=owner, shipment=released, event=_event("DEPA", location="CNNBO", at=_t(3))
    )
    buyer_user = make_member(buyer_org, "owner")
    client.force_login(buyer_user)
    listing = client.get("/portal/shipments/")
    assert released.number in listing.content.decode()
    page = client.get(f"/portal/shipments/{released.pk}/")
    assert page.status_code == 200
    assert "Departed" in page.content.decode()
    # Read-only: the exporter's page and write API are not the buyer's.
    assert client.get(f"/shipments/{released.pk}/").status_code == 404
    response = client.post(
        f"/api/v1/logistics/shipments/{released.pk}/events",
        json.dumps(
            {
                "event_type": "TRANSPORT",
                "classifier": "ACT",
                "code": "ARRI",
                "date_time": "2026-06-30T00:00:00Z",
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 404


def test_exporter_records_a_milestone_on_the_page(owner_client, released):
    response = owner_client.post(
        f"/shipments/{released.pk}/",
        {
            "action": "event",
            "code": "TRANSPORT:DEPA",
            "classifier": "ACT",
            "date_time": "2026-06-03T08:00",
            "location": "CNNBO",
        },
    )
    assert response.status_code == 302
    page = owner_client.get(f"/shipments/{released.pk}/").content.decode()
    assert "In transit" in page
    response = owner_client.post(
        f"/shipments/{released.pk}/",
        {"action": "container", "container_type": "40HC", "number": "MSKU1234566"},
    )
    assert response.status_code == 422
    assert "check digit should be 5" in response.content.decode()


def test_a_late_estimate_does_not_move_an_actual_arrival(owner, released):
    services.event_record(
        actor=owner, shipment=released, event=_event("ARRI", location="ESVLC", at=_t(29))
    )
    services.event_record(
        actor=owner, shipment=released, event=_event("ARRI", "EST", location="ESVLC", at=_t(30))
    )
    released.refresh_from_db()
    assert released.eta == _t(29)
