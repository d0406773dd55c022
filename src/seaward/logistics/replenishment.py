"""Replenishment suggestions for an overseas warehouse (pure, no Django).

Per SKU: the demand rate is the mean daily outbound over a recent window, its spread the
standard deviation of weekly outbound; the lead time is the mean door-to-door time of past
shipments into the warehouse (a default when there is no history). With service level z:

    safety stock   = z · σ_daily · √lead_time
    reorder point  = rate · lead_time + safety stock
    position       = on hand + in transit − reserved
    order quantity = reorder point + rate · review_days − position, in whole cartons

when the position is at or below the reorder point. The next container takes the suggested
cartons most urgent first (fewest days of cover) until its volume or payload is used up.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

DEFAULT_LEAD_TIME_DAYS = 45.0
DEFAULT_WINDOW_DAYS = 90
DEFAULT_REVIEW_DAYS = 30
Z_95 = 1.645


@dataclass(frozen=True)
class SkuStock:
    sku: str
    on_hand: int
    reserved: int
    in_transit: int
    units_per_carton: int = 1
    carton_m3: float = 0.0
    carton_kg: float = 0.0


@dataclass(frozen=True)
class Outbound:
    sku: str
    day: date
    quantity: int


@dataclass(frozen=True)
class Suggestion:
    sku: str
    daily_demand: float
    lead_time_days: float
    safety_stock: int
    reorder_point: int
    position: int
    days_of_cover: float | None
    order_quantity: int
    cartons: int

    @property
    def needed(self) -> bool:
        return self.order_quantity > 0


@dataclass(frozen=True)
class ContainerLine:
    sku: str
    cartons: int
    quantity: int


@dataclass(frozen=True)
class NextContainer:
    lines: tuple[ContainerLine, ...]
    volume_m3: float
    weight_kg: float
    volume_share: float


def lead_time_days(durations: Sequence[float], *, default: float = DEFAULT_LEAD_TIME_DAYS) -> float:
    """Mean of past door-to-door times in days (ignoring impossible ones), or ``default``."""
    usable = [d for d in durations if 0 < d < 365]
    return statistics.fmean(usable) if usable else default


def demand(
    outbound: Sequence[Outbound], sku: str, *, today: date, window_days: int
) -> tuple[float, float]:
    """(mean daily demand, daily standard deviation) of ``sku`` over the window."""
    start = today - timedelta(days=window_days)
    weeks = max(window_days // 7, 1)
    buckets = [0] * weeks
    total = 0
    for line in outbound:
        if line.sku != sku or not (start < line.day <= today):
            continue
        total += line.quantity
        index = (today - line.day).days // 7
        if index < weeks:  # whole weeks only, so every bucket spans seven days
            buckets[index] += line.quantity
    rate = total / window_days
    weekly_sd = statistics.pstdev(buckets) if weeks > 1 else 0.0
    return rate, weekly_sd / math.sqrt(7)


def suggest(
    stock: Sequence[SkuStock],
    outbound: Sequence[Outbound],
    *,
    today: date,
    lead_time: float,
    window_days: int = DEFAULT_WINDOW_DAYS,
    review_days: int = DEFAULT_REVIEW_DAYS,
    z: float = Z_95,
) -> list[Suggestion]:
    """One suggestion per SKU, the most urgent (fewest days of cover) first."""
    out = []
    for item in stock:
        rate, sd = demand(outbound, item.sku, today=today, window_days=window_days)
        safety = math.ceil(z * sd * math.sqrt(lead_time))
        reorder = math.ceil(rate * lead_time) + safety
        position = item.on_hand + item.in_transit - item.reserved
        cover = position / rate if rate > 0 else None
        quantity = 0
        cartons = 0
        if rate > 0 and position <= reorder:
            want = reorder + rate * review_days - position
            per = max(item.units_per_carton, 1)
            cartons = max(math.ceil(want / per), 1)
            quantity = cartons * per
        out.append(
            Suggestion(
                sku=item.sku,
                daily_demand=round(rate, 3),
                lead_time_days=round(lead_time, 1),
                safety_stock=safety,
                reorder_point=reorder,
                position=position,
                days_of_cover=round(cover, 1) if cover is not None else None,
                order_quantity=quantity,
                cartons=cartons,
            )
        )
    out.sort(key=lambda s: (s.days_of_cover is None, s.days_of_cover or 0.0, s.sku))
    return out


def next_container(
    suggestions: Sequence[Suggestion],
    stock: Sequence[SkuStock],
    *,
    volume_m3: float,
    payload_kg: float,
    fill: float = 0.85,
) -> NextContainer:
    """The suggested cartons, most urgent first, that fit ``fill`` of the container's volume.

    ``fill`` leaves room for what a real stow loses to gaps; the loading planner makes the plan.
    """
    by_sku = {s.sku: s for s in stock}
    room_m3 = volume_m3 * fill
    room_kg = payload_kg
    lines = []
    used_m3 = used_kg = 0.0
    for suggestion in suggestions:
        if not suggestion.needed:
            continue
        item = by_sku[suggestion.sku]
        per_m3 = item.carton_m3 or 0.0
        per_kg = item.carton_kg or 0.0
        fits = suggestion.cartons
        if per_m3 > 0:
            fits = min(fits, int((room_m3 - used_m3) // per_m3))
        if per_kg > 0:
            fits = min(fits, int((room_kg - used_kg) // per_kg))
        if fits <= 0:
            continue
        used_m3 += fits * per_m3
        used_kg += fits * per_kg
        lines.append(ContainerLine(suggestion.sku, fits, fits * max(item.units_per_carton, 1)))
    share = used_m3 / volume_m3 if volume_m3 > 0 else 0.0
    return NextContainer(tuple(lines), round(used_m3, 3), round(used_kg, 1), round(share, 3))
