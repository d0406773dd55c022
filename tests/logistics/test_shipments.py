"""Shipments: creation with routes, state machine, containers, screening gate on release."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from seaward.core.errors import IllegalTransition
from seaward.core.tenancy import activate
from seaward.logistics import services
from seaward.logistics.errors import InvalidContainerNumber
from seaward.logistics.models import Shipment, ShipmentState
from seaward.reference.errors import ReferenceNotFound

pytestmark = pytest.mark.django_db
ETD = datetime(2026, 6, 1, 8, tzinfo=UTC)


def _shipment(owner, parties, **extra):  # type: ignore[no-untyped-def]
    return services.shipment_create(
        actor=owner,
        mode="sea_fcl",
        buyer=parties["buyer"],
        notify_party=parties["notify"],
        origin="CNNBO",
        destination="ESVLC",
        etd=ETD,
        **extra,
    )


def test_create_estimates_sea_distance_and_eta(active, owner, ports, parties):
    shipment = _shipment(owner, parties)
    assert shipment.number.startswith("SHP-")
    assert 15000 < shipment.distance_km < 20000
    assert shipment.transit_days and shipment.transit_days > 10
    assert shipment.eta > ETD
    assert shipment.buyer_organization == parties["buyer"].linked_organization


def test_alias_code_is_accepted(active, owner, ports, parties):
    shipment = services.shipment_create(
        actor=owner, mode="sea_fcl", buyer=parties["buyer"], origin="CNSHA", destination="ESVLC"
    )
    assert shipment.origin == "CNSHG"


def test_unknown_locode_is_a_clear_error_and_writes_nothing(active, owner, ports, parties):
    with pytest.raises(ReferenceNotFound) as error:
        services.shipment_create(
            actor=owner, mode="sea_fcl", buyer=parties["buyer"], origin="CNNBO", destination="XXQQQ"
        )
    assert error.value.field == "destination"
    assert not Shipment.objects.exists()


def test_container_number_check_digit(active, owner, ports, parties):
    shipment = _shipment(owner, parties)
    added = services.container_add(
        actor=owner,
        shipment=shipment,
        container_type="40HC",
        number="MSKU 123456-5",
        seal_numbers="ML 1",
    )
    assert added.number == "MSKU1234565"
    with pytest.raises(InvalidContainerNumber) as error:
        services.container_add(
            actor=owner, shipment=shipment, container_type="40HC", number="MSKU1234566"
        )
    assert "check digit should be 5" in error.value.message
    assert shipment.containers.count() == 1


def test_unknown_container_type(active, owner, ports, parties):
    shipment = _shipment(owner, parties)
    with pytest.raises(ReferenceNotFound):
        services.container_add(actor=owner, shipment=shipment, container_type="99XX")


def test_release_passes_every_party_through_the_screening_gate(
    active, owner, ports, parties, clear_screening
):
    shipment = _shipment(owner, parties)
    shipment = services.shipment_book(actor=owner, shipment=shipment, booking_number="NB123")
    shipment = services.shipment_release(actor=owner, shipment=shipment)
    assert shipment.state == ShipmentState.RELEASED
    assert clear_screening == [[parties["buyer"], None, parties["notify"]]]


def test_release_blocked_by_screening_changes_nothing(active, owner, ports, parties, monkeypatch):
    from seaward.compliance.workflow_errors import ScreeningBlocked

    def blocked(*, parties):  # type: ignore[no-untyped-def]
        raise ScreeningBlocked(params={"party": "X"})

    monkeypatch.setattr("seaward.compliance.services.screening_gate", blocked)
    shipment = services.shipment_book(
        actor=owner, shipment=_shipment(owner, parties), booking_number="B1"
    )
    with pytest.raises(ScreeningBlocked):
        services.shipment_release(actor=owner, shipment=shipment)
    shipment.refresh_from_db()
    assert shipment.state == ShipmentState.BOOKED


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ([], "release"),  # draft → released skips booking
        (["book", "release"], "book"),  # released → booked
        (["book", "release"], "cancel"),  # released → cancelled
        (["cancel"], "book"),  # cancelled → booked
    ],
)
def test_illegal_moves(active, owner, ports, parties, clear_screening, path, target):
    shipment = _shipment(owner, parties)
    moves = {
        "book": lambda s: services.shipment_book(actor=owner, shipment=s, booking_number="B"),
        "release": lambda s: services.shipment_release(actor=owner, shipment=s),
        "cancel": lambda s: services.shipment_cancel(actor=owner, shipment=s),
    }
    for step in path:
        shipment = moves[step](shipment)
    before = shipment.state
    with pytest.raises(IllegalTransition):
        moves[target](shipment)
    shipment.refresh_from_db()
    assert shipment.state == before


def test_shipment_is_visible_read_only_to_the_buyer_organization(
    exporter, owner, ports, parties, buyer_org, other_exporter
):
    with activate(exporter):
        shipment = _shipment(owner, parties)
    with activate(buyer_org):
        assert Shipment.objects.filter(pk=shipment.pk).exists()
        assert not Shipment.objects.owned().filter(pk=shipment.pk).exists()
    with activate(other_exporter):
        assert not Shipment.objects.filter(pk=shipment.pk).exists()
