"""API of the logistics context: shipments, milestone events (a forwarder's feed included),
loading plans, overseas warehouses, stock, movements and replenishment suggestions."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.apitypes import ObjectId, Pages
from seaward.core.errors import InvalidInput
from seaward.logistics import milestones, selectors, services, warehousing
from seaward.logistics.models import LoadPlan, Shipment
from seaward.logistics.warehouse_api import MovementOut
from seaward.logistics.warehouse_api import router as warehouse_router
from seaward.organizations.models import Party
from seaward.organizations.roles import Capability

router = Router(tags=["logistics"])
Locode = Field(..., min_length=2, max_length=12, description="UN/LOCODE or a carrier's alias")


class ContainerOut(Schema):
    id: int
    container_type: str
    number: str
    seal_numbers: str
    plan_id: int | None


class LineOut(Schema):
    id: int
    order_id: int | None
    sku_code: str
    description: str
    quantity: int
    cartons: int


class ShipmentOut(Schema):
    id: int
    number: str
    mode: str
    state: str
    buyer_id: int | None = None
    buyer: str = Field("", alias="buyer.name")
    carrier: str
    booking_number: str
    bl_number: str
    origin: str
    origin_name: str
    destination: str
    destination_name: str
    distance_km: Decimal | None
    transit_days: Decimal | None
    etd: datetime | None
    eta: datetime | None
    destination_warehouse_id: int | None
    created_at: datetime


class ShipmentDetailOut(ShipmentOut):
    containers: list[ContainerOut]
    lines: list[LineOut]


class ShipmentIn(Schema):
    mode: Literal["sea_fcl", "sea_lcl", "air", "rail", "express"] = "sea_fcl"
    buyer_id: ObjectId
    consignee_id: ObjectId | None = None
    notify_party_id: ObjectId | None = None
    forwarder_id: ObjectId | None = None
    origin: str = Locode
    destination: str = Locode
    carrier: str = Field("", max_length=120)
    booking_number: str = Field("", max_length=40)
    bl_number: str = Field("", max_length=40)
    etd: datetime | None = None
    eta: datetime | None = None
    destination_warehouse_id: ObjectId | None = None
    order_ids: list[ObjectId] = Field(default_factory=list, max_length=50)


class BookIn(Schema):
    booking_number: str = Field(..., max_length=40)
    carrier: str = Field("", max_length=120)


class ContainerIn(Schema):
    container_type: str = Field(..., max_length=8)
    number: str = Field("", max_length=20)
    seal_numbers: str = Field("", max_length=200)


class OrderIn(Schema):
    order_id: ObjectId


class EventIn(Schema):
    event_type: Literal["SHIPMENT", "TRANSPORT", "EQUIPMENT"]
    classifier: Literal["PLN", "EST", "ACT"]
    code: str = Field(
        ..., max_length=4, description="e.g. GTOT, STUF, GTIN, LOAD, DEPA, ARRI, DISC"
    )
    date_time: str = Field(
        ...,
        max_length=40,
        description="ISO 8601 time, e.g. 2026-06-01T08:00:00+08:00 (no offset: UTC)",
    )
    location: str = Field("", max_length=12)
    container: str = Field("", max_length=20)
    empty_indicator: Literal["", "EMPTY", "LADEN"] = ""
    vessel: str = Field("", max_length=100)
    voyage: str = Field("", max_length=40)
    description: str = Field("", max_length=500)


class FeedEventIn(EventIn):
    shipment: str = Field(
        ..., max_length=60, description="Shipment number, booking, B/L or container number"
    )


class EventOut(Schema):
    id: int
    shipment_id: int
    event_type: str
    classifier: str
    code: str
    date_time: datetime
    location: str
    container: str
    empty_indicator: str
    vessel: str
    voyage: str
    description: str
    source: str


class ImportIn(Schema):
    csv: str = Field(
        ..., max_length=2_000_000, description="CSV with " + ", ".join(milestones.CSV_COLUMNS)
    )


class ImportOut(Schema):
    imported: int
    events: list[EventOut]


class CartonIn(Schema):
    ref: str = Field("", max_length=40)
    length_cm: Decimal = Field(..., gt=0, le=10000, max_digits=8, decimal_places=2)
    width_cm: Decimal = Field(..., gt=0, le=10000, max_digits=8, decimal_places=2)
    height_cm: Decimal = Field(..., gt=0, le=10000, max_digits=8, decimal_places=2)
    weight_kg: Decimal = Field(..., gt=0, le=100000, max_digits=9, decimal_places=3)
    quantity: int = Field(..., ge=1, le=services.MAX_CARTONS)
    this_side_up: bool = False
    stackable: bool = True


class PlanIn(Schema):
    name: str = Field("", max_length=120)
    order_id: ObjectId | None = None
    cartons: list[CartonIn] = Field(default_factory=list, max_length=services.MAX_CARTON_TYPES)
    containers: list[Literal["20GP", "40GP", "40HC"]] = Field(["40HC"], min_length=1, max_length=3)


class PlanOut(Schema):
    id: int
    name: str
    order_id: int | None
    container_choice: list[str]
    container_count: int
    volume_utilization: float
    created_at: datetime


class PlanDetailOut(PlanOut):
    result: dict[str, Any]


class ReceiveIn(Schema):
    warehouse_id: ObjectId | None = None


def _owned(shipment_id: int) -> Shipment:
    return get_object_or_404(Shipment.objects.owned(), pk=shipment_id)


def _party(party_id: int | None, field: str) -> Party | None:
    if party_id is None:
        return None
    party = Party.objects.owned().filter(pk=party_id).first()
    if party is None:
        raise InvalidInput("Unknown party.", field=field)
    return party


def _detail(shipment: Shipment) -> dict[str, Any]:
    out = {f: getattr(shipment, f) for f in ShipmentOut.model_fields if hasattr(shipment, f)}
    out["buyer"] = shipment.buyer.name if shipment.is_owned_by_active() else ""
    out["buyer_id"] = shipment.buyer_id if shipment.is_owned_by_active() else None
    out["containers"] = list(shipment.containers.all())
    out["lines"] = list(shipment.lines.all())
    return out


def _event_input(payload: EventIn, shipment: str = "") -> milestones.EventInput:
    return milestones.EventInput(
        event_type=payload.event_type,
        classifier=payload.classifier,
        code=payload.code,
        date_time=milestones.parse_time(payload.date_time),
        location=payload.location,
        container=payload.container,
        empty_indicator=payload.empty_indicator,
        vessel=payload.vessel,
        voyage=payload.voyage,
        description=payload.description,
        shipment=shipment,
    )


# --- shipments ------------------------------------------------------------------------------
@router.get(
    "/logistics/shipments",
    response=list[ShipmentOut],
    summary="Shipments: your own, and those shared with you as the buyer",
)
@paginate(Pages)
def shipment_list(request: MemberRequest, state: str = "") -> Any:
    shipments = Shipment.objects.select_related("buyer")
    return shipments.filter(state=state[:12]) if state else shipments


@router.post(
    "/logistics/shipments",
    response={201: ShipmentDetailOut},
    summary="Create a shipment (sea distance and transit estimated)",
)
def shipment_create(request: MemberRequest, payload: ShipmentIn) -> Any:
    ensure_capability(request, Capability.OPERATE)
    buyer = _party(payload.buyer_id, "buyer_id")
    assert buyer is not None
    warehouse = None
    if payload.destination_warehouse_id:
        warehouse = selectors.warehouses().filter(pk=payload.destination_warehouse_id).first()
        if warehouse is None:
            raise InvalidInput("Unknown warehouse.", field="destination_warehouse_id")
    orders = []
    for order_id in payload.order_ids:
        order = selectors.orders_to_ship().filter(pk=order_id).first()
        if order is None:
            raise InvalidInput("Unknown sales order.", field="order_ids")
        orders.append(order)
    shipment = services.shipment_create(
        actor=request.user,
        mode=payload.mode,
        buyer=buyer,
        consignee=_party(payload.consignee_id, "consignee_id"),
        notify_party=_party(payload.notify_party_id, "notify_party_id"),
        forwarder=_party(payload.forwarder_id, "forwarder_id"),
        origin=payload.origin,
        destination=payload.destination,
        carrier=payload.carrier,
        booking_number=payload.booking_number,
        bl_number=payload.bl_number,
        etd=payload.etd,
        eta=payload.eta,
        destination_warehouse=warehouse,
        orders=orders,
    )
    return Status(201, _detail(shipment))


@router.get(
    "/logistics/shipments/{shipment_id}",
    response=ShipmentDetailOut,
    summary="One shipment with its containers and lines",
)
def shipment_get(request: MemberRequest, shipment_id: int) -> Any:
    return _detail(get_object_or_404(Shipment.objects.all(), pk=shipment_id))


@router.post(
    "/logistics/shipments/{shipment_id}/book",
    response=ShipmentDetailOut,
    summary="Book: draft → booked",
)
def shipment_book(request: MemberRequest, shipment_id: int, payload: BookIn) -> Any:
    shipment = _owned(shipment_id)
    ensure_capability(request, Capability.OPERATE)
    return _detail(
        services.shipment_book(
            actor=request.user,
            shipment=shipment,
            booking_number=payload.booking_number,
            carrier=payload.carrier,
        )
    )


@router.post(
    "/logistics/shipments/{shipment_id}/release",
    response=ShipmentDetailOut,
    summary="Release: booked → released after restricted-party screening (409 names the party)",
)
def shipment_release(request: MemberRequest, shipment_id: int) -> Any:
    shipment = _owned(shipment_id)
    ensure_capability(request, Capability.OPERATE)
    return _detail(services.shipment_release(actor=request.user, shipment=shipment))


@router.post(
    "/logistics/shipments/{shipment_id}/cancel",
    response=ShipmentDetailOut,
    summary="Cancel a draft or booked shipment",
)
def shipment_cancel(request: MemberRequest, shipment_id: int) -> Any:
    shipment = _owned(shipment_id)
    ensure_capability(request, Capability.OPERATE)
    return _detail(services.shipment_cancel(actor=request.user, shipment=shipment))


@router.post(
    "/logistics/shipments/{shipment_id}/containers",
    response={201: ContainerOut},
    summary="Add a container (ISO 6346 number checked)",
)
def container_add(request: MemberRequest, shipment_id: int, payload: ContainerIn) -> Any:
    shipment = _owned(shipment_id)
    ensure_capability(request, Capability.OPERATE)
    return Status(
        201,
        services.container_add(
            actor=request.user,
            shipment=shipment,
            container_type=payload.container_type,
            number=payload.number,
            seal_numbers=payload.seal_numbers,
        ),
    )


@router.post(
    "/logistics/shipments/{shipment_id}/orders",
    response=ShipmentDetailOut,
    summary="Carry a sales order's lines and cartons",
)
def shipment_add_order(request: MemberRequest, shipment_id: int, payload: OrderIn) -> Any:
    shipment = _owned(shipment_id)
    ensure_capability(request, Capability.OPERATE)
    order = selectors.orders_to_ship().filter(pk=payload.order_id).first()
    if order is None:
        raise InvalidInput("Unknown sales order.", field="order_id")
    services.shipment_add_order(actor=request.user, shipment=shipment, order=order)
    return _detail(shipment)


@router.get(
    "/logistics/shipments/{shipment_id}/events",
    response=list[EventOut],
    summary="A shipment's milestones (DCSA events), oldest first",
)
@paginate(Pages)
def event_list(request: MemberRequest, shipment_id: int) -> Any:
    return selectors.events_of(get_object_or_404(Shipment.objects.all(), pk=shipment_id))


@router.post(
    "/logistics/shipments/{shipment_id}/events",
    response={201: EventOut},
    summary="Record a milestone on a shipment",
)
def event_create(request: MemberRequest, shipment_id: int, payload: EventIn) -> Any:
    shipment = _owned(shipment_id)
    ensure_capability(request, Capability.OPERATE)
    return Status(
        201,
        services.event_record(actor=request.user, shipment=shipment, event=_event_input(payload)),
    )


@router.post(
    "/logistics/events",
    response={201: EventOut},
    summary="A forwarder's feed: an event naming the shipment by number, booking, B/L or container",
    description="An unknown reference answers 404 with code `shipment_not_found`.",
)
def event_feed(request: MemberRequest, payload: FeedEventIn) -> Any:
    ensure_capability(request, Capability.OPERATE)
    return Status(
        201, services.event_post(actor=request.user, event=_event_input(payload, payload.shipment))
    )


@router.post(
    "/logistics/events/import",
    response={201: ImportOut},
    summary="Import events from CSV: per-row errors in details.errors, nothing saved on any error",
)
def event_import(request: MemberRequest, payload: ImportIn) -> Any:
    ensure_capability(request, Capability.OPERATE)
    events = services.events_import(actor=request.user, text=payload.csv)
    return Status(201, {"imported": len(events), "events": events})


@router.post(
    "/logistics/shipments/{shipment_id}/receive",
    response=list[MovementOut],
    summary="Book an arrived shipment into an overseas warehouse",
)
def shipment_receive(request: MemberRequest, shipment_id: int, payload: ReceiveIn) -> Any:
    shipment = _owned(shipment_id)
    ensure_capability(request, Capability.OPERATE)
    warehouse = None
    if payload.warehouse_id:
        warehouse = get_object_or_404(selectors.warehouses(), pk=payload.warehouse_id)
    return warehousing.shipment_receive(actor=request.user, shipment=shipment, warehouse=warehouse)


# --- loading plans --------------------------------------------------------------------------
@router.get("/logistics/plans", response=list[PlanOut], summary="Container loading plans")
@paginate(Pages)
def plan_list(request: MemberRequest) -> Any:
    return selectors.plans()


@router.post(
    "/logistics/plans",
    response={201: PlanDetailOut},
    summary="Plan cartons (or an order's cartons) into the cheapest mix of containers",
)
def plan_create(request: MemberRequest, payload: PlanIn) -> Any:
    ensure_capability(request, Capability.OPERATE)
    order = None
    cartons = [services.CartonInput(**c.dict()) for c in payload.cartons]
    if payload.order_id:
        order = selectors.orders_to_ship().filter(pk=payload.order_id).first()
        if order is None:
            raise InvalidInput("Unknown sales order.", field="order_id")
        cartons = cartons or services.cartons_of_order(order)
    return Status(
        201,
        services.plan_create(
            actor=request.user,
            name=payload.name,
            cartons=cartons,
            container_types=payload.containers,
            order=order,
        ),
    )


@router.get(
    "/logistics/plans/{plan_id}",
    response=PlanDetailOut,
    summary="One plan: placements in loading order, carton ranges per container",
)
def plan_get(request: MemberRequest, plan_id: int) -> Any:
    return get_object_or_404(LoadPlan.objects.owned(), pk=plan_id)


# Overseas warehouses live in their own module; their operations join this router.
router.add_router("", warehouse_router)
