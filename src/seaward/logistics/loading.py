"""Container loading plans for an exporter's cartons (pure, no Django).

Input: carton types (length × width × height in cm, weight in kg, quantity, allowed
orientations, stackable, max load on top) and one container type or a choice of several with a
cost each. Output: frozen plans — every carton placed inside a container, no overlaps, allowed
orientations only, each carton's whole base on the floor or on cartons (ADR 0017), weight
within the payload, loads on top within each carton's limit — with the utilisation by volume
and weight, the placements in loading order, and for a choice of types the cheapest mix found
that holds every carton.

Axes: x runs along the container from the front wall (x = 0) to the door, y across, z up.
An orientation key such as "yxz" names which of the carton's own dimensions (x = length,
y = width, z = height) lies along the container's x, y and z.
"""

from __future__ import annotations

import heapq
import itertools
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import numpy as np

from seaward.logistics.blocks import Cargo, PackedBox, Planner
from seaward.logistics.containers import ContainerType
from seaward.logistics.errors import CartonTooHeavy, CartonTooLarge, InvalidLoadingInput

ALL_ORIENTATIONS: frozenset[str] = frozenset({"xyz", "yxz", "zyx", "xzy", "zxy", "yzx"})
THIS_SIDE_UP: frozenset[str] = frozenset({"xyz", "yxz"})
_AXIS = {"x": 0, "y": 1, "z": 2}
_MM = Decimal(10)  # the planner works in whole millimetres
MAX_MIX_CONTAINERS = 40
MAX_MIXES_TRIED = 12


@dataclass(frozen=True)
class CartonType:
    """One kind of carton in the order, `quantity` of them."""

    ref: str
    length_cm: Decimal
    width_cm: Decimal
    height_cm: Decimal
    weight_kg: Decimal
    quantity: int
    orientations: frozenset[str] = ALL_ORIENTATIONS
    stackable: bool = True
    max_load_on_top_kg: Decimal | None = None

    @property
    def volume_m3(self) -> Decimal:
        return self.length_cm * self.width_cm * self.height_cm / Decimal(1_000_000)


@dataclass(frozen=True)
class ContainerOption:
    """A container type offered for a shipment, at a cost per container."""

    container: ContainerType
    cost: Decimal


@dataclass(frozen=True)
class PlacedCarton:
    """One carton in the container: its loading step, position and placed size (cm)."""

    sequence: int
    carton: int  # index into the carton types
    ref: str
    orientation: str
    x_cm: Decimal
    y_cm: Decimal
    z_cm: Decimal
    dx_cm: Decimal
    dy_cm: Decimal
    dz_cm: Decimal


@dataclass(frozen=True)
class CartonRange:
    """Cartons `first`..`last` (numbered per carton type from 1) are in this container."""

    carton: int
    ref: str
    first: int
    last: int


@dataclass(frozen=True)
class ContainerPlan:
    """One container's load, placements in loading order."""

    container: ContainerType
    placements: tuple[PlacedCarton, ...]
    loaded: tuple[int, ...]  # cartons of each type in this container
    volume_m3: Decimal
    weight_kg: Decimal
    volume_utilization: float
    weight_utilization: float
    carton_ranges: tuple[CartonRange, ...] = ()


@dataclass(frozen=True)
class LoadingPlan:
    """Containers with their loads; `unplaced` counts cartons of each type left over."""

    containers: tuple[ContainerPlan, ...]
    unplaced: tuple[int, ...]
    total_cost: Decimal | None = None

    @property
    def complete(self) -> bool:
        return not any(self.unplaced)


def _mm_up(cm: Decimal) -> int:
    return int((cm * _MM).to_integral_value(rounding=ROUND_CEILING))


def _mm_down(cm: Decimal) -> int:
    return int((cm * _MM).to_integral_value(rounding=ROUND_FLOOR))


