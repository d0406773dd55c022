"""Demo data of the logistics context: Ningbo → Valencia, from the container plan to the shelf.

Ningbo Harbor plans a 40' high cube for the cartons of Cocinas Mediterráneo's confirmed order,
books the shipment Ningbo CNNBO → Valencia ESVLC, releases it after screening and records its
milestones (gate-out empty, stuffing, gate-in, loading, departure, the carrier's estimated and
then actual arrival, discharge). The Spanish buyer follows it in the portal. The goods are for
Ningbo Harbor's own stock in a third-party warehouse in Valencia, which has three months of
sales behind it: the shipment is received there and the warehouse suggests what to refill.
Idempotent: a second run adds nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from seaward.core.errors import DomainError
from seaward.core.tenancy import activate

WAREHOUSE = dict(
    name="Valencia Logistics Park (3PL)",
    code="VLC-3PL",
    kind="3pl",
    operator="Almacenes del Turia S.A.",
    country="ES",
    city="Valencia",
    address="Carrer de la Ciutat de Sevilla 12, Riba-roja de Túria",
    port="ESVLC",
)
# Daily sales out of Valencia over the last three months, per SKU (units a day).
DEMAND = {"NH-SP24": 14, "NH-FP28": 22, "NH-KS05": 9, "NH-EK17": 6}
OPENING = {"NH-SP24": 1500, "NH-FP28": 2200, "NH-KS05": 900, "NH-EK17": 1200}


def _event(kind: str, classifier: str, code: str, at: datetime, **extra: str) -> object:
    from seaward.logistics.milestones import EventInput

    return EventInput(event_type=kind, classifier=classifier, code=code, date_time=at, **extra)


def _stock_history(owner: object, warehouse: object, now: datetime) -> None:
    from seaward.catalog.models import Sku
    from seaward.logistics import warehousing

    skus = {sku.code: sku for sku in Sku.objects.owned().filter(code__in=DEMAND)}
    start = now - timedelta(days=95)
    for code, quantity in OPENING.items():
        if code in skus:
            warehousing.stock_adjust(
                actor=owner,  # type: ignore[arg-type]
                warehouse=warehouse,  # type: ignore[arg-type]
                sku=skus[code],
                quantity=quantity,
                reason="Opening stock count at the 3PL",
                at=start,
            )
    for day in range(90, 0, -3):  # the 3PL ships to shops every three days
        at = now - timedelta(days=day)
        for code, per_day in DEMAND.items():
            if code not in skus:
                continue
            # A little weekly rhythm so the safety stock is not zero.
            quantity = per_day * 3 + (per_day if day % 7 == 0 else 0)
            try:
                warehousing.stock_outbound(
                    actor=owner,  # type: ignore[arg-type]
                    warehouse=warehouse,  # type: ignore[arg-type]
                    sku=skus[code],
                    quantity=quantity,
                    reason="Shop replenishment, Comunitat Valenciana",
                    at=at,
                )
            except DomainError:
                continue  # out of stock that day: the shops waited


def load() -> None:
    from seaward.logistics import services, warehousing
    from seaward.logistics.models import Shipment, ShipmentEvent
    from seaward.organizations.models import Organization, Party, User
    from seaward.reference.models import Location
    from seaward.sales.models import SalesOrder

    ningbo = Organization.objects.filter(slug="ningbo-harbor").first()
    owner = User.objects.filter(email="ops@ningbo.demo").first()
    if ningbo is None or owner is None:
        return
    if Location.objects.filter(unlocode__in=["CNNBO", "ESVLC"]).count() != 2:
        return  # reference data not loaded: `seaward load-reference` first
    now = timezone.now()
    with transaction.atomic(), activate(ningbo):
        if Shipment.objects.owned().exists():
            return
        spain = Party.objects.owned().filter(name="Cocinas Mediterráneo S.L.").first()
        notify = Party.objects.owned().filter(name="Transportes Levante Aduanas S.L.").first()
        forwarder = (
            Party.objects.owned().filter(name="Ningbo Ocean Shipping Agency Co., Ltd.").first()
        )
        order = (
            SalesOrder.objects.owned()
            .filter(buyer=spain, state__in=["confirmed", "in_production", "ready_to_ship"])
            .order_by("pk")
            .first()
        )
        if spain is None:
            return
        warehouse = warehousing.warehouse_create(actor=owner, **WAREHOUSE)  # type: ignore[arg-type]
        _stock_history(owner, warehouse, now)

        plan = None
        if order is not None:
            cartons = services.cartons_of_order(order)
            if cartons:
                plan = services.plan_create(
                    actor=owner,
                    name=f"{order.number} · 40HC",
                    cartons=cartons,
                    container_types=["40HC"],
                    order=order,
                )
        etd = now - timedelta(days=33)
        shipment = services.shipment_create(
            actor=owner,
            mode="sea_fcl",
            buyer=spain,
            consignee=spain,
            notify_party=notify,
            forwarder=forwarder,
            origin="CNNBO",
            destination="ESVLC",
            carrier="MSC",
            etd=etd,
            destination_warehouse=warehouse,
            orders=[order] if order is not None else [],
        )
        numbers = ["MSCU7613459", "MSCU7613464", "MSCU7613470"]
        boxes = (plan.result.get("containers", []) if plan else []) or [{"code": "40HC"}]
        for index, box in enumerate(boxes[:3]):
            services.container_add(
                actor=owner,
                shipment=shipment,
                container_type=box["code"],
                number=numbers[index],
                seal_numbers=f"ML-CN {4471300 + index}",
                plan=plan,
                plan_index=index,
            )
        shipment = services.shipment_book(
            actor=owner, shipment=shipment, booking_number="MSC-NB-2611042", carrier="MSC"
        )
        Shipment.objects.filter(pk=shipment.pk).update(bl_number="MEDUNB611042")
        try:
            shipment = services.shipment_release(actor=owner, shipment=shipment)
        except DomainError:
            return  # a party is not cleared (screening): the shipment waits, booked
        box = numbers[0]
        steps = [
            ("EQUIPMENT", "ACT", "GTOT", etd - timedelta(days=5), "CNNBO", "EMPTY"),
            ("EQUIPMENT", "ACT", "STUF", etd - timedelta(days=4), "CNNBO", "LADEN"),
            ("EQUIPMENT", "ACT", "GTIN", etd - timedelta(days=3), "CNNBO", "LADEN"),
            ("TRANSPORT", "PLN", "ARRI", etd + timedelta(days=30), "ESVLC", ""),
            ("EQUIPMENT", "ACT", "LOAD", etd - timedelta(hours=10), "CNNBO", "LADEN"),
            ("TRANSPORT", "ACT", "DEPA", etd, "CNNBO", ""),
            ("TRANSPORT", "EST", "ARRI", etd + timedelta(days=31, hours=6), "ESVLC", ""),
            ("TRANSPORT", "ACT", "ARRI", etd + timedelta(days=31, hours=9), "ESVLC", ""),
            ("EQUIPMENT", "ACT", "DISC", etd + timedelta(days=31, hours=20), "ESVLC", "LADEN"),
        ]
        for kind, classifier, code, at, location, empty in steps:
            services.event_record(
                actor=owner,
                shipment=shipment,
                event=_event(  # type: ignore[arg-type]
                    kind,
                    classifier,
                    code,
                    at,
                    location=location,
                    container=box if kind == "EQUIPMENT" else "",
                    empty_indicator=empty,
                    vessel="MSC AURORA" if kind == "TRANSPORT" else "",
                    voyage="FE612W" if kind == "TRANSPORT" else "",
                ),
                source=ShipmentEvent.Source.DEMO,
            )
        warehousing.shipment_receive(actor=owner, shipment=shipment, warehouse=warehouse)
        _second_shipment(owner, spain, notify, now)


def _second_shipment(owner: object, spain: object, notify: object, now: datetime) -> None:
    """A second container for the buyer, on the water now, with the carrier's estimate."""
    from seaward.logistics import services

    etd = now - timedelta(days=9)
    shipment = services.shipment_create(
        actor=owner,  # type: ignore[arg-type]
        mode="sea_fcl",
        buyer=spain,  # type: ignore[arg-type]
        consignee=spain,  # type: ignore[arg-type]
        notify_party=notify,  # type: ignore[arg-type]
        origin="CNNGB",  # the carrier's alias for Ningbo
        destination="ESVLC",
        carrier="COSCO",
        etd=etd,
    )
    services.container_add(
        actor=owner,  # type: ignore[arg-type]
        shipment=shipment,
        container_type="40HC",
        number="CSNU6184224",
        seal_numbers="CS 0093321",
    )
    shipment = services.shipment_book(
        actor=owner,  # type: ignore[arg-type]
        shipment=shipment,
        booking_number="COS-6201458870",
        carrier="COSCO",
    )
    try:
        shipment = services.shipment_release(actor=owner, shipment=shipment)  # type: ignore[arg-type]
    except DomainError:
        return
    for kind, classifier, code, at, location, empty in (
        ("EQUIPMENT", "ACT", "GTOT", etd - timedelta(days=4), "CNNBO", "EMPTY"),
        ("EQUIPMENT", "ACT", "STUF", etd - timedelta(days=3), "CNNBO", "LADEN"),
        ("EQUIPMENT", "ACT", "GTIN", etd - timedelta(days=2), "CNNBO", "LADEN"),
        ("EQUIPMENT", "ACT", "LOAD", etd - timedelta(hours=8), "CNNBO", "LADEN"),
        ("TRANSPORT", "ACT", "DEPA", etd, "CNNBO", ""),
        ("TRANSPORT", "EST", "ARRI", etd + timedelta(days=32), "ESVLC", ""),
    ):
        services.event_record(
            actor=owner,  # type: ignore[arg-type]
            shipment=shipment,
            event=_event(  # type: ignore[arg-type]
                kind,
                classifier,
                code,
                at,
                location=location,
                container="CSNU6184224" if kind == "EQUIPMENT" else "",
                empty_indicator=empty,
                vessel="COSCO SHIPPING ARIES" if kind == "TRANSPORT" else "",
                voyage="045W" if kind == "TRANSPORT" else "",
            ),
            source="demo",
        )
