"""Cross rates via EUR, date fallback, pegs and user rates (pure functions)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seaward.reference.errors import FxRateUnavailable, UnknownFxCurrency
from seaward.reference.fx import FxQuote, convert, cross_rate
from seaward.reference.pegs import PEGS

FRI = date(2026, 10, 30)
RATES = {
    FRI: {"USD": Decimal("1.1172"), "CNY": Decimal("7.4326"), "JPY": Decimal("175.68")},
    date(2026, 10, 29): {
        "USD": Decimal("1.113"),
        "CNY": Decimal("7.4144"),
        "JPY": Decimal("175.92"),
    },
}


def close(a: Decimal, b: Decimal, tolerance: str = "1e-20") -> bool:
    return abs(a - b) <= Decimal(tolerance) * max(abs(a), abs(b), Decimal(1))


def test_cross_rate_goes_through_eur() -> None:
    quote = cross_rate("USD", "CNY", FRI, rates=RATES)
    assert close(quote.rate, Decimal("7.4326") / Decimal("1.1172"))
    assert quote.path == ("USD", "EUR", "CNY")
    assert quote.source == "ECB"
    assert quote.date == FRI and not quote.is_stale


def test_rate_against_eur_is_the_published_one() -> None:
    assert cross_rate("EUR", "USD", FRI, rates=RATES).rate == Decimal("1.1172")
    assert close(cross_rate("USD", "EUR", FRI, rates=RATES).rate, Decimal(1) / Decimal("1.1172"))


def test_identity_is_one() -> None:
    assert cross_rate("cny", "CNY", FRI, rates={}).rate == Decimal(1)


def test_weekend_falls_back_to_the_latest_earlier_publication() -> None:
    sunday = date(2026, 11, 1)
    quote = cross_rate("USD", "CNY", sunday, rates=RATES)
    assert quote.date == FRI
    assert quote.requested_date == sunday
    assert quote.is_stale


def test_no_publication_within_seven_days_is_a_clear_error() -> None:
    with pytest.raises(FxRateUnavailable) as caught:
        cross_rate("USD", "CNY", date(2026, 11, 7), rates=RATES)
    assert caught.value.code == "fx_rate_unavailable"
    assert "USD" in caught.value.message and "2026-11-07" in caught.value.message
    # exactly seven days back still works
    assert cross_rate("USD", "CNY", date(2026, 11, 6), rates=RATES).date == FRI


def test_currency_missing_on_the_day_uses_an_earlier_publication_that_has_it() -> None:
    rates = {
        FRI: {"USD": Decimal("1.1172")},
        date(2026, 10, 29): {"USD": Decimal("1.113"), "CNY": Decimal("7.4144")},
    }
    quote = cross_rate("USD", "CNY", FRI, rates=rates)
    assert quote.date == date(2026, 10, 29)


def test_pegged_currency_goes_through_its_anchor() -> None:
    quote = cross_rate("AED", "CNY", FRI, rates=RATES, pegs=PEGS)
    expected = (Decimal(1) / Decimal("3.6725")) / Decimal("1.1172") * Decimal("7.4326")
    assert close(quote.rate, expected)
    assert quote.path == ("AED", "USD", "EUR", "CNY")
    assert quote.source == "ECB+peg"
    assert any("Central Bank of the UAE" in note for note in quote.notes)


def test_two_currencies_pegged_to_the_same_anchor_need_no_ecb_rate() -> None:
    quote = cross_rate("SAR", "AED", date(2030, 1, 1), rates={}, pegs=PEGS)
    assert close(quote.rate, Decimal("3.6725") / Decimal("3.75"))
    assert quote.path == ("SAR", "USD", "AED")
    assert quote.source == "peg"


def test_peg_applies_only_from_its_start_date() -> None:
    with pytest.raises(FxRateUnavailable):
        cross_rate("JOD", "USD", date(1990, 1, 2), rates={date(1990, 1, 2): {}}, pegs=PEGS)


def test_user_rate_overrides_the_ecb_for_its_pair_and_inverse() -> None:
    user = {("USD", "CNY"): Decimal("7.10")}
    assert cross_rate("USD", "CNY", FRI, rates=RATES, user_rates=user).rate == Decimal("7.10")
    inverse = cross_rate("CNY", "USD", FRI, rates=RATES, user_rates=user)
    assert close(inverse.rate, Decimal(1) / Decimal("7.10"))
    assert inverse.source == "user"
    # other pairs still use the ECB
    assert cross_rate("USD", "JPY", FRI, rates=RATES, user_rates=user).source == "ECB"


def test_user_rate_links_an_unpublished_currency() -> None:
    user = {("USD", "VND"): Decimal("25400")}
    quote = cross_rate("VND", "CNY", FRI, rates=RATES, user_rates=user)
    assert quote.path == ("VND", "USD", "EUR", "CNY")
    assert quote.source == "user+ECB"
    assert close(quote.rate, Decimal("7.4326") / Decimal("1.1172") / Decimal("25400"))


def test_unknown_currency_is_reported_as_such() -> None:
    with pytest.raises(UnknownFxCurrency) as caught:
        cross_rate("VND", "USD", FRI, rates=RATES, known_currencies=["USD", "CNY", "JPY"])
    assert caught.value.params["currency"] == "VND"


def test_convert_refuses_floats() -> None:
    quote = cross_rate("USD", "CNY", FRI, rates=RATES)
    assert close(convert(Decimal("100"), quote), Decimal("743.26") / Decimal("1.1172"))
    with pytest.raises(TypeError):
        convert(100.0, quote)  # type: ignore[arg-type]


CURRENCIES = ["EUR", "USD", "CNY", "JPY", "GBP", "AED", "SAR", "XOF"]
rate_values = st.decimals(
    min_value=Decimal("0.0001"),
    max_value=Decimal("100000"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)


@given(
    usd=rate_values,
    cny=rate_values,
    jpy=rate_values,
    gbp=rate_values,
    a=st.sampled_from(CURRENCIES),
    b=st.sampled_from(CURRENCIES),
)
def test_cross_rates_are_reciprocal_and_consistent_via_eur(
    usd: Decimal, cny: Decimal, jpy: Decimal, gbp: Decimal, a: str, b: str
) -> None:
    rates = {FRI: {"USD": usd, "CNY": cny, "JPY": jpy, "GBP": gbp}}
    forward = cross_rate(a, b, FRI, rates=rates, pegs=PEGS)
    backward = cross_rate(b, a, FRI, rates=rates, pegs=PEGS)
    assert close(forward.rate * backward.rate, Decimal(1))
    via_eur = (
        cross_rate(a, "EUR", FRI, rates=rates, pegs=PEGS).rate
        * cross_rate("EUR", b, FRI, rates=rates, pegs=PEGS).rate
    )
    assert close(forward.rate, via_eur)
    assert forward.path[0] == a and forward.path[-1] == b


def test_inverse_quote_swaps_the_currencies() -> None:
    quote = cross_rate("USD", "CNY", FRI, rates=RATES)
    inverse = quote.inverse()
    assert isinstance(inverse, FxQuote)
    assert (inverse.from_currency, inverse.to_currency) == ("CNY", "USD")
    assert close(inverse.rate * quote.rate, Decimal(1))
