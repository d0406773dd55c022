"""ECB euro reference rates of a date, with cross rates through the euro.

Reads the shipped ``fx/eurofxref-hist.csv`` (Source: ECB). The ECB publishes on
TARGET business days only, so a date without a fixing (weekend, holiday) takes the
last fixing on or before it; the rate's own date is returned with it. Rates stay
strings until asked for, so loading the 7,000-day history costs no Decimal work.
The lead may move this into the reference app; its interface is ``rate_on``.
"""

from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from seaward.customs.landed_cost_errors import FxRateUnavailable
from seaward.reference import datafiles

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
    rows: tuple[dict[str, str], ...]
    currencies: frozenset[str]


@lru_cache(maxsize=1)
def _history() -> _History:
    with datafiles.open_text(FX_FILE) as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader)]
        parsed = []
        for row in reader:
            if not row or not row[0].strip():
                continue
            values = {
                cur: val.strip()
                for cur, val in zip(header[1:], row[1:], strict=False)
                if cur and val.strip() not in ("", "N/A")
            }
            parsed.append((date.fromisoformat(row[0].strip()), values))
    parsed.sort(key=lambda item: item[0])
    return _History(
        tuple(d for d, _ in parsed),
        tuple(v for _, v in parsed),
        frozenset(c for c in header[1:] if c) | {"EUR"},
    )


def known_currencies() -> frozenset[str]:
    return _history().currencies


def _per_euro(currency: str, on: date) -> tuple[Decimal, date]:
    if currency == "EUR":
        return Decimal(1), on
    history = _history()
    if currency not in history.currencies:
        raise FxRateUnavailable(f"no ECB reference rate for currency {currency!r}")
    index = bisect.bisect_right(history.dates, on) - 1
    while index >= 0:
        value = history.rows[index].get(currency)
        if value is not None:
            fixing = history.dates[index]
            if (on - fixing).days > MAX_STALENESS_DAYS:
                break
            return Decimal(value), fixing
        index -= 1
    raise FxRateUnavailable(f"no ECB reference rate for {currency} on or shortly before {on}")


def rate_on(base: str, quote: str, on: date) -> FxRate:
    """How many ``quote`` units one ``base`` unit buys at the ECB fixing of ``on``."""
    if base == quote:
        return FxRate(base, quote, Decimal(1), on)
    base_per_eur, base_day = _per_euro(base, on)
    quote_per_eur, quote_day = _per_euro(quote, on)
    fixing = (
        min(base_day, quote_day)
        if base != "EUR" and quote != "EUR"
        else (base_day if base != "EUR" else quote_day)
    )
    return FxRate(base, quote, quote_per_eur / base_per_eur, fixing)
