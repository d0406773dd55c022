"""ECB euro reference rates of a date for landed cost, from the shipped file.

The arithmetic (cross rates through the euro, publication fallback, pegged
currencies such as AED or SAR) is the reference context's pure FX core
(``seaward.reference.fx``); this module feeds it the shipped ECB history
(``fx/eurofxref-hist.csv``, Source: ECB) without a database, for the
``seaward landed-cost`` command and the pure landed-cost engine, and keeps the
trace each breakdown figure carries.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from seaward.core.errors import DomainError
from seaward.customs.landed_cost_errors import FxRateUnavailable
from seaward.reference import datafiles, fx
from seaward.reference.parsing import ecb_history
from seaward.reference.pegs import PEGS

FX_FILE = "fx/eurofxref-hist.csv"
MAX_STALENESS_DAYS = 10


@dataclass(frozen=True)
class FxRate:
    """``1 base = rate quote`` as fixed by the ECB on ``fixing_date``."""

    base: str
    quote: str
    rate: Decimal
    fixing_date: date
    source: str = FX_FILE

    def trace(self) -> dict[str, str]:
        return {
            "file": FX_FILE,
            "row": self.fixing_date.isoformat(),
            "field": f"{self.base}/{self.quote}",
            "value": str(self.rate),
            "note": "Source: ECB euro reference rates; cross rates via EUR",
        }


@dataclass(frozen=True)
class _History:
    dates: tuple[date, ...]  # ascending
    rows: tuple[dict[str, Decimal], ...]
    currencies: frozenset[str]


@lru_cache(maxsize=1)
def _history() -> _History:
    by_day: dict[date, dict[str, Decimal]] = {}
    with datafiles.open_text(FX_FILE) as handle:
        for day, currency, rate in ecb_history(handle):
            by_day.setdefault(day, {})[currency] = rate
    dates = tuple(sorted(by_day))
    currencies = frozenset(c for rates in by_day.values() for c in rates) | {fx.EURO}
    return _History(dates, tuple(by_day[d] for d in dates), currencies)


def known_currencies() -> frozenset[str]:
    return _history().currencies | {peg.currency for peg in PEGS}


def rate_on(base: str, quote: str, on: date) -> FxRate:
    """How many ``quote`` units one ``base`` unit buys at the ECB fixing of ``on``."""
    if base == quote:
        return FxRate(base, quote, Decimal(1), on)
    history = _history()
    first = bisect.bisect_left(history.dates, on - timedelta(days=MAX_STALENESS_DAYS))
    last = bisect.bisect_right(history.dates, on)
    window = {history.dates[i]: history.rows[i] for i in range(first, last)}
    try:
        quoted = fx.cross_rate(
            base,
            quote,
            on,
            rates=window,
            pegs=PEGS,
            max_age_days=MAX_STALENESS_DAYS,
            known_currencies=history.currencies,
        )
    except DomainError as error:
        raise FxRateUnavailable(
            f"no ECB reference rate for {base}/{quote} on or shortly before {on}"
        ) from error
    return FxRate(base, quote, quoted.rate, quoted.date)
