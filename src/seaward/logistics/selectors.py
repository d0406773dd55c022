"""Reads of the logistics context (and the seams it reads from sales and reference)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from seaward.core.errors import NotFound, gettext_noop
from seaward.core.tenancy import require_organization
from seaward.logistics import replenishment
from seaward.logistics.models import (
    LoadPlan,
    Shipment,
    ShipmentEvent,
    ShipmentState,
    StockLevel,
    StockMovement,
    Warehouse,
)


class ShipmentNotFound(NotFound):
    code = "shipment_not_found"
    default_message = gettext_noop("No shipment of yours has the reference %(reference)s.")


# --- seams: reference and sales --------------------------------------------------------------
def resolve_location(code: str, *, field: str, seaport: bool = False) -> Any:
    """The reference Location of a UN/LOCODE or a carrier's alias code (CNSHA …).

    With ``seaport`` an exact code that is not a sea port gives way to the sea port the code
    is an alias of: carriers write CNNGB (officially Ningbo's airport) for the port of Ningbo.
    """
    from seaward.reference import selectors as reference
    from seaward.reference.errors import ReferenceNotFound

    text = code.strip().upper().replace(" ", "")[:12]
    exact = None
    with contextlib.suppress(ReferenceNotFound):
        exact = reference.location(text)
    if exact is not None and (exact.is_seaport or not seaport):
        return exact
    for found in reference.location_search(text, limit=5, seaports_only=seaport):
        if any(a.alias.upper() == text for a in found.aliases.all()):
            return found
    if exact is not None:
        return exact
    raise ReferenceNotFound(params={"kind": "UN/LOCODE", "code": code}, field=field)


def orders_to_ship() -> QuerySet[Any]:
    from seaward.sales import selectors as sales

    return sales.orders_sold().exclude(state__in=["draft", "cancelled", "closed"])


def order_lines(order: Any) -> list[Any]:
    """The lines of a sales order (its accepted quotation's lines), with carton data."""
    from seaward.sales.models import QuotationLine

    return list(
        QuotationLine.objects.filter(quotation_id=order.quotation_id)
        .select_related("sku")
        .order_by("position", "pk")
    )


# --- shipments ------------------------------------------------------------------------------
def shipments_owned(*, state: str = "", search: str = "") -> QuerySet[Shipment]:
    shipments = Shipment.objects.owned().select_related("buyer")
    if state:
        shipments = shipments.filter(state=state)
    if search:
        shipments = shipments.filter(
            Q(number__icontains=search)
            | Q(booking_number__icontains=search)
            | Q(bl_number__icontains=search)
            | Q(buyer__name__icontains=search)
        )
    return shipments


def shipments_followed() -> QuerySet[Shipment]:
    """Shipments another organization shares with the active one (the buyer portal)."""
    return (
        Shipment.objects.filter(buyer_organization=require_organization())
        .exclude(state__in=[ShipmentState.DRAFT, ShipmentState.CANCELLED])
        .select_related("organization")
    )


def shipment_by_reference(reference: str) -> Shipment:
    """The active organization's shipment named by its number, booking, B/L or container."""
    text = reference.strip()[:60]
    if text:
        found = (
            Shipment.objects.owned()
            .filter(
                Q(number__iexact=text)
                | Q(booking_number__iexact=text)
                | Q(bl_number__iexact=text)
                | Q(containers__number__iexact=text.replace(" ", ""))
            )
            .distinct()
            .first()
        )
        if found is not None:
            return found
    raise ShipmentNotFound(params={"reference": text or "—"}, field="shipment")


def events_of(shipment: Shipment) -> QuerySet[ShipmentEvent]:
    return ShipmentEvent.objects.filter(shipment=shipment).order_by("date_time", "pk")


@dataclass(frozen=True)
class TimelineStep:
    event_type: str
    code: str
    empty_indicator: str
    label: str
    actual: ShipmentEvent | None
    latest: ShipmentEvent | None


def timeline(shipment: Shipment) -> list[TimelineStep]:
    """The typical FCL path with, per step, its actual event and its latest plan/estimate."""
    from seaward.logistics import milestones

    events = list(events_of(shipment))
    steps = []
    for event_type, code, empty in milestones.TYPICAL_PATH:
        matching = [
            e
            for e in events
            if e.event_type == event_type
            and e.code == code
            and (not empty or e.empty_indicator == empty)
        ]
        actual = next((e for e in reversed(matching) if e.classifier == "ACT"), None)
        latest = matching[-1] if matching else None
        steps.append(
            TimelineStep(
                event_type, code, empty, milestones.label(event_type, code), actual, latest
            )
        )
    return steps


# --- plans ----------------------------------------------------------------------------------
def plans() -> QuerySet[LoadPlan]:
    return LoadPlan.objects.owned()


# --- warehouses -----------------------------------------------------------------------------
def warehouses() -> QuerySet[Warehouse]:
    return Warehouse.objects.owned()


def stock_of(warehouse: Warehouse) -> QuerySet[StockLevel]:
    return StockLevel.objects.filter(warehouse=warehouse).select_related("sku__product")


def movements_of(warehouse: Warehouse) -> QuerySet[StockMovement]:
    return StockMovement.objects.filter(warehouse=warehouse).select_related("sku", "shipment")


def ledger_total(warehouse: Warehouse, sku_id: int) -> int:
    """On hand as the sum of the ledger's movements (what the stock row must equal)."""
    total = StockMovement.objects.filter(warehouse=warehouse, sku_id=sku_id).aggregate(
        total=Sum("on_hand_delta")
    )["total"]
    return int(total or 0)


def lead_times(warehouse: Warehouse) -> list[float]:
    """Door-to-door days of past shipments received into the warehouse."""
    out = []
    for shipment in Shipment.objects.owned().filter(
        destination_warehouse=warehouse, received_at__isnull=False
    ):
        start = shipment.departed_at or shipment.etd or shipment.released_at
        if start is not None and shipment.received_at is not None:
            out.append((shipment.received_at - start).total_seconds() / 86400)
    return out


@dataclass(frozen=True)
class Replenishment:
    suggestions: list[replenishment.Suggestion]
    next_container: replenishment.NextContainer
    lead_time_days: float
    lead_time_from_history: bool
    container_type: str


def _m3(sku: Any) -> float:
    return float(sku.carton_length_cm * sku.carton_width_cm * sku.carton_height_cm / Decimal(10**6))


def replenishment_for(
    warehouse: Warehouse, *, today: date | None = None, container_type: str = "40HC"
) -> Replenishment:
    from seaward.logistics.containers import container_type as planner_container

    today = today or timezone.localdate()
    levels = list(stock_of(warehouse))
    stock = [
        replenishment.SkuStock(
            sku=level.sku.code,
            on_hand=level.on_hand,
            reserved=level.reserved,
            in_transit=level.in_transit,
            units_per_carton=level.sku.units_per_carton,
            carton_m3=_m3(level.sku),
            carton_kg=float(level.sku.carton_gross_kg),
        )
        for level in levels
    ]
    since = timezone.now() - timedelta(days=replenishment.DEFAULT_WINDOW_DAYS + 1)
    outbound = [
        replenishment.Outbound(m.sku.code, timezone.localdate(m.created_at), m.quantity)
        for m in StockMovement.objects.filter(
            warehouse=warehouse, kind=StockMovement.Kind.OUTBOUND, created_at__gte=since
        ).select_related("sku")
    ]
    history = lead_times(warehouse)
    lead = replenishment.lead_time_days(history)
    suggestions = replenishment.suggest(stock, outbound, today=today, lead_time=lead)
    box = planner_container(container_type)
    fill = replenishment.next_container(
        suggestions,
        stock,
        volume_m3=float(box.inner_volume_m3),
        payload_kg=float(box.max_payload_kg),
    )
    return Replenishment(suggestions, fill, lead, bool(history), container_type)


@dataclass(frozen=True)
class ContainerCartons:
    """One container of an order's latest loading plan and the carton numbers it holds."""

    index: int
    container_type: str
    container_number: str
    seal_numbers: str
    ranges: list[dict[str, Any]]


def carton_ranges_for_order(order: Any) -> list[ContainerCartons]:
    """For the sales packing list: per container, the carton ranges per carton type (SKU).

    From the order's latest loading plan; container and seal numbers from the shipment that
    took that plan's containers, when there is one.
    """
    plan = LoadPlan.objects.owned().filter(order=order).order_by("-created_at", "-pk").first()
    if plan is None:
        return []
    from seaward.logistics.models import ShipmentContainer

    boxes = {
        c.plan_index: c
        for c in ShipmentContainer.objects.owned()
        .filter(plan=plan)
        .exclude(shipment__state=ShipmentState.CANCELLED)
    }
    out = []
    for index, box in enumerate(plan.result.get("containers", [])):
        shipped = boxes.get(index)
        out.append(
            ContainerCartons(
                index=index,
                container_type=box.get("code", ""),
                container_number=shipped.number if shipped else "",
                seal_numbers=shipped.seal_numbers if shipped else "",
                ranges=list(box.get("ranges", [])),
            )
        )
    return out
