"""Writes of the logistics context: shipments, containers, milestones, loading plans.

Warehouse and stock writes live in ``warehousing.py``. The shipment's state machine is the
table ``SHIPMENT_MOVES``; milestone events move a released shipment forward (never back).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from seaward.core.errors import Conflict, IllegalTransition, InvalidInput, gettext_noop
from seaward.logistics import milestones, selectors
from seaward.logistics.iso6346 import validate_container_number
from seaward.logistics.models import (
    LoadPlan,
    Shipment,
    ShipmentContainer,
    ShipmentEvent,
    ShipmentLine,
    ShipmentMode,
    ShipmentState,
    Warehouse,
)
from seaward.organizations.audit import audit_record
from seaward.organizations.models import Party, User

S = ShipmentState
SHIPMENT_MOVES: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.BOOKED, S.CANCELLED}),
    S.BOOKED: frozenset({S.RELEASED, S.CANCELLED}),
    S.RELEASED: frozenset({S.IN_TRANSIT, S.ARRIVED}),
    S.IN_TRANSIT: frozenset({S.ARRIVED}),
    S.ARRIVED: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset(),
    S.CANCELLED: frozenset(),
}
# Milestones move a shipment forward along this order only.
PROGRESS = [S.RELEASED, S.IN_TRANSIT, S.ARRIVED, S.DELIVERED]
SPEED_KNOTS = 15
SEA_MODES = {ShipmentMode.SEA_FCL, ShipmentMode.SEA_LCL}
# Indicative ocean freight per container (USD) to pick the cheapest mix; the relative sizes
# matter, not the level.
CONTAINER_COSTS = {"20GP": Decimal(1800), "40GP": Decimal(2900), "40HC": Decimal(3000)}
PLANNABLE = ("20GP", "40GP", "40HC")
MAX_CARTON_TYPES = 50
MAX_CARTONS = 20_000
SHIPMENT_FIELDS = ["state", "carrier", "booking_number", "bl_number", "etd", "eta"]


class ShipmentInvalid(InvalidInput):
    code = "shipment_invalid"
    default_message = gettext_noop("The shipment is not valid: %(reason)s")


class AlreadyReceived(Conflict):
    code = "shipment_already_received"
    default_message = gettext_noop("Shipment %(number)s was already received.")


def _check_move(shipment: Shipment, target: str) -> None:
    if target not in SHIPMENT_MOVES[shipment.state]:
        raise IllegalTransition(
            params={
                "current": ShipmentState(shipment.state).label,
                "target": ShipmentState(target).label,
            },
            details={"current": shipment.state, "target": target},
        )


def _next_number() -> str:
    year = timezone.localdate().year
    count = Shipment.objects.owned().filter(number__startswith=f"SHP-{year}-").count()
    return f"SHP-{year}-{count + 1:04d}"


@dataclass(frozen=True)
class Route:
    distance_km: Decimal | None
    transit_days: Decimal | None


@functools.lru_cache(maxsize=1)
def _searoute_ports() -> dict[str, tuple[float, float]]:
    """UN/LOCODE → (lon, lat) of the ports that ship with ``searoute`` (a fallback: UN/LOCODE
    has no coordinates for many ports, Valencia among them)."""
    import importlib.resources
    import json

    text = importlib.resources.files("searoute.data").joinpath("ports.geojson").read_text()
    ports: dict[str, tuple[float, float]] = {}
    for feature in json.loads(text)["features"]:
        code = str(feature["properties"].get("port") or "")
        lon, lat = feature["geometry"]["coordinates"][:2]
        ports.setdefault(code, (float(lon), float(lat)))
    return ports


def _lon_lat(location: Any) -> tuple[float, float] | None:
    if location.longitude is not None and location.latitude is not None:
        return (float(location.longitude), float(location.latitude))
    return _searoute_ports().get(location.unlocode)


def sea_route(origin: Any, destination: Any) -> Route:
    """Sea distance and sailing time between two ports (``searoute``, offline)."""
    start, end = _lon_lat(origin), _lon_lat(destination)
    if start is None or end is None:
        return Route(None, None)
    import searoute

    # Container ships slow-steam at 14–18 knots; searoute assumes 24.
    feature = searoute.searoute(list(start), list(end), units="km", speed_knot=SPEED_KNOTS)
    length = Decimal(str(round(float(feature.properties["length"]), 1)))
    hours = float(feature.properties.get("duration_hours") or 0)
    days = Decimal(str(round(hours / 24, 1))) if hours else None
    return Route(length, days)


def _party(party: Party | None, field: str) -> Party | None:
    if party is not None and not party.is_owned_by_active():
        raise ShipmentInvalid(params={"reason": "unknown party"}, field=field)
    return party


@transaction.atomic
def shipment_create(
    *,
    actor: User | None,
    mode: str,
    buyer: Party,
    origin: str,
    destination: str,
    consignee: Party | None = None,
    notify_party: Party | None = None,
    forwarder: Party | None = None,
    carrier: str = "",
    booking_number: str = "",
    bl_number: str = "",
    etd: datetime | None = None,
    eta: datetime | None = None,
    destination_warehouse: Warehouse | None = None,
    orders: Iterable[Any] = (),
    notes: str = "",
) -> Shipment:
    if mode not in ShipmentMode.values:
        raise ShipmentInvalid(params={"reason": f"unknown mode {mode!r}"}, field="mode")
    _party(buyer, "buyer")
    for party, field in (
        (consignee, "consignee"),
        (notify_party, "notify_party"),
        (forwarder, "forwarder"),
    ):
        _party(party, field)
    sea = mode in SEA_MODES
    start = selectors.resolve_location(origin, field="origin", seaport=sea)
    end = selectors.resolve_location(destination, field="destination", seaport=sea)
    if start.unlocode == end.unlocode:
        raise ShipmentInvalid(
            params={"reason": "origin and destination are the same"}, field="destination"
        )
    if etd and eta and eta < etd:
        raise ShipmentInvalid(params={"reason": "the ETA is before the ETD"}, field="eta")
    route = sea_route(start, end) if mode in SEA_MODES else Route(None, None)
    if eta is None and etd is not None and route.transit_days is not None:
        eta = etd + timedelta(days=float(route.transit_days))
    shipment = Shipment(
        number=_next_number(),
        mode=mode,
        buyer=buyer,
        consignee=consignee,
        notify_party=notify_party,
        forwarder=forwarder,
        buyer_organization=buyer.linked_organization,
        carrier=carrier.strip()[:120],
        booking_number=booking_number.strip()[:40],
        bl_number=bl_number.strip()[:40],
        origin=start.unlocode,
        origin_name=start.name,
        destination=end.unlocode,
        destination_name=end.name,
        distance_km=route.distance_km,
        transit_days=route.transit_days,
        etd=etd,
        eta=eta,
        destination_warehouse=destination_warehouse,
        notes=notes[:4000],
        created_by=actor,
    )
    try:
        with transaction.atomic():
            shipment.save()
    except IntegrityError:
        raise Conflict(gettext_noop("Another shipment took this number; try again.")) from None
    for order in orders:
        shipment_add_order(actor=actor, shipment=shipment, order=order)
    audit_record(actor=actor, action="shipment.created", obj=shipment)
    return shipment


@transaction.atomic
def shipment_add_order(*, actor: User | None, shipment: Shipment, order: Any) -> list[ShipmentLine]:
    """Carry a sales order's lines (and their cartons) in the shipment."""
    if shipment.state not in (S.DRAFT, S.BOOKED):
        raise IllegalTransition(
            gettext_noop("Lines can be added while the shipment is a draft or booked."),
            params={"current": shipment.state, "target": shipment.state},
        )
    if order.organization_id != shipment.organization_id or order.buyer_id != shipment.buyer_id:
        raise ShipmentInvalid(params={"reason": "the order is not this buyer's"}, field="order")
    shipment.orders.add(order)
    lines = []
    for line in selectors.order_lines(order):
        quantity = math.ceil(line.quantity)
        per = max(line.units_per_carton, 1)
        lines.append(
            ShipmentLine.objects.create(
                organization_id=shipment.organization_id,
                shipment=shipment,
                order=order,
                order_line=line,
                sku=line.sku,
                sku_code=line.sku_code or (line.sku.code if line.sku else ""),
                description=_text(line.description),
                quantity=quantity,
                cartons=math.ceil(quantity / per),
            )
        )
    audit_record(
        actor=actor, action="shipment.order_added", obj=shipment, after={"order": order.pk}
    )
    return lines


