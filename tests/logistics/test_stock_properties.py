"""Stock arithmetic (pure): never negative unless allowed; on hand is the sum of movements."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seaward.logistics import stock

movements = st.lists(
    st.one_of(
        st.builds(stock.Movement, st.just(stock.INBOUND), st.integers(1, 500)),
        st.builds(stock.Movement, st.just(stock.OUTBOUND), st.integers(1, 500)),
        st.builds(stock.Movement, st.just(stock.ADJUSTMENT), st.integers(-300, 300).filter(bool)),
        st.builds(stock.Movement, st.just(stock.RESERVE), st.integers(1, 200)),
        st.builds(stock.Movement, st.just(stock.OUTBOUND), st.integers(1, 200), st.just(True)),
    ),
    max_size=60,
)


def _run(sequence, allow_negative):  # type: ignore[no-untyped-def]
    level = stock.Level()
    accepted = []
    for movement in sequence:
        try:
            level = stock.apply(level, movement, allow_negative=allow_negative)
        except (stock.NegativeStock, stock.InvalidMovement):
            continue
        accepted.append(movement)
    return level, accepted


@settings(max_examples=300, deadline=None)
@given(movements)
def test_stock_never_goes_negative_unless_allowed(sequence):
    level = stock.Level()
    for movement in sequence:
        try:
            level = stock.apply(level, movement)
        except (stock.NegativeStock, stock.InvalidMovement):
            continue
        assert level.on_hand >= 0
        assert level.reserved >= 0
        assert level.available >= 0


@settings(max_examples=300, deadline=None)
@given(movements, st.booleans())
def test_on_hand_is_the_sum_of_the_accepted_movements(sequence, allow_negative):
    level, accepted = _run(sequence, allow_negative)
    assert level.on_hand == sum(stock.deltas(m)[0] for m in accepted)
    assert level.reserved == sum(stock.deltas(m)[1] for m in accepted)
    assert stock.replay(accepted, allow_negative=allow_negative) == level


def test_allowed_negative_goes_below_zero():
    level = stock.apply(stock.Level(), stock.Movement(stock.OUTBOUND, 5), allow_negative=True)
    assert level.on_hand == -5


def test_outbound_beyond_free_stock_is_refused():
    level = stock.Level(on_hand=10, reserved=8)
    with pytest.raises(stock.NegativeStock) as error:
        stock.apply(level, stock.Movement(stock.OUTBOUND, 3), sku="NH-SP24")
    assert error.value.params == {"sku": "NH-SP24", "available": 2, "requested": 3}
    # shipping the reserved goods themselves is fine
    assert stock.apply(
        level, stock.Movement(stock.OUTBOUND, 8, consume_reservation=True)
    ) == stock.Level(2, 0, 0)


def test_adjustment_needs_a_non_zero_quantity():
    with pytest.raises(stock.InvalidMovement):
        stock.apply(stock.Level(), stock.Movement(stock.ADJUSTMENT, 0))
