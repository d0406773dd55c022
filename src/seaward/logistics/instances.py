"""The packing instance format of the command-line contract (pure, no Django).

An instance (the format of the Bischoff & Ratcliff sets used to measure the planner) is a JSON
object with `large_object.measurement` {x, y, z} (z vertical) and `small_items`, each with
`measurement` {x, y, z}, `quantity` and `constraint.orientation`: flags keyed by a permutation
such as "yxz", naming which of the item's own dimensions lies along the container's x, y and z.
A missing orientation constraint allows every orientation.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation
from typing import Any

from seaward.logistics.blocks import Cargo, Planner
from seaward.logistics.errors import InvalidLoadingInput

ORIENTATION_KEYS = ("xyz", "yxz", "zyx", "xzy", "zxy", "yzx")
_AXIS = {"x": 0, "y": 1, "z": 2}
MAX_SCALE_DIGITS = 6
MAX_SCALED = 2_000_000


@dataclass(frozen=True)
class InstancePlan:
    """A plan for an instance, in the instance's own units."""

    placements: tuple[dict[str, float | int], ...]
    utilization: float
    exact: bool = True  # False when lengths had to be rounded to plan (ADR 0017)

    def as_json(self) -> dict[str, Any]:
        return {"placements": list(self.placements), "utilization": self.utilization}


def _number(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InvalidLoadingInput(f"{where} is not a number: {value!r}", field=where)
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise InvalidLoadingInput(f"{where} is not a number: {value!r}", field=where) from exc
    if not number.is_finite() or number <= 0:
        raise InvalidLoadingInput(f"{where} must be a positive number: {value!r}", field=where)
    return number


def _measure(obj: Any, where: str) -> tuple[Decimal, Decimal, Decimal]:
    m = obj.get("measurement") if isinstance(obj, Mapping) else None
    if not isinstance(m, Mapping):
        raise InvalidLoadingInput(f"{where} has no measurement {{x, y, z}}", field=where)
    return (
        _number(m.get("x"), f"{where}.measurement.x"),
        _number(m.get("y"), f"{where}.measurement.y"),
        _number(m.get("z"), f"{where}.measurement.z"),
    )


def _scale_for(values: list[Decimal]) -> tuple[int, bool]:
    """The power of ten that turns every length into an integer, and whether it is exact.

    Integers keep the geometry exact; the scaled lengths stay at most MAX_SCALED so that
    volumes fit 64-bit integers. Past that the lengths are rounded (see plan_instance).
    """
    top = max(values)
    for digits in range(MAX_SCALE_DIGITS + 1):
        factor = Decimal(10) ** digits
        if top * factor > MAX_SCALED:
            break
        if all((v * factor) == (v * factor).to_integral_value() for v in values):
            return digits, True
    return math.floor(math.log10(MAX_SCALED / float(top))), False


def plan_instance(doc: Any, *, time_limit: float = 2.0) -> InstancePlan:
    """Plan an instance document within about `time_limit` seconds.

    Raises InvalidLoadingInput on a malformed one.
    """
    if not isinstance(doc, Mapping):
        raise InvalidLoadingInput("the instance is not a JSON object")
    container = _measure(doc.get("large_object"), "large_object")
    items = doc.get("small_items")
    if not isinstance(items, list):
        raise InvalidLoadingInput("the instance has no list small_items", field="small_items")
    dims: list[tuple[Decimal, Decimal, Decimal]] = []
    quantities: list[int] = []
    flags: list[tuple[str, ...]] = []
    for i, item in enumerate(items):
        where = f"small_items[{i}]"
        dims.append(_measure(item, where))
        q = item.get("quantity", 1)
        if isinstance(q, bool) or not isinstance(q, int) or q < 0:
            raise InvalidLoadingInput(f"{where}.quantity is not a count: {q!r}", field=where)
        quantities.append(q)
        orient = (item.get("constraint") or {}).get("orientation")
        if orient is None:
            flags.append(ORIENTATION_KEYS)
        elif isinstance(orient, Mapping) and all(k in ORIENTATION_KEYS for k in orient):
            flags.append(tuple(k for k in ORIENTATION_KEYS if orient.get(k)))
        else:
            raise InvalidLoadingInput(f"{where}.constraint.orientation is not valid", field=where)
    digits, exact = _scale_for([v for d in [container, *dims] for v in d])
    factor = Decimal(10).scaleb(digits - 1)

    def scaled(v: Decimal, rounding: str) -> int:
        return int((v * factor).to_integral_value(rounding=rounding))

    # Inexact scaling rounds the container down and the items up, so the plan stays feasible
    # in the true lengths (boxes may then rest a rounding step above their supports).
    box = tuple(scaled(v, ROUND_FLOOR) for v in container)
    cargos = []
    true_dims: list[dict[tuple[int, int, int], tuple[Decimal, ...]]] = []
    for d, q, keys in zip(dims, quantities, flags, strict=True):
        own = [scaled(v, ROUND_CEILING) for v in d]
        placed: dict[tuple[int, int, int], tuple[Decimal, ...]] = {}
        for k in keys:
            at = (_AXIS[k[0]], _AXIS[k[1]], _AXIS[k[2]])
            placed.setdefault((own[at[0]], own[at[1]], own[at[2]]), tuple(d[i] for i in at))
        cargos.append(Cargo(orientations=tuple(placed), quantity=q))
        true_dims.append(placed)
    started = time.monotonic()
    planner = Planner((box[0], box[1], box[2]), tuple(cargos))
    # The time limit covers listing the blocks too, so the command's wall time stays put.
    boxes = planner.solve(time_limit=max(0.0, time_limit - (time.monotonic() - started)))
    placements = []
    used = Decimal(0)
    for b in boxes:
        size = true_dims[b.kind][(b.dx, b.dy, b.dz)]
        used += size[0] * size[1] * size[2]
        corner = [Decimal(v).scaleb(-digits) for v in (b.x, b.y, b.z)]
        values = [*corner, *size]
        placements.append(
            {
                "item": b.kind,
                **{
                    key: int(v) if v == v.to_integral_value() else float(v)
                    for key, v in zip(("x", "y", "z", "dx", "dy", "dz"), values, strict=True)
                },
            }
        )
    whole = container[0] * container[1] * container[2]
    return InstancePlan(
        placements=tuple(placements),
        utilization=round(float(used / whole), 6),
        exact=exact,
    )