def _text(description: Any) -> str:
    if isinstance(description, dict):
        return str(description.get("en") or next(iter(description.values()), ""))[:300]
    return str(description or "")[:300]


@transaction.atomic
def shipment_book(
    *, actor: User | None, shipment: Shipment, booking_number: str, carrier: str = ""
) -> Shipment:
    shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
    _check_move(shipment, S.BOOKED)
    if not booking_number.strip():
        raise ShipmentInvalid(
            params={"reason": "a booking needs its number"}, field="booking_number"
        )
    shipment.booking_number = booking_number.strip()[:40]
    if carrier.strip():
        shipment.carrier = carrier.strip()[:120]
    shipment.state = S.BOOKED
    shipment.save()
    audit_record(actor=actor, action="shipment.booked", obj=shipment)
    return shipment


@transaction.atomic
def shipment_release(*, actor: User | None, shipment: Shipment) -> Shipment:
    """Release the cargo for loading: only once every party passes restricted-party screening."""
    from seaward.compliance.services import screening_gate
    from seaward.logistics import warehousing

    shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
    _check_move(shipment, S.RELEASED)
    screening_gate(parties=[shipment.buyer, shipment.consignee, shipment.notify_party])
    shipment.state = S.RELEASED
    shipment.released_at = timezone.now()
    shipment.save()
    if shipment.destination_warehouse_id:
        warehousing.shipment_dispatch(actor=actor, shipment=shipment)
    audit_record(actor=actor, action="shipment.released", obj=shipment)
    return shipment