def _check_cartons(cartons: Sequence[CartonType]) -> None:
    if not cartons:
        raise InvalidLoadingInput("There are no cartons to load.", field="cartons")
    for carton in cartons:
        for name in ("length_cm", "width_cm", "height_cm"):
            if getattr(carton, name) <= 0:
                raise InvalidLoadingInput(
                    f"Carton {carton.ref}: {name} must be positive.", field=name
                )
        if carton.weight_kg < 0 or carton.quantity < 0:
            raise InvalidLoadingInput(
                f"Carton {carton.ref}: weight and quantity cannot be negative.", field="quantity"
            )
        if not carton.orientations or not carton.orientations <= ALL_ORIENTATIONS:
            raise InvalidLoadingInput(
                f"Carton {carton.ref}: orientations must be keys among {sorted(ALL_ORIENTATIONS)}.",
                field="orientations",
            )
        if carton.max_load_on_top_kg is not None and carton.max_load_on_top_kg < 0:
            raise InvalidLoadingInput(
                f"Carton {carton.ref}: max load on top cannot be negative.", field="max_load"
            )


def _placed_dims(carton: CartonType, container: ContainerType) -> dict[tuple[int, int, int], str]:
    """Placed sizes (mm) the carton may take in this container, door opening included."""
    own = (_mm_up(carton.length_cm), _mm_up(carton.width_cm), _mm_up(carton.height_cm))
    inner = (
        _mm_down(container.inner_length_cm),
        _mm_down(container.inner_width_cm),
        _mm_down(container.inner_height_cm),
    )
    door = (_mm_down(container.door_width_cm), _mm_down(container.door_height_cm))
    out: dict[tuple[int, int, int], str] = {}
    for key in sorted(carton.orientations):
        dims = (own[_AXIS[key[0]]], own[_AXIS[key[1]]], own[_AXIS[key[2]]])
        fits = all(d <= c for d, c in zip(dims, inner, strict=True))
        # Cartons go in through the door one by one, moving along x.
        if fits and dims[1] <= door[0] and dims[2] <= door[1]:
            out.setdefault(dims, key)
    return out


def _cargo(carton: CartonType, dims: dict[tuple[int, int, int], str], quantity: int) -> Cargo:
    max_load = math.inf
    if carton.max_load_on_top_kg is not None:
        max_load = float(carton.max_load_on_top_kg)
    return Cargo(
        orientations=tuple(dims),
        quantity=quantity,
        weight=float(carton.weight_kg),
        stackable=carton.stackable,
        max_load=max_load,
    )


def _pack(
    cartons: Sequence[CartonType],
    container: ContainerType,
    quantities: Sequence[int],
    time_limit: float,
) -> ContainerPlan:
    orient = [_placed_dims(c, container) for c in cartons]
    cargos = tuple(
        _cargo(c, o, q if o else 0) for c, o, q in zip(cartons, orient, quantities, strict=True)
    )
    inner = (
        _mm_down(container.inner_length_cm),
        _mm_down(container.inner_width_cm),
        _mm_down(container.inner_height_cm),
    )
    # A hair below the payload so float sums never pass it; checked again in Decimal below.
    payload = float(container.max_payload_kg) * (1 - 1e-9)
    started = time.monotonic()
    planner = Planner(inner, cargos, max_payload=payload)
    spent = time.monotonic() - started
    boxes = loading_order(planner.solve(time_limit=max(0.0, time_limit - spent)))
    loaded = [0] * len(cartons)
    placements = []
    for seq, b in enumerate(boxes, start=1):
        loaded[b.kind] += 1
        placements.append(
            PlacedCarton(
                sequence=seq,
                carton=b.kind,
                ref=cartons[b.kind].ref,
                orientation=orient[b.kind][(b.dx, b.dy, b.dz)],
                x_cm=Decimal(b.x) / _MM,
                y_cm=Decimal(b.y) / _MM,
                z_cm=Decimal(b.z) / _MM,
                dx_cm=Decimal(b.dx) / _MM,
                dy_cm=Decimal(b.dy) / _MM,
                dz_cm=Decimal(b.dz) / _MM,
            )
        )
    weight = sum((n * c.weight_kg for n, c in zip(loaded, cartons, strict=True)), Decimal(0))
    if weight > container.max_payload_kg:
        raise RuntimeError("the planner exceeded the container's payload")
    volume = sum((n * c.volume_m3 for n, c in zip(loaded, cartons, strict=True)), Decimal(0))
    used = sum(b.dx * b.dy * b.dz for b in boxes)
    return ContainerPlan(
        container=container,
        placements=tuple(placements),
        loaded=tuple(loaded),
        volume_m3=volume,
        weight_kg=weight,
        volume_utilization=round(used / math.prod(inner), 4),
        weight_utilization=round(float(weight / container.max_payload_kg), 4),
    )


