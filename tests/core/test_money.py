from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seaward.core.errors import CurrencyMismatch, InvalidInput, UnknownCurrency
from seaward.core.money import Money, minor_units, sum_money

CURRENCIES = ["USD", "EUR", "CNY", "JPY", "KWD", "AED", "GBP", "BHD", "CLP"]
amounts = st.decimals(
    min_value=Decimal("-1e12"),
    max_value=Decimal("1e12"),
    places=6,
    allow_nan=False,
    allow_infinity=False,
)


def test_minor_units_come_from_cldr():
    assert (minor_units("JPY"), minor_units("USD"), minor_units("KWD")) == (0, 2, 3)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("10.005", "USD", "10.01"),
        ("10.004", "USD", "10.00"),
        ("1234.5", "JPY", "1235"),
        ("1.2345", "KWD", "1.235"),
        ("-2.5", "JPY", "-3"),
    ],
)
def test_rounding_is_half_up_to_the_currency_minor_unit(amount, currency, expected):
    assert Money.of(amount, currency).rounded().amount == Decimal(expected)


def test_cross_currency_arithmetic_raises():
    with pytest.raises(CurrencyMismatch):
        Money.of("1", "USD") + Money.of("1", "EUR")
    with pytest.raises(CurrencyMismatch):
        _ = Money.of("1", "USD") < Money.of("1", "EUR")


def test_floats_and_unknown_currencies_are_refused():
    with pytest.raises(InvalidInput):
        Money.of(0.1, "USD")
    with pytest.raises(UnknownCurrency):
        Money.of("1", "XYZ")
    with pytest.raises(TypeError):
        Money.of("1", "USD") * 1.5  # type: ignore[operator]


@given(amounts, st.sampled_from(CURRENCIES))
def test_rounding_is_idempotent_and_within_half_a_minor_unit(amount, currency):
    money = Money(amount, currency)
    rounded = money.rounded()
    assert rounded.rounded() == rounded
    assert abs(rounded.amount - money.amount) <= Decimal(1).scaleb(-money.minor_units) / 2


@given(
    amounts,
    st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=12).filter(
        lambda ratios: sum(ratios) > 0
    ),
    st.sampled_from(CURRENCIES),
)
def test_allocation_parts_sum_exactly_to_the_rounded_whole(amount, ratios, currency):
    money = Money(amount, currency)
    parts = money.allocate(ratios)
    assert len(parts) == len(ratios)
    assert sum_money(parts, currency) == money.rounded()
    for part, ratio in zip(parts, ratios, strict=True):
        if ratio == 0:
            assert part.is_zero()


@given(amounts, amounts, st.sampled_from(CURRENCIES))
def test_addition_commutes_and_subtraction_inverts(a, b, currency):
    x, y = Money(a, currency), Money(b, currency)
    assert x + y == y + x
    assert (x + y) - y == x


@given(st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(CURRENCIES))
def test_minor_unit_round_trip(units, currency):
    assert Money.from_minor(units, currency).to_minor() == units