@transaction.atomic
def shipment_cancel(*, actor: User | None, shipment: Shipment) -> Shipment:
    shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
    _check_move(shipment, S.CANCELLED)
    shipment.state = S.CANCELLED
    shipment.save()
    audit_record(actor=actor, action="shipment.cancelled", obj=shipment)
    return shipment


@transaction.atomic
def container_add(
    *,
    actor: User | None,
    shipment: Shipment,
    container_type: str,
    number: str = "",
    seal_numbers: str = "",
    plan: LoadPlan | None = None,
    plan_index: int = 0,
) -> ShipmentContainer:
    from seaward.reference import selectors as reference

    if shipment.state in (S.DELIVERED, S.CANCELLED):
        raise IllegalTransition(params={"current": shipment.state, "target": shipment.state})
    kind = reference.container_type(container_type)
    normalized = validate_container_number(number) if number.strip() else ""
    if (
        normalized
        and ShipmentContainer.objects.filter(shipment=shipment, number=normalized).exists()
    ):
        raise ShipmentInvalid(
            params={"reason": f"container {normalized} is already on it"}, field="container_number"
        )
    container = ShipmentContainer.objects.create(
        organization_id=shipment.organization_id,
        shipment=shipment,
        container_type=kind.code,
        number=normalized,
        seal_numbers=" ".join(seal_numbers.split())[:200],
        plan=plan,
        plan_index=plan_index,
    )
    audit_record(
        actor=actor,
        action="shipment.container_added",
        obj=shipment,
        after={"container": normalized, "type": kind.code},
    )
    return container


# --- milestones -------------------------------------------------------------------------------
def _apply_effect(shipment: Shipment, event: ShipmentEvent) -> None:
    effect = milestones.effect_of(
        milestones.EventInput(
            event_type=event.event_type,
            classifier=event.classifier,
            code=event.code,
            date_time=event.date_time,
            location=event.location,
            empty_indicator=event.empty_indicator,
        ),
        origin=shipment.origin,
        destination=shipment.destination,
    )
    # Once the actual time is known, later plans or estimates no longer move it.
    actual = event.classifier == "ACT"
    if effect.eta is not None and (actual or shipment.arrived_at is None):
        shipment.eta = effect.eta
    if effect.etd is not None and (actual or shipment.departed_at is None):
        shipment.etd = effect.etd
    moves_forward = (
        effect.state is not None
        and shipment.state in PROGRESS
        and PROGRESS.index(S(effect.state)) > PROGRESS.index(S(shipment.state))
    )
    if moves_forward:
        shipment.state = str(effect.state)
    if event.classifier == "ACT":
        if event.code == "DEPA" and shipment.departed_at is None and effect.etd is not None:
            shipment.departed_at = event.date_time
        if event.code == "ARRI" and effect.eta is not None:
            shipment.arrived_at = event.date_time
    shipment.save()