def loading_order(boxes: Sequence[PackedBox]) -> list[PackedBox]:
    """The boxes in an order they can be loaded: every box after the boxes it rests on,
    and otherwise from the front wall towards the door, bottom to top."""
    n = len(boxes)
    if n == 0:
        return []
    arr = np.array([(b.x, b.y, b.z, b.x + b.dx, b.y + b.dy, b.z + b.dz) for b in boxes])
    by_top: dict[int, list[int]] = {}
    for i, b in enumerate(boxes):
        by_top.setdefault(b.z + b.dz, []).append(i)
    level = {top: np.array(ids) for top, ids in by_top.items()}
    below: list[int] = [0] * n
    above: list[list[int]] = [[] for _ in range(n)]
    for i, b in enumerate(boxes):
        if b.z == 0 or b.z not in level:
            continue
        ids = level[b.z]
        cand = arr[ids]
        under = ids[
            (cand[:, 0] < b.x + b.dx)
            & (cand[:, 3] > b.x)
            & (cand[:, 1] < b.y + b.dy)
            & (cand[:, 4] > b.y)
        ]
        below[i] = len(under)
        for j in under.tolist():
            above[j].append(i)
    ready = [(boxes[i].x, boxes[i].z, boxes[i].y, i) for i in range(n) if below[i] == 0]
    heapq.heapify(ready)
    out: list[PackedBox] = []
    while ready:
        *_, i = heapq.heappop(ready)
        out.append(boxes[i])
        for k in above[i]:
            below[k] -= 1
            if below[k] == 0:
                heapq.heappush(ready, (boxes[k].x, boxes[k].z, boxes[k].y, k))
    return out


def plan_container(
    cartons: Sequence[CartonType],
    container: ContainerType,
    *,
    time_limit: float = 2.0,
) -> LoadingPlan:
    """Load as much of the cartons as fits into one container; the rest is `unplaced`."""
    _check_cartons(cartons)
    _check_fit(cartons, [container])
    plan = _pack(cartons, container, [c.quantity for c in cartons], time_limit)
    plan = _with_ranges([plan], cartons)[0]
    unplaced = tuple(c.quantity - n for c, n in zip(cartons, plan.loaded, strict=True))
    return LoadingPlan(containers=(plan,), unplaced=unplaced)


def _check_fit(cartons: Sequence[CartonType], containers: Sequence[ContainerType]) -> None:
    names = ", ".join(c.code for c in containers)
    for carton in cartons:
        if carton.quantity == 0:
            continue
        if not any(_placed_dims(carton, c) for c in containers):
            raise CartonTooLarge(
                params={
                    "carton": carton.ref,
                    "size": f"{carton.length_cm} × {carton.width_cm} × {carton.height_cm} cm",
                    "containers": names,
                },
                field="cartons",
                details={"carton": carton.ref},
            )
        if all(carton.weight_kg > c.max_payload_kg for c in containers):
            raise CartonTooHeavy(
                params={"carton": carton.ref, "weight": carton.weight_kg},
                field="cartons",
                details={"carton": carton.ref},
            )


def _with_ranges(
    plans: Sequence[ContainerPlan], cartons: Sequence[CartonType]
) -> list[ContainerPlan]:
    """Number each carton type's cartons 1.. across the containers, in container order."""
    next_no = [1] * len(cartons)
    out = []
    for plan in plans:
        ranges = []
        for k, n in enumerate(plan.loaded):
            if n:
                ranges.append(CartonRange(k, cartons[k].ref, next_no[k], next_no[k] + n - 1))
                next_no[k] += n
        out.append(replace(plan, carton_ranges=tuple(ranges)))
    return out


def _mixes(
    options: Sequence[ContainerOption], cartons: Sequence[CartonType]
) -> list[tuple[Decimal, int, tuple[int, ...]]]:
    """Container counts per option that could hold the cartons by volume and weight, by cost."""
    need_m3 = sum((c.volume_m3 * c.quantity for c in cartons), Decimal(0))
    need_kg = sum((c.weight_kg * c.quantity for c in cartons), Decimal(0))
    per_type = [
        max(
            math.ceil(need_m3 / o.container.inner_volume_m3),
            math.ceil(need_kg / o.container.max_payload_kg),
        )
        + 1
        for o in options
    ]
    mixes = []
    for counts in itertools.product(*(range(min(n, MAX_MIX_CONTAINERS) + 1) for n in per_type)):
        if not any(counts) or sum(counts) > MAX_MIX_CONTAINERS:
            continue
        m3 = sum(n * o.container.inner_volume_m3 for n, o in zip(counts, options, strict=True))
        kg = sum(n * o.container.max_payload_kg for n, o in zip(counts, options, strict=True))
        if m3 >= need_m3 and kg >= need_kg:
            cost = sum((n * o.cost for n, o in zip(counts, options, strict=True)), Decimal(0))
            mixes.append((cost, sum(counts), counts))
    mixes.sort(key=lambda m: (m[0], m[1]))
    return mixes


