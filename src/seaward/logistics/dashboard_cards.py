"""The logistics context's dashboard card: shipments under way and the next arrival."""

from __future__ import annotations

from django.http import HttpRequest

from seaward.core.dashboard import Card
from seaward.logistics.models import Shipment, ShipmentState


def shipments_card(request: HttpRequest) -> Card | None:
    organization = getattr(request, "organization", None)
    if organization is None or organization.kind != "exporter":
        return None
    shipments = Shipment.objects.owned()
    moving = shipments.filter(
        state__in=[ShipmentState.RELEASED, ShipmentState.IN_TRANSIT, ShipmentState.ARRIVED]
    )
    return Card(
        "logistics/cards/shipments.html",
        {
            "moving": moving.count(),
            "booked": shipments.filter(state=ShipmentState.BOOKED).count(),
            "next": moving.filter(eta__isnull=False).order_by("eta").first(),
        },
        width=6,
    )