def _checked(shipment: Shipment, raw: milestones.EventInput) -> milestones.EventInput:
    event = milestones.clean_event(raw)
    if shipment.state == S.CANCELLED:
        raise IllegalTransition(
            gettext_noop("Shipment %(number)s is cancelled: it takes no more events."),
            params={"number": shipment.number},
        )
    location = event.location
    if location:
        location = selectors.resolve_location(location, field="location").unlocode
    container = validate_container_number(event.container) if event.container else ""
    return milestones.EventInput(**{**event.__dict__, "location": location, "container": container})


def _store(
    shipment: Shipment, event: milestones.EventInput, actor: User | None, source: str
) -> ShipmentEvent:
    stored = ShipmentEvent.objects.create(
        organization_id=shipment.organization_id,
        shipment=shipment,
        event_type=event.event_type,
        classifier=event.classifier,
        code=event.code,
        date_time=event.date_time,
        location=event.location,
        container=event.container,
        empty_indicator=event.empty_indicator,
        vessel=event.vessel,
        voyage=event.voyage,
        description=event.description,
        source=source,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    _apply_effect(shipment, stored)
    return stored


@transaction.atomic
def event_record(
    *,
    actor: User | None,
    shipment: Shipment,
    event: milestones.EventInput,
    source: str = ShipmentEvent.Source.MANUAL,
) -> ShipmentEvent:
    """Record one milestone; an estimated arrival updates the ETA, actual ones the state."""
    shipment = Shipment.objects.select_for_update().get(pk=shipment.pk)
    checked = _checked(shipment, event)
    stored = _store(shipment, checked, actor, source)
    audit_record(
        actor=actor,
        action="shipment.event",
        obj=shipment,
        after={"event": f"{checked.classifier} {checked.code}", "source": source},
    )
    return stored


def event_post(*, actor: User | None, event: milestones.EventInput) -> ShipmentEvent:
    """A forwarder's event naming the shipment by number, booking, B/L or container number."""
    shipment = selectors.shipment_by_reference(event.shipment or event.container)
    return event_record(
        actor=actor, shipment=shipment, event=event, source=ShipmentEvent.Source.API
    )


@transaction.atomic
def events_import(*, actor: User | None, text: str) -> list[ShipmentEvent]:
    """Import a CSV of events: every row is checked first; any error and nothing is written."""
    parsed = milestones.parse_csv(text)
    errors = list(parsed.errors)
    ready: list[tuple[Shipment, milestones.EventInput]] = []
    for row, raw in parsed.events:
        try:
            shipment = selectors.shipment_by_reference(raw.shipment)
            ready.append((shipment, _checked(shipment, raw)))
        except (InvalidInput, Conflict, selectors.ShipmentNotFound) as error:
            errors.append({"row": row, "message": error.message, "field": error.field})
    if not errors and not ready:
        errors.append({"row": 1, "message": "the file has no events"})
    if errors:
        errors.sort(key=lambda e: int(str(e["row"])))
        raise milestones.InvalidEventFile(
            params={"count": len({e["row"] for e in errors})}, details={"errors": errors}
        )
    stored = []
    for shipment, event in ready:
        fresh = Shipment.objects.select_for_update().get(pk=shipment.pk)
        stored.append(_store(fresh, event, actor, ShipmentEvent.Source.CSV))
    audit_record(
        actor=actor,
        action="shipment.events_imported",
        object_type="logistics.shipmentevent",
        object_repr=f"{len(stored)} events",
    )
    return stored


# Loading plans are written by their own module; re-exported for callers of this one.
from seaward.logistics.plan_services import (  # noqa: E402,F401
    CartonInput,
    cartons_of_order,
    plan_as_json,
    plan_create,
)
