"""Money: a Decimal amount with its ISO 4217 currency.

Pure Python (no Django). Rules, recorded in docs/adr/0002-money.md:
- never float: constructing from a float raises;
- arithmetic or comparison across currencies raises ``CurrencyMismatch``;
- amounts keep full precision through arithmetic; ``rounded()`` rounds to the
  currency's own minor units (from CLDR via babel: JPY 0, USD 2, KWD 3) with
  ROUND_HALF_UP, the commercial rounding used on invoices;
- ``allocate`` splits an amount into parts that add up exactly to the whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import get_currency_precision
from pycountry import currencies as _iso_currencies

from seaward.core.errors import CurrencyMismatch, InvalidInput, UnknownCurrency, gettext_noop

ROUNDING = ROUND_HALF_UP
Number = Decimal | int


@lru_cache(maxsize=512)
def _is_known_currency(code: str) -> bool:
    return _iso_currencies.get(alpha_3=code) is not None


def normalize_currency(code: str) -> str:
    """Upper-cased ISO 4217 code, or ``UnknownCurrency``."""
    if not isinstance(code, str):
        raise UnknownCurrency(params={"currency": repr(code)}, field="currency")
    normalized = code.strip().upper()
    if len(normalized) != 3 or not normalized.isalpha() or not _is_known_currency(normalized):
        raise UnknownCurrency(params={"currency": code}, field="currency")
    return normalized


@lru_cache(maxsize=512)
def minor_units(currency: str) -> int:
    """Number of decimal places of a currency's minor unit (CLDR data)."""
    return int(get_currency_precision(normalize_currency(currency)))


def _exponent(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_units(currency))


def to_decimal(value: object, *, field: str = "amount") -> Decimal:
    """A Decimal from a Decimal, int or numeric string; floats are refused."""
    if isinstance(value, bool | float):
        raise InvalidInput(
            gettext_noop("Amounts must be given as decimal strings, not floating-point numbers."),
            code="float_amount",
            field=field,
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip().replace(",", ""))
        except InvalidOperation:
            raise InvalidInput(
                gettext_noop("Not a number: %(value)s."),
                code="not_a_number",
                field=field,
                params={"value": value[:40]},
            ) from None
    else:
        raise InvalidInput(
            gettext_noop("Not a number: %(value)s."),
            code="not_a_number",
            field=field,
            params={"value": repr(value)[:40]},
        )
    if not result.is_finite():
        raise InvalidInput(
            gettext_noop("Not a finite number: %(value)s."),
            code="not_a_number",
            field=field,
            params={"value": str(value)[:40]},
        )
    return result


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of one currency."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", to_decimal(self.amount))
        object.__setattr__(self, "currency", normalize_currency(self.currency))

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    @classmethod
    def of(cls, amount: object, currency: str) -> Money:
        """Money from a Decimal, int or decimal string (not a float)."""
        return cls(to_decimal(amount), currency)

    # -- arithmetic ---------------------------------------------------------
    def _check(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(params={"left": self.currency, "right": other.currency})
        return other

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self._check(other).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self._check(other).amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def __mul__(self, factor: Number) -> Money:
        if isinstance(factor, Money | float | bool):
            raise TypeError("Money can only be multiplied by a Decimal or an int")
        return Money(self.amount * Decimal(factor), self.currency)

    __rmul__ = __mul__

    def __truediv__(self, divisor: Number) -> Money:
        if isinstance(divisor, Money | float | bool):
            raise TypeError("Money can only be divided by a Decimal or an int")
        return Money(self.amount / Decimal(divisor), self.currency)

    # -- comparison ---------------------------------------------------------
    def __lt__(self, other: Money) -> bool:
        return self.amount < self._check(other).amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._check(other).amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._check(other).amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._check(other).amount

    def is_zero(self) -> bool:
        return self.amount == 0

    # -- rounding and conversion -------------------------------------------
    @property
    def minor_units(self) -> int:
        return minor_units(self.currency)

    def rounded(self) -> Money:
        """Rounded to the currency's minor units, half up."""
        return Money(
            self.amount.quantize(_exponent(self.currency), rounding=ROUNDING), self.currency
        )

    def to_minor(self) -> int:
        """The rounded amount as an integer count of minor units (cents, fils, yen)."""
        return int(self.rounded().amount.scaleb(self.minor_units))

    @classmethod
    def from_minor(cls, units: int, currency: str) -> Money:
        return cls(Decimal(units).scaleb(-minor_units(currency)), currency)

    def convert(self, rate: Decimal, to_currency: str) -> Money:
        """This amount times ``rate`` (units of ``to_currency`` per unit), unrounded."""
        if isinstance(rate, float):
            raise TypeError("rates must be Decimal")
        return Money(self.amount * rate, to_currency)

    def allocate(self, ratios: Sequence[Number]) -> list[Money]:
        """Split the rounded amount by ratios into rounded parts summing exactly to it."""
        if not ratios or any(Decimal(r) < 0 for r in ratios):
            raise InvalidInput(
                gettext_noop("Allocation ratios must be non-negative and not empty.")
            )
        total_ratio = sum(Decimal(r) for r in ratios)
        if total_ratio == 0:
            raise InvalidInput(gettext_noop("Allocation ratios must not all be zero."))
        whole = self.to_minor()
        shares = [whole * Decimal(r) / total_ratio for r in ratios]
        floors = [int(s.to_integral_value(rounding="ROUND_FLOOR")) for s in shares]
        remainder = whole - sum(floors)
        # Largest remainders get the leftover minor units, earliest first on ties.
        order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - floors[i]), i))
        for i in order[: abs(remainder)]:
            floors[i] += 1 if remainder > 0 else -1
        return [Money.from_minor(units, self.currency) for units in floors]

    def format(self, locale: str = "en") -> str:
        """Locale-aware display, e.g. ``€1,234.50`` or ``US$1,234.50`` in zh."""
        from babel.numbers import format_currency

        return str(format_currency(self.rounded().amount, self.currency, locale=locale))

    def __str__(self) -> str:
        return f"{self.rounded().amount} {self.currency}"


def sum_money(items: Iterable[Money], currency: str) -> Money:
    """Sum of amounts that must all be in ``currency`` (zero when empty)."""
    total = Money.zero(currency)
    for item in items:
        total = total + item
    return total
