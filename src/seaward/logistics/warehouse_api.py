"""API of the overseas warehouses: stock, movements, reservations, replenishment."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.apitypes import ObjectId, Pages
from seaward.core.errors import InvalidInput
from seaward.logistics import selectors, warehousing
from seaward.logistics.models import Reservation, Warehouse
from seaward.organizations.roles import Capability

MAX_QTY = 10**9

router = Router(tags=["logistics"])


class WarehouseIn(Schema):
    name: str = Field(..., max_length=120)
    code: str = Field(..., max_length=20)
    kind: Literal["own", "3pl"] = "3pl"
    operator: str = Field("", max_length=200)
    country: str = Field(..., max_length=2)
    city: str = Field("", max_length=120)
    address: str = Field("", max_length=300)
    port: str = Field("", max_length=12)
    allow_negative: bool = False


class WarehouseOut(Schema):
    id: int
    name: str
    code: str
    kind: str
    operator: str
    country: str
    city: str
    address: str
    port: str
    allow_negative: bool


class StockOut(Schema):
    sku_id: int
    sku: str = Field(..., alias="sku.code")
    on_hand: int
    reserved: int
    in_transit: int
    available: int


class MovementIn(Schema):
    kind: Literal["adjustment", "outbound"]
    sku_id: ObjectId
    quantity: int = Field(..., ge=-MAX_QTY, le=MAX_QTY)
    reason: str = Field("", max_length=300)
    order_id: ObjectId | None = Field(None, description="The sales order an outbound ships")


class ReservationIn(Schema):
    sku_id: ObjectId
    quantity: int = Field(..., ge=1, le=MAX_QTY)
    reference: str = Field("", max_length=120)
    order_id: ObjectId | None = None


class ReservationOut(Schema):
    id: int
    warehouse_id: int
    sku_id: int
    quantity: int
    reference: str
    order_id: int | None
    state: str
    created_at: datetime


class MovementOut(Schema):
    id: int
    sku_id: int
    kind: str
    quantity: int
    on_hand_delta: int
    reserved_delta: int
    in_transit_delta: int
    reason: str
    shipment_id: int | None
    created_at: datetime


class SuggestionOut(Schema):
    sku: str
    daily_demand: float
    lead_time_days: float
    safety_stock: int
    reorder_point: int
    position: int
    days_of_cover: float | None
    order_quantity: int
    cartons: int


class ContainerLineOut(Schema):
    sku: str
    cartons: int
    quantity: int


class SuggestionsOut(Schema):
    lead_time_days: float
    lead_time_from_history: bool
    suggestions: list[SuggestionOut]
    container_type: str
    next_container: list[ContainerLineOut]
    next_container_volume_share: float


# --- warehouses -----------------------------------------------------------------------------
def _warehouse(warehouse_id: int) -> Warehouse:
    return get_object_or_404(selectors.warehouses(), pk=warehouse_id)


@router.get("/logistics/warehouses", response=list[WarehouseOut], summary="Overseas warehouses")
@paginate(Pages)
def warehouse_list(request: MemberRequest) -> Any:
    return selectors.warehouses()


@router.post(
    "/logistics/warehouses", response={201: WarehouseOut}, summary="Add an overseas warehouse"
)
def warehouse_create(request: MemberRequest, payload: WarehouseIn) -> Any:
    ensure_capability(request, Capability.OPERATE)
    return Status(201, warehousing.warehouse_create(actor=request.user, **payload.dict()))


@router.get("/logistics/warehouses/{warehouse_id}", response=WarehouseOut, summary="One warehouse")
def warehouse_get(request: MemberRequest, warehouse_id: int) -> Any:
    return _warehouse(warehouse_id)


@router.get(
    "/logistics/warehouses/{warehouse_id}/stock",
    response=list[StockOut],
    summary="Stock per SKU: on hand, reserved, in transit",
)
@paginate(Pages)
def stock_list(request: MemberRequest, warehouse_id: int) -> Any:
    return selectors.stock_of(_warehouse(warehouse_id))


@router.get(
    "/logistics/warehouses/{warehouse_id}/movements",
    response=list[MovementOut],
    summary="The stock ledger, newest first",
)
@paginate(Pages)
def movement_list(request: MemberRequest, warehouse_id: int) -> Any:
    return selectors.movements_of(_warehouse(warehouse_id))


@router.post(
    "/logistics/warehouses/{warehouse_id}/movements",
    response={201: MovementOut},
    summary="Adjust stock (with a reason) or ship out; 409 negative_stock",
)
def movement_create(request: MemberRequest, warehouse_id: int, payload: MovementIn) -> Any:
    from seaward.catalog.models import Sku

    warehouse = _warehouse(warehouse_id)
    ensure_capability(request, Capability.OPERATE)
    sku = Sku.objects.owned().filter(pk=payload.sku_id).first()
    if sku is None:
        raise InvalidInput("Unknown SKU.", field="sku_id")
    if payload.kind == "adjustment":
        movement = warehousing.stock_adjust(
            actor=request.user,
            warehouse=warehouse,
            sku=sku,
            quantity=payload.quantity,
            reason=payload.reason,
        )
    else:
        movement = warehousing.stock_outbound(
            actor=request.user,
            warehouse=warehouse,
            sku=sku,
            quantity=payload.quantity,
            reason=payload.reason,
            order=_order(payload.order_id),
        )
    return Status(201, movement)


@router.get(
    "/logistics/warehouses/{warehouse_id}/suggestions",
    response=SuggestionsOut,
    summary="Replenishment: reorder point and quantity per SKU, what to put in the next container",
)
def suggestion_list(
    request: MemberRequest,
    warehouse_id: int,
    container: Literal["20GP", "40GP", "40HC"] = "40HC",
) -> Any:
    found = selectors.replenishment_for(_warehouse(warehouse_id), container_type=container)
    return {
        "lead_time_days": found.lead_time_days,
        "lead_time_from_history": found.lead_time_from_history,
        "suggestions": found.suggestions,
        "container_type": found.container_type,
        "next_container": list(found.next_container.lines),
        "next_container_volume_share": found.next_container.volume_share,
    }


def _sku(sku_id: int) -> Any:
    from seaward.catalog.models import Sku

    sku = Sku.objects.owned().filter(pk=sku_id).first()
    if sku is None:
        raise InvalidInput("Unknown SKU.", field="sku_id")
    return sku


def _order(order_id: int | None) -> Any:
    if order_id is None:
        return None
    order = selectors.orders_to_ship().filter(pk=order_id).first()
    if order is None:
        raise InvalidInput("Unknown sales order.", field="order_id")
    return order


@router.get(
    "/logistics/warehouses/{warehouse_id}/reservations",
    response=list[ReservationOut],
    summary="Reservations of stock for orders, newest first",
)
@paginate(Pages)
def reservation_list(request: MemberRequest, warehouse_id: int, state: str = "") -> Any:
    reservations = Reservation.objects.filter(warehouse=_warehouse(warehouse_id))
    return reservations.filter(state=state[:10]) if state else reservations


@router.post(
    "/logistics/warehouses/{warehouse_id}/reservations",
    response={201: ReservationOut},
    summary="Reserve free stock for an order; 409 negative_stock when not enough is free",
)
def reservation_create(request: MemberRequest, warehouse_id: int, payload: ReservationIn) -> Any:
    warehouse = _warehouse(warehouse_id)
    ensure_capability(request, Capability.OPERATE)
    return Status(
        201,
        warehousing.reservation_create(
            actor=request.user,
            warehouse=warehouse,
            sku=_sku(payload.sku_id),
            quantity=payload.quantity,
            reference=payload.reference,
            order=_order(payload.order_id),
        ),
    )


@router.post(
    "/logistics/reservations/{reservation_id}/{action}",
    response=ReservationOut,
    summary="Ship the reserved goods (fulfil) or give them back to free stock (release)",
)
def reservation_close(
    request: MemberRequest, reservation_id: int, action: Literal["fulfil", "release"]
) -> Any:
    reservation = get_object_or_404(Reservation.objects.owned(), pk=reservation_id)
    ensure_capability(request, Capability.OPERATE)
    if action == "fulfil":
        return warehousing.reservation_fulfil(actor=request.user, reservation=reservation)
    return warehousing.reservation_release(actor=request.user, reservation=reservation)
