"""Exchange rates between any two currencies on a date: pure functions, Decimal only.

Sources, in the order they are used:

1. a rate the user entered for exactly this pair (or its inverse) wins;
2. ECB euro reference rates (units of a currency per 1 EUR, one publication per
   TARGET business day); cross rates go through EUR. When the ECB published
   nothing on the requested date (weekend, holiday) the most recent earlier
   publication is used, at most ``max_age_days`` back, and the quote says which
   date it used;
3. a fixed peg to an anchor currency (AED to USD, XOF to EUR…), see ``pegs``;
4. a user-entered rate linking a currency no other source knows to one that is
   known (e.g. 1 USD = 25 400 VND).

Rates are ``Decimal`` computed with 34 significant digits and not rounded: the
caller rounds the converted amount to the currency's minor units.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, localcontext
from typing import NoReturn

from seaward.reference.errors import FxRateUnavailable, UnknownFxCurrency
from seaward.reference.pegs import Peg

EURO = "EUR"
MAX_AGE_DAYS = 7
PRECISION = 34

# ECB publications: date -> {currency: units of the currency per 1 EUR}.
RateTable = Mapping[date, Mapping[str, Decimal]]
# User-entered rates: (from, to) -> units of ``to`` per 1 unit of ``from``.
UserRates = Mapping[tuple[str, str], Decimal]


@dataclass(frozen=True, slots=True)
class FxQuote:
    """How many units of ``to_currency`` one unit of ``from_currency`` buys."""

    rate: Decimal
    from_currency: str
    to_currency: str
    requested_date: date
    date: date  # the publication date actually used (≤ requested_date)
    source: str  # "ECB", "peg", "user", "ECB+peg", "identity"…
    path: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def is_stale(self) -> bool:
        """True when an earlier publication stood in for the requested date."""
        return self.date != self.requested_date

    def inverse(self) -> FxQuote:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            rate = Decimal(1) / self.rate
        return FxQuote(
            rate,
            self.to_currency,
            self.from_currency,
            self.requested_date,
            self.date,
            self.source,
            tuple(reversed(self.path)),
            self.notes,
        )


@dataclass(frozen=True, slots=True)
class _Step:
    """One hop: 1 unit of ``node`` = ``factor`` units of ``next_node``."""

    node: str
    next_node: str
    factor: Decimal
    kind: str  # "ECB", "peg", "user"
    note: str = ""


def _active_peg(currency: str, on: date, pegs: Iterable[Peg]) -> Peg | None:
    best: Peg | None = None
    for peg in pegs:
        if (
            peg.currency == currency
            and peg.valid_from <= on
            and (best is None or peg.valid_from > best.valid_from)
        ):
            best = peg
    return best


def _chain(
    currency: str,
    on: date,
    day_rates: Mapping[str, Decimal],
    pegs: Sequence[Peg],
    user_rates: UserRates,
) -> list[_Step]:
    """Hops from ``currency`` towards EUR, as far as the sources reach."""
    steps: list[_Step] = []
    seen = {currency}
    node = currency
    while node != EURO:
        step: _Step | None = None
        if node in day_rates and day_rates[node] > 0:
            step = _Step(node, EURO, Decimal(1) / day_rates[node], "ECB")
        else:
            peg = _active_peg(node, on, pegs)
            if peg is not None and peg.anchor not in seen:
                step = _Step(
                    node,
                    peg.anchor,
                    Decimal(1) / peg.rate,
                    "peg",
                    f"{peg.currency}/{peg.anchor} {peg.rate}: {peg.source}",
                )
            else:
                step = _user_step(node, seen, day_rates, on, pegs, user_rates)
        if step is None:
            break
        steps.append(step)
        node = step.next_node
        seen.add(node)
    return steps


def _user_step(
    node: str,
    seen: set[str],
    day_rates: Mapping[str, Decimal],
    on: date,
    pegs: Sequence[Peg],
    user_rates: UserRates,
) -> _Step | None:
    # Prefer a user rate towards a currency another source knows, so the chain reaches EUR.
    candidates: list[_Step] = []
    for (left, right), rate in user_rates.items():
        if rate <= 0:
            continue
        if left == node and right not in seen:
            candidates.append(_Step(node, right, rate, "user"))
        elif right == node and left not in seen:
            candidates.append(_Step(node, left, Decimal(1) / rate, "user"))

    def known(step: _Step) -> bool:
        target = step.next_node
        return target == EURO or target in day_rates or _active_peg(target, on, pegs) is not None

    candidates.sort(key=lambda step: (not known(step), step.next_node))
    return candidates[0] if candidates else None


def _nodes(steps: list[_Step], start: str) -> list[str]:
    return [start, *(step.next_node for step in steps)]


def _join(
    from_currency: str,
    to_currency: str,
    on: date,
    day: date | None,
    day_rates: Mapping[str, Decimal],
    pegs: Sequence[Peg],
    user_rates: UserRates,
) -> FxQuote | None:
    left = _chain(from_currency, on, day_rates, pegs, user_rates)
    right = _chain(to_currency, on, day_rates, pegs, user_rates)
    left_nodes = _nodes(left, from_currency)
    right_nodes = _nodes(right, to_currency)
    common = next((node for node in left_nodes if node in right_nodes), None)
    if common is None:
        return None
    i, j = left_nodes.index(common), right_nodes.index(common)
    used_left, used_right = left[:i], right[:j]
    rate = Decimal(1)
    for step in used_left:
        rate *= step.factor
    for step in used_right:
        rate /= step.factor
    steps = [*used_left, *used_right]
    kinds: list[str] = []
    for step in steps:
        if step.kind not in kinds:
            kinds.append(step.kind)
    uses_ecb = "ECB" in kinds
    if uses_ecb and day is None:
        return None
    path = (*left_nodes[: i + 1], *reversed(right_nodes[:j]))
    notes = tuple(dict.fromkeys(step.note for step in steps if step.note))
    return FxQuote(
        rate,
        from_currency,
        to_currency,
        on,
        day if uses_ecb and day else on,
        "+".join(sorted(kinds, key=_KIND_ORDER.index)),
        path,
        notes,
    )


_KIND_ORDER = ["user", "ECB", "peg"]


def cross_rate(
    from_currency: str,
    to_currency: str,
    on: date,
    *,
    rates: RateTable,
    pegs: Sequence[Peg] = (),
    user_rates: UserRates | None = None,
    max_age_days: int = MAX_AGE_DAYS,
    known_currencies: Iterable[str] | None = None,
) -> FxQuote:
    """The rate converting ``from_currency`` into ``to_currency`` on ``on``."""
    source_currency = from_currency.strip().upper()
    target_currency = to_currency.strip().upper()
    user = {(a.upper(), b.upper()): rate for (a, b), rate in (user_rates or {}).items()}
    with localcontext() as ctx:
        ctx.prec = PRECISION
        if source_currency == target_currency:
            return FxQuote(
                Decimal(1), source_currency, target_currency, on, on, "identity", (source_currency,)
            )
        direct = user.get((source_currency, target_currency))
        if direct is not None and direct > 0:
            return FxQuote(
                direct,
                source_currency,
                target_currency,
                on,
                on,
                "user",
                (source_currency, target_currency),
            )
        inverse = user.get((target_currency, source_currency))
        if inverse is not None and inverse > 0:
            return FxQuote(
                Decimal(1) / inverse,
                source_currency,
                target_currency,
                on,
                on,
                "user",
                (source_currency, target_currency),
            )
        earliest = on - timedelta(days=max_age_days)
        days = sorted((d for d in rates if earliest <= d <= on), reverse=True)
        for day in days:
            quote = _join(source_currency, target_currency, on, day, rates[day], pegs, user)
            if quote is not None:
                return quote
        quote = _join(source_currency, target_currency, on, None, {}, pegs, user)
        if quote is not None:
            return quote
    _raise_unavailable(
        source_currency, target_currency, on, max_age_days, days, pegs, user, known_currencies
    )


def _raise_unavailable(
    source: str,
    target: str,
    on: date,
    max_age_days: int,
    days: list[date],
    pegs: Sequence[Peg],
    user: UserRates,
    known_currencies: Iterable[str] | None,
) -> NoReturn:
    if known_currencies is not None:
        known = set(known_currencies) | {EURO}
        known |= {peg.currency for peg in pegs} | {peg.anchor for peg in pegs}
        known |= {c for pair in user for c in pair}
        for currency in (source, target):
            if currency not in known:
                raise UnknownFxCurrency(
                    field="currency", params={"currency": currency}, details={"currency": currency}
                )
    raise FxRateUnavailable(
        params={"from": source, "to": target, "date": on.isoformat(), "days": max_age_days},
        details={
            "from": source,
            "to": target,
            "date": on.isoformat(),
            "searched_publications": [d.isoformat() for d in days],
        },
    )


def convert(amount: Decimal, quote: FxQuote) -> Decimal:
    """``amount`` of the quote's from-currency in its to-currency, unrounded."""
    if not isinstance(amount, Decimal):
        raise TypeError("amounts must be Decimal")
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return amount * quote.rate
