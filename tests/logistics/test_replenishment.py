"""Replenishment suggestions (pure)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from seaward.logistics import replenishment as r

TODAY = date(2026, 9, 1)


def _daily(sku: str, quantity: int, days: int = 90) -> list[r.Outbound]:
    return [r.Outbound(sku, TODAY - timedelta(days=d), quantity) for d in range(days)]


def test_reorder_point_and_quantity_in_whole_cartons():
    stock = [
        r.SkuStock(
            "A",
            on_hand=200,
            reserved=0,
            in_transit=0,
            units_per_carton=12,
            carton_m3=0.05,
            carton_kg=10,
        )
    ]
    [s] = r.suggest(stock, _daily("A", 10), today=TODAY, lead_time=40)
    assert s.daily_demand == 10
    assert s.safety_stock == 0  # steady demand: no spread
    assert s.reorder_point == 400
    assert s.needed
    assert s.order_quantity % 12 == 0
    assert s.order_quantity >= 400 + 300 - 200


def test_no_demand_no_suggestion():
    stock = [r.SkuStock("A", on_hand=0, reserved=0, in_transit=0)]
    [s] = r.suggest(stock, [], today=TODAY, lead_time=40)
    assert not s.needed and s.days_of_cover is None


def test_goods_in_transit_count_towards_the_position():
    stock = [r.SkuStock("A", on_hand=0, reserved=0, in_transit=5000)]
    [s] = r.suggest(stock, _daily("A", 10), today=TODAY, lead_time=40)
    assert not s.needed


def test_lead_time_from_history_or_default():
    assert r.lead_time_days([30, 40]) == 35
    assert r.lead_time_days([]) == r.DEFAULT_LEAD_TIME_DAYS


def test_next_container_fills_most_urgent_first_within_the_volume():
    stock = [
        r.SkuStock("A", 0, 0, 0, units_per_carton=10, carton_m3=0.5, carton_kg=5),
        r.SkuStock("B", 300, 0, 0, units_per_carton=10, carton_m3=0.5, carton_kg=5),
    ]
    outbound = _daily("A", 20) + _daily("B", 20)
    suggestions = r.suggest(stock, outbound, today=TODAY, lead_time=45)
    assert suggestions[0].sku == "A"
    box = r.next_container(suggestions, stock, volume_m3=76.0, payload_kg=26000)
    assert box.lines[0].sku == "A"
    assert box.volume_m3 <= 76.0 * 0.85 + 1e-9


@settings(max_examples=100, deadline=None)
@given(
    st.integers(0, 5000),
    st.integers(0, 500),
    st.integers(0, 5000),
    st.integers(0, 200),
    st.integers(1, 48),
    st.floats(5, 120),
)
def test_after_ordering_the_position_reaches_the_reorder_point(
    on_hand, reserved, transit, daily, per, lead
):
    stock = [r.SkuStock("A", on_hand, min(reserved, on_hand), transit, units_per_carton=per)]
    [s] = r.suggest(stock, _daily("A", daily), today=TODAY, lead_time=lead)
    assert s.order_quantity % per == 0
    if s.needed:
        assert s.position + s.order_quantity >= s.reorder_point
    else:
        assert daily == 0 or s.position > s.reorder_point
