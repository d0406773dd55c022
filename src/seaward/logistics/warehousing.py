"""Writes of overseas warehouses: warehouses, stock movements, reservations, receipts.

Every change of a stock level goes through ``_move``: the stock row is locked
(``select_for_update``), the pure rule ``stock.apply`` decides (no negative stock unless the
warehouse allows it), and one append-only movement is written with the deltas it made.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from seaward.core.errors import Conflict, InvalidInput, gettext_noop
from seaward.logistics import stock
from seaward.logistics.models import (
    Reservation,
    Shipment,
    ShipmentLine,
    ShipmentState,
    StockLevel,
    StockMovement,
    Warehouse,
)
from seaward.organizations.audit import audit_record
from seaward.organizations.models import User, validate_country


@transaction.atomic
def warehouse_create(
    *,
    actor: User | None,
    name: str,
    code: str,
    country: str,
    kind: str = Warehouse.Kind.THIRD_PARTY,
    operator: str = "",
    city: str = "",
    address: str = "",
    port: str = "",
    allow_negative: bool = False,
) -> Warehouse:
    from django.core.exceptions import ValidationError

    from seaward.logistics.selectors import resolve_location

    name, code = name.strip(), code.strip().upper()
    if not name or not code:
        raise InvalidInput(gettext_noop("A warehouse needs a name and a code."), field="name")
    if kind not in Warehouse.Kind.values:
        raise InvalidInput(gettext_noop("Unknown warehouse kind."), field="kind")
    try:
        validate_country(country.strip().upper())
    except ValidationError:
        raise InvalidInput(gettext_noop("Unknown country code."), field="country") from None
    if Warehouse.objects.owned().filter(code=code).exists():
        raise InvalidInput(gettext_noop("Another warehouse has this code."), field="code")
    port_code = resolve_location(port, field="port").unlocode if port.strip() else ""
    warehouse = Warehouse.objects.create(
        name=name[:120],
        code=code[:20],
        kind=kind,
        operator=operator.strip()[:200],
        country=country.strip().upper(),
        city=city.strip()[:120],
        address=address.strip()[:300],
        port=port_code,
        allow_negative=allow_negative,
    )
    audit_record(actor=actor, action="warehouse.created", obj=warehouse)
    return warehouse


def _level(warehouse: Warehouse, sku: Any) -> StockLevel:
    StockLevel.objects.get_or_create(
        warehouse=warehouse, sku=sku, defaults={"organization_id": warehouse.organization_id}
    )
    return StockLevel.objects.select_for_update().get(warehouse=warehouse, sku=sku)


def _move(
    *,
    actor: User | None,
    warehouse: Warehouse,
    sku: Any,
    movement: stock.Movement,
    reason: str = "",
    shipment: Shipment | None = None,
    order: Any = None,
    reservation: Reservation | None = None,
    at: datetime | None = None,
) -> StockMovement:
    if sku.organization_id != warehouse.organization_id:
        raise InvalidInput(gettext_noop("Unknown SKU."), field="sku")
    row = _level(warehouse, sku)
    before = stock.Level(row.on_hand, row.reserved, row.in_transit)
    after = stock.apply(before, movement, allow_negative=warehouse.allow_negative, sku=sku.code)
    row.on_hand, row.reserved, row.in_transit = after.on_hand, after.reserved, after.in_transit
    row.save()
    return StockMovement.objects.create(
        organization_id=warehouse.organization_id,
        warehouse=warehouse,
        sku=sku,
        kind=movement.kind,
        quantity=movement.quantity,
        on_hand_delta=after.on_hand - before.on_hand,
        reserved_delta=after.reserved - before.reserved,
        in_transit_delta=after.in_transit - before.in_transit,
        reason=reason.strip()[:300],
        shipment=shipment,
        order=order,
        reservation=reservation,
        created_by=actor if actor is not None and actor.is_authenticated else None,
        created_at=at or timezone.now(),
    )


@transaction.atomic
def stock_adjust(
    *,
    actor: User | None,
    warehouse: Warehouse,
    sku: Any,
    quantity: int,
    reason: str,
    at: datetime | None = None,
) -> StockMovement:
    """A stock count correction (signed); the reason is required."""
    if not reason.strip():
        raise InvalidInput(gettext_noop("Say why the stock is adjusted."), field="reason")
    return _move(
        actor=actor,
        warehouse=warehouse,
        sku=sku,
        movement=stock.Movement(stock.ADJUSTMENT, quantity),
        reason=reason,
        at=at,
    )


@transaction.atomic
def stock_outbound(
    *,
    actor: User | None,
    warehouse: Warehouse,
    sku: Any,
    quantity: int,
    order: Any = None,
    reason: str = "",
    at: datetime | None = None,
) -> StockMovement:
    """Goods leave the warehouse for a customer's order (from free stock)."""
    return _move(
        actor=actor,
        warehouse=warehouse,
        sku=sku,
        movement=stock.Movement(stock.OUTBOUND, quantity),
        reason=reason,
        order=order,
        at=at,
    )


