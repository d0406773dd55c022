"""Writes of container loading plans: cartons of an order, planning, stored plans."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from seaward.core.errors import InvalidInput, gettext_noop
from seaward.logistics import selectors
from seaward.logistics.loading import (
    ALL_ORIENTATIONS,
    THIS_SIDE_UP,
    CartonType,
    ContainerOption,
    LoadingPlan,
    plan_shipment,
)
from seaward.logistics.models import (
    LoadPlan,
    ShipmentMode,
    ShipmentState,
)
from seaward.organizations.audit import audit_record
from seaward.organizations.models import User

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


@dataclass(frozen=True)
class CartonInput:
    ref: str
    length_cm: Decimal
    width_cm: Decimal
    height_cm: Decimal
    weight_kg: Decimal
    quantity: int
    this_side_up: bool = False
    stackable: bool = True
    max_load_on_top_kg: Decimal | None = None


def cartons_of_order(order: Any) -> list[CartonInput]:
    """The order's cartons, one type per line with carton data (this side up by default)."""
    out = []
    for line in selectors.order_lines(order):
        dims = (line.carton_length_cm, line.carton_width_cm, line.carton_height_cm)
        if not all(d and d > 0 for d in dims) or line.quantity <= 0:
            continue
        per = max(line.units_per_carton, 1)
        out.append(
            CartonInput(
                ref=(line.sku_code or (line.sku.code if line.sku else f"L{line.position}"))[:40],
                length_cm=dims[0],
                width_cm=dims[1],
                height_cm=dims[2],
                weight_kg=line.carton_gross_kg or Decimal("0.1"),
                quantity=math.ceil(line.quantity / per),
                this_side_up=True,
            )
        )
    return out


def _carton_types(cartons: Sequence[CartonInput]) -> list[CartonType]:
    if not cartons:
        raise InvalidInput(gettext_noop("Give at least one carton type."), field="cartons")
    if len(cartons) > MAX_CARTON_TYPES or sum(c.quantity for c in cartons) > MAX_CARTONS:
        raise InvalidInput(
            gettext_noop("At most %(types)s carton types and %(cartons)s cartons per plan."),
            params={"types": MAX_CARTON_TYPES, "cartons": MAX_CARTONS},
            field="cartons",
        )
    return [
        CartonType(
            ref=c.ref.strip()[:40] or f"C{i + 1}",
            length_cm=c.length_cm,
            width_cm=c.width_cm,
            height_cm=c.height_cm,
            weight_kg=c.weight_kg,
            quantity=c.quantity,
            orientations=THIS_SIDE_UP if c.this_side_up else ALL_ORIENTATIONS,
            stackable=c.stackable,
            max_load_on_top_kg=c.max_load_on_top_kg,
        )
        for i, c in enumerate(cartons)
    ]


def _f(value: Decimal) -> float:
    return float(round(value, 2))


def plan_as_json(plan: LoadingPlan, cartons: Sequence[CartonType]) -> dict[str, Any]:
    """The plan as stored and as the 3-D view reads it (cm, kg, loading order)."""
    return {
        "cartons": [
            {
                "ref": c.ref,
                "l": _f(c.length_cm),
                "w": _f(c.width_cm),
                "h": _f(c.height_cm),
                "kg": _f(c.weight_kg),
                "quantity": c.quantity,
            }
            for c in cartons
        ],
        "containers": [
            {
                "code": p.container.code,
                "name": p.container.name,
                "inner": {
                    "l": _f(p.container.inner_length_cm),
                    "w": _f(p.container.inner_width_cm),
                    "h": _f(p.container.inner_height_cm),
                },
                "payload_kg": _f(p.container.max_payload_kg),
                "weight_kg": _f(p.weight_kg),
                "volume_utilization": round(p.volume_utilization, 4),
                "weight_utilization": round(p.weight_utilization, 4),
                "loaded": list(p.loaded),
                "ranges": [
                    {"carton": r.carton, "ref": r.ref, "first": r.first, "last": r.last}
                    for r in p.carton_ranges
                ],
                "placements": [
                    {
                        "seq": b.sequence,
                        "carton": b.carton,
                        "o": b.orientation,
                        "x": _f(b.x_cm),
                        "y": _f(b.y_cm),
                        "z": _f(b.z_cm),
                        "dx": _f(b.dx_cm),
                        "dy": _f(b.dy_cm),
                        "dz": _f(b.dz_cm),
                    }
                    for b in p.placements
                ],
            }
            for p in plan.containers
        ],
        "unplaced": list(plan.unplaced),
        "total_cost": _f(plan.total_cost) if plan.total_cost is not None else None,
    }


@transaction.atomic
def plan_create(
    *,
    actor: User | None,
    name: str,
    cartons: Sequence[CartonInput],
    container_types: Sequence[str],
    order: Any = None,
    time_limit: float = 1.0,
) -> LoadPlan:
    """Plan the cartons into the cheapest mix of the container types offered; store it."""
    from seaward.logistics.containers import container_type

    codes = list(dict.fromkeys(code.strip().upper() for code in container_types if code.strip()))
    if not codes:
        raise InvalidInput(gettext_noop("Choose at least one container type."), field="containers")
    options = [
        ContainerOption(container_type(code), CONTAINER_COSTS.get(code, Decimal(3000)))
        for code in codes
    ]
    types = _carton_types(cartons)
    plan = plan_shipment(types, options, time_limit=time_limit)
    result = plan_as_json(plan, types)
    total_volume = sum(float(p.container.inner_volume_m3) for p in plan.containers) or 1.0
    used = sum(float(p.container.inner_volume_m3) * p.volume_utilization for p in plan.containers)
    stored = LoadPlan.objects.create(
        name=name.strip()[:120] or (f"{order.number}" if order is not None else "Plan"),
        order=order,
        container_choice=codes,
        cartons=result["cartons"],
        result=result,
        container_count=len(plan.containers),
        volume_utilization=round(used / total_volume, 4),
        created_by=actor,
    )
    audit_record(actor=actor, action="loadplan.created", obj=stored)
    return stored