def plan_shipment(
    cartons: Sequence[CartonType],
    options: Sequence[ContainerOption],
    *,
    time_limit: float = 1.5,
) -> LoadingPlan:
    """The cheapest mix of the offered container types found that holds every carton.

    Mixes are tried by cost (those that cannot hold the cartons by volume or weight skipped);
    each is filled largest container first. If none of the first few mixes tried holds
    everything, containers are added one by one, each time the type that loads the most
    volume per cost, until every carton is loaded. `time_limit` is per container plan.
    """
    _check_cartons(cartons)
    if not options:
        raise InvalidLoadingInput("No container type is offered.", field="containers")
    if any(o.cost < 0 for o in options):
        raise InvalidLoadingInput("A container cost cannot be negative.", field="containers")
    _check_fit(cartons, [o.container for o in options])
    cache: dict[tuple[str, tuple[int, ...]], ContainerPlan] = {}

    def pack(option: ContainerOption, left: tuple[int, ...]) -> ContainerPlan:
        key = (option.container.code, left)
        if key not in cache:
            cache[key] = _pack(cartons, option.container, left, time_limit)
        return cache[key]

    quantities = tuple(c.quantity for c in cartons)
    for _cost, _n, counts in _mixes(options, cartons)[:MAX_MIXES_TRIED]:
        order = sorted(
            (o for o, n in zip(options, counts, strict=True) for _ in range(n)),
            key=lambda o: -o.container.inner_volume_m3,
        )
        left, plans = quantities, []
        for i, option in enumerate(order):
            plan = pack(option, left)
            plans.append(plan)
            left = tuple(q - n for q, n in zip(left, plan.loaded, strict=True))
            if not any(left) or not _may_hold(cartons, left, order[i + 1 :]):
                break
        if not any(left):
            return _finish(plans, cartons, options, left)
    return _fill_one_by_one(cartons, options, quantities, pack)


def _may_hold(
    cartons: Sequence[CartonType], left: tuple[int, ...], rest: Sequence[ContainerOption]
) -> bool:
    """Whether the containers still to fill have the volume and payload for what is left."""
    m3 = sum((c.volume_m3 * n for c, n in zip(cartons, left, strict=True)), Decimal(0))
    kg = sum((c.weight_kg * n for c, n in zip(cartons, left, strict=True)), Decimal(0))
    room = sum((o.container.inner_volume_m3 for o in rest), Decimal(0))
    payload = sum((o.container.max_payload_kg for o in rest), Decimal(0))
    return m3 <= room and kg <= payload


def _fill_one_by_one(
    cartons: Sequence[CartonType],
    options: Sequence[ContainerOption],
    quantities: tuple[int, ...],
    pack: Callable[[ContainerOption, tuple[int, ...]], ContainerPlan],
) -> LoadingPlan:
    left, plans = quantities, []
    while any(left):
        best = max(
            (pack(o, left) for o in options),
            key=lambda p: p.volume_m3 / max(_cost_of(p, options), Decimal("1e-9")),
        )
        if not any(best.loaded):
            break
        plans.append(best)
        left = tuple(q - n for q, n in zip(left, best.loaded, strict=True))
    return _finish(plans, cartons, options, left)


def _cost_of(plan: ContainerPlan, options: Sequence[ContainerOption]) -> Decimal:
    return next(o.cost for o in options if o.container.code == plan.container.code)


def _finish(
    plans: list[ContainerPlan],
    cartons: Sequence[CartonType],
    options: Sequence[ContainerOption],
    left: tuple[int, ...],
) -> LoadingPlan:
    total = sum((_cost_of(p, options) for p in plans), Decimal(0))
    return LoadingPlan(
        containers=tuple(_with_ranges(plans, cartons)), unplaced=left, total_cost=total
    )