@transaction.atomic
def reservation_create(
    *,
    actor: User | None,
    warehouse: Warehouse,
    sku: Any,
    quantity: int,
    reference: str = "",
    order: Any = None,
) -> Reservation:
    reservation = Reservation.objects.create(
        organization_id=warehouse.organization_id,
        warehouse=warehouse,
        sku=sku,
        quantity=max(quantity, 0),
        reference=reference.strip()[:120],
        order=order,
    )
    _move(
        actor=actor,
        warehouse=warehouse,
        sku=sku,
        movement=stock.Movement(stock.RESERVE, quantity),
        reason=reference,
        order=order,
        reservation=reservation,
    )
    return reservation


def _active(reservation: Reservation) -> Reservation:
    locked = Reservation.objects.select_for_update().get(pk=reservation.pk)
    if locked.state != Reservation.State.ACTIVE:
        raise Conflict(
            gettext_noop("The reservation is already %(state)s."),
            params={"state": locked.get_state_display()},
        )
    return locked


@transaction.atomic
def reservation_release(*, actor: User | None, reservation: Reservation) -> Reservation:
    reservation = _active(reservation)
    _move(
        actor=actor,
        warehouse=reservation.warehouse,
        sku=reservation.sku,
        movement=stock.Movement(stock.UNRESERVE, reservation.quantity),
        reason=reservation.reference,
        reservation=reservation,
    )
    reservation.state = Reservation.State.RELEASED
    reservation.save()
    return reservation


@transaction.atomic
def reservation_fulfil(*, actor: User | None, reservation: Reservation) -> Reservation:
    """Ship the reserved goods: on hand and reserved both go down."""
    reservation = _active(reservation)
    _move(
        actor=actor,
        warehouse=reservation.warehouse,
        sku=reservation.sku,
        movement=stock.Movement(stock.OUTBOUND, reservation.quantity, consume_reservation=True),
        reason=reservation.reference,
        order=reservation.order,
        reservation=reservation,
    )
    reservation.state = Reservation.State.FULFILLED
    reservation.save()
    return reservation


def _sku_lines(shipment: Shipment) -> list[ShipmentLine]:
    return list(
        ShipmentLine.objects.filter(shipment=shipment, sku__isnull=False).select_related("sku")
    )


def shipment_dispatch(*, actor: User | None, shipment: Shipment) -> None:
    """A released shipment bound for a warehouse: its goods count as in transit there."""
    warehouse = shipment.destination_warehouse
    if warehouse is None:
        return
    for line in _sku_lines(shipment):
        _move(
            actor=actor,
            warehouse=warehouse,
            sku=line.sku,
            movement=stock.Movement(stock.DISPATCH, line.quantity),
            shipment=shipment,
            reason=shipment.number,
        )


@transaction.atomic
def shipment_receive(
    *, actor: User | None, shipment: Shipment, warehouse: Warehouse | None = None
) -> list[StockMovement]:
    """Book an arrived shipment's goods into the warehouse (inbound movements)."""
    shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
    if shipment.received_at is not None:
        from seaward.logistics.services import AlreadyReceived

        raise AlreadyReceived(params={"number": shipment.number})
    if shipment.state not in (ShipmentState.ARRIVED, ShipmentState.DELIVERED):
        from seaward.core.errors import IllegalTransition

        raise IllegalTransition(
            gettext_noop("Shipment %(number)s has not arrived yet."),
            params={"number": shipment.number},
        )
    target = warehouse or shipment.destination_warehouse
    if target is None:
        raise InvalidInput(
            gettext_noop("Choose the warehouse that receives it."), field="warehouse"
        )
    if target.organization_id != shipment.organization_id:
        raise InvalidInput(gettext_noop("Unknown warehouse."), field="warehouse")
    dispatched = shipment.destination_warehouse_id == target.pk and shipment.released_at is not None
    movements = [
        _move(
            actor=actor,
            warehouse=target,
            sku=line.sku,
            movement=stock.Movement(stock.INBOUND, line.quantity, from_transit=dispatched),
            shipment=shipment,
            reason=shipment.number,
        )
        for line in _sku_lines(shipment)
    ]
    shipment.received_at = timezone.now()
    shipment.destination_warehouse = target
    if shipment.state == ShipmentState.ARRIVED:
        shipment.state = ShipmentState.DELIVERED
    shipment.save()
    audit_record(
        actor=actor, action="shipment.received", obj=shipment, after={"warehouse": target.code}
    )
    return movements
