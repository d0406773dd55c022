"""Duty rate texts as a small grammar: parse, never skip, then evaluate.

Forms recognised (US HTS, UK Global Tariff and EU CET texts)::

    rate      := "Free" | "No change" | seasonal | ch99 | reference | formula
    formula   := sum [ "MIN" sum ] [ "MAX" sum ]
    sum       := term { "+" term }
    term      := percent [qualifier]                       5%   |  5% on the case
               | amount unit [qualifier]                   2.4¢/kg | $1.20/doz. | 41.20 EUR / 100 kg
               | amount "each" [qualifier]                  37.5¢ each
               | agricultural component                     EA | ADSZ | ADFM  (EU, not computable)
    amount    := N "¢" | "$" N | N ("EUR" | "GBP" | "€")
    unit      := "/" [N] word                               /kg  /100 kg  /1,000 items  /% vol / hl
    seasonal  := formula "(" day-ranges ")" { "," formula ["(" day-ranges ")"] }
    ch99      := "The duty provided in the applicable subheading" [ "+" sum ]
    reference := texts that defer to another provision ("The rate applicable to...",
                 "A duty upon...", "See ...", "Free, under bond..."): recognised, not computable.

Anything else raises :class:`RateParseError` naming the text. A parsed rate is
*computable* when every term can be priced from a customs value and the usual
quantities (net kg, items, pairs, dozens, litres, m, m², m³); qualified terms
("on drained weight", "on the case", "% vol") need facts a shipment line does not
carry and raise :class:`RateNotComputable` when evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache

from seaward.customs.landed_cost_errors import RateNotComputable, RateParseError

HUNDRED = Decimal(100)
LITRES_PER_BARREL = Decimal("158.987294928")

# unit word (start of the unit text) -> canonical unit, checked in this order
_UNIT_WORDS: tuple[tuple[str, str], ...] = (
    (r"clean\s*kg", "kg:clean"),
    (r"kg\b", "kg"),
    (r"tonnes?\b", "t"),
    (r"t\b", "t"),
    (r"g\b", "g"),
    (r"pack\b", "item:pack"),
    (r"pf\.?\s*liters?", "l:proof"),
    (r"liters?\b", "l"),
    (r"hl\b", "hl"),
    (r"l\b", "l"),
    (r"doz\.?", "doz"),
    (r"pr\.?", "pair"),
    (r"gross\b", "gross"),
    (r"m2(?!\d)", "m2"),
    (r"m3(?!\d)", "m3"),
    (r"lin\.\s*m\b", "m"),
    (r"m\b", "m"),
    (r"bbl\b", "bbl"),
    (r"head\b", "head"),
    (r"jewel\b", "item:jewel"),
    (r"items?\b", "item"),
    (r"article\b", "item"),
    (r"pins\b", "item:pins"),
    (r"line\b", "item:line"),
)

_MONTHS = {
    "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUNE": 6,
    "JUL": 7, "JULY": 7, "AUG": 8, "SEP": 9, "SEPT": 9, "OCT": 10, "NOV": 11, "DEC": 12,
}  # fmt: skip
_MONTH_DAYS = {
    1: 31,
    2: 29,
    3: 31,
    4: 30,
    5: 31,
    6: 30,
    7: 31,
    8: 31,
    9: 30,
    10: 31,
    11: 30,
    12: 31,
}

_NUM = r"\d[\d,]*(?:\.\d+)?"
_REFERENCE_PREFIXES = (
    "the rate applicable",
    "the rate of duty applicable",
    "the rate provided",
    "the duty rate provided",
    "a duty upon",
    "a duty (",
    "a duty equal",
    "free, for",
    "see ",
    "free, under",
    "entry price",
)
_REFERENCE_PATTERNS = (
    re.compile(rf"^{_NUM} percent of\b", re.I),
    re.compile(r"for each degree", re.I),
    re.compile(r"\bbut if\b", re.I),
    re.compile(r"^free\s*\(see\b", re.I),
)
_CH99 = re.compile(
    r"^the duty provided (?:for )?in\s*the applicable subheading\b\s*"
    r"(?:(?:\+|plus)\s*(?P<rest>.*))?$",
    re.I,
)
_AGRICULTURAL = re.compile(r"^(EA|ADSZ|ADFM|ADSZR|ADFMR|AD S/Z|AD F/M)$")
_SEASON_GROUP = re.compile(
    r"\(([^()]*\b(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\b[^()]*)\)"
)
# program codes, tolerating stray spaces, dots and trailing commas ("E IL", ".OM", "C,)")
_PROGRAM_GROUP = re.compile(r"\(\s*([A-Z]{1,2}[+*]?(?:[\s,.]+[A-Z]{1,2}[+*]?)*)[\s,]*\)")


@dataclass(frozen=True)
class AdValorem:
    percent: Decimal
    qualifier: str = ""
    note: str = ""

    @property
    def computable(self) -> bool:
        return not self.qualifier


@dataclass(frozen=True)
class Specific:
    amount: Decimal  # in whole currency units (US cents already divided by 100)
    currency: str
    per: Decimal  # "41.20 EUR / 100 kg" -> per 100
    unit: str  # canonical unit; "kg:clean" style when the unit itself is qualified
    qualifier: str = ""

    @property
    def computable(self) -> bool:
        return not self.qualifier and ":" not in self.unit


@dataclass(frozen=True)
class Opaque:
    """A term the grammar recognises but that has no amount (EU agricultural components)."""

    text: str

    @property
    def computable(self) -> bool:
        return False


Term = AdValorem | Specific | Opaque


@dataclass(frozen=True)
class Formula:
    terms: tuple[Term, ...]
    minimum: tuple[Term, ...] = ()
    maximum: tuple[Term, ...] = ()

    @property
    def computable(self) -> bool:
        return all(t.computable for t in (*self.terms, *self.minimum, *self.maximum))


DayRange = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True)
class Season:
    formula: Formula
    ranges: tuple[DayRange, ...]  # empty: the rest of the year


@dataclass(frozen=True)
class DutyRate:
    """One parsed rate text; ``kind`` is free, no_change, formula, seasonal, ch99 or reference."""

    text: str
    kind: str
    formula: Formula | None = None
    seasons: tuple[Season, ...] = ()
    reason: str = ""

    @property
    def computable(self) -> bool:
        if self.kind in ("free", "no_change"):
            return True
        if self.kind in ("formula", "ch99"):
            return self.formula is not None and self.formula.computable
        if self.kind == "seasonal":
            return all(s.formula.computable for s in self.seasons)
        return False

    @property
    def form(self) -> str:
        """ad_valorem, specific, compound, free... as a person would call the rate."""
        if self.kind != "formula" or self.formula is None:
            return self.kind
        kinds = {type(t).__name__ for t in self.formula.terms}
        if self.formula.minimum or self.formula.maximum or len(kinds) > 1:
            return "compound"
        return "ad_valorem" if kinds == {"AdValorem"} else "specific"


@dataclass(frozen=True)
class ProgramRate:
    """A rate of the US 'Special' column with the programs (country codes) it is for."""

    rate: DutyRate
    programs: tuple[str, ...] = field(default_factory=tuple)


def _decimal(number: str) -> Decimal:
    return Decimal(number.replace(",", ""))


def _normalise(text: str) -> str:
    text = " ".join(text.replace("\u00a0", " ").split())
    # the HTS export keeps hyphenation from the printed schedule: "thou- sand"
    text = re.sub(r"(?<=[a-z])- (?=[a-z])", "", text)
    return text.rstrip(".").strip()


@lru_cache(maxsize=16384)
def parse_rate(text: str) -> DutyRate:
    """Parse one rate text (US general / column 2, UK or EU rate); raise RateParseError."""
    norm = _normalise(text)
    if not norm:
        raise RateParseError(text, "empty rate text")
    low = norm.lower()
    if low in ("free", "no additional duty"):
        return DutyRate(text, "free")
    if not re.search(r"\w", norm):
        return DutyRate(
            text, "reference", reason=f"placeholder {norm!r} instead of a rate in the source"
        )
    if low == "no change":
        return DutyRate(text, "no_change")
    ch99 = _CH99.match(norm)
    if ch99:
        rest = ch99.group("rest")
        rest_formula = _parse_formula(rest, text) if rest else Formula(())
        return DutyRate(text, "ch99", formula=rest_formula)
    if low.startswith(_REFERENCE_PREFIXES) or any(p.search(norm) for p in _REFERENCE_PATTERNS):
        return DutyRate(text, "reference", reason="defers to another provision or needs a formula")
    if _SEASON_GROUP.search(norm):
        return DutyRate(text, "seasonal", seasons=_parse_seasons(norm, text))
    return DutyRate(text, "formula", formula=_parse_formula(norm, text))


@lru_cache(maxsize=16384)
def parse_special(text: str) -> tuple[ProgramRate, ...]:
    """Parse the US 'Special' column: rates each followed by its program codes."""
    norm = " ".join(text.split())
    if not norm:
        return ()
    groups = list(_PROGRAM_GROUP.finditer(norm))
    if not groups:
        return (ProgramRate(parse_rate(norm)),)
    out: list[ProgramRate] = []
    start = 0
    for match in groups:
        rate_text = norm[start : match.start()].strip()
        if not rate_text:
            raise RateParseError(text, "program list without a rate")
        programs = tuple(p for p in re.split(r"[\s,.]+", match.group(1)) if p)
        out.append(ProgramRate(parse_rate(rate_text), programs))
        start = match.end()
    if norm[start:].strip():
        raise RateParseError(text, f"text after the last program list: {norm[start:].strip()!r}")
    return tuple(out)


def _split_top(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts]


def _parse_formula(text: str, original: str) -> Formula:
    pieces = re.split(r"\s+(MIN|MAX)\s+", text)
    base = _parse_sum(pieces[0], original)
    minimum: tuple[Term, ...] = ()
    maximum: tuple[Term, ...] = ()
    for keyword, body in zip(pieces[1::2], pieces[2::2], strict=True):
        parsed = _parse_sum(body, original)
        if keyword == "MIN":
            minimum = parsed
        else:
            maximum = parsed
    return Formula(base, minimum, maximum)


def _parse_sum(text: str, original: str) -> tuple[Term, ...]:
    terms = list(_split_top(text, "+"))
    if any(not t for t in terms):
        raise RateParseError(original, "empty term around '+'")
    return tuple(_parse_term(t, original) for t in terms)


def _parse_term(term: str, original: str) -> Term:
    if _AGRICULTURAL.match(term):
        return Opaque(term)
    match = re.match(rf"^({_NUM})\s*%\s*(.*)$", term)
    if match:
        qualifier = match.group(2).strip()
        if qualifier and not re.match(r"^(on|upon)\b", qualifier, re.I):
            raise RateParseError(original, f"unexpected text after percent: {qualifier!r}")
        return AdValorem(_decimal(match.group(1)), qualifier)
    match = re.match(rf"^a duty of ({_NUM})\s*%\s*(.*)$", term, re.I)
    if match:
        return AdValorem(_decimal(match.group(1)), match.group(2).strip())
    match = re.match(rf"^({_NUM})\s*¢\s*(.*)$", term)
    if match:
        return _specific(_decimal(match.group(1)) / HUNDRED, "USD", match.group(2), original)
    match = re.match(rf"^\$\s*({_NUM})\s*(.*)$", term)
    if match:
        return _specific(_decimal(match.group(1)), "USD", match.group(2), original)
    match = re.match(rf"^({_NUM})\s*(EUR|GBP|€)\s*(.*)$", term)
    if match:
        currency = "EUR" if match.group(2) == "€" else match.group(2)
        return _specific(_decimal(match.group(1)), currency, match.group(3), original)
    if re.fullmatch(r"\d+(?:\.\d+)?", term):
        # EU CET quirk: "6.4 + 24.6 EUR/100 kg" drops the percent sign of the ad valorem part
        return AdValorem(_decimal(term), note="percent sign missing in the source text")
    raise RateParseError(original, f"unrecognised term {term!r}")


def _specific(amount: Decimal, currency: str, unit_text: str, original: str) -> Specific:
    spec = unit_text.strip()
    each = re.match(r"^each\b\s*(.*)$", spec, re.I)
    if each:
        return Specific(amount, currency, Decimal(1), "item", each.group(1).strip())
    if not spec.startswith("/"):
        raise RateParseError(original, f"specific amount without a unit: {unit_text!r}")
    spec = spec[1:].strip()
    prefix_qualifier = ""
    vol = re.match(r"^%\s*vol\s*/\s*(.*)$", spec, re.I)
    if vol:
        prefix_qualifier, spec = "% vol", vol.group(1)
    per = Decimal(1)
    per_match = re.match(r"^(\d[\d,]*)\s*(.*)$", spec)
    if per_match:
        per, spec = _decimal(per_match.group(1)), per_match.group(2)
    for pattern, unit in _UNIT_WORDS:
        unit_match = re.match(pattern, spec, re.I)
        if unit_match:
            rest = spec[unit_match.end() :].strip().lstrip("/").strip()
            if rest.lower() == "net":  # net weight is the weight a line declares
                rest = ""
            qualifier = " ".join(q for q in (prefix_qualifier, rest) if q)
            return Specific(amount, currency, per, unit, qualifier)
    if re.match(r"thousand\b", spec, re.I):
        return Specific(amount, currency, per * 1000, "item", spec[8:].strip())
    if per_match and not spec:
        return Specific(amount, currency, per, "item", prefix_qualifier)
    raise RateParseError(original, f"unknown unit {unit_text!r}")


def _day(text: str, fallback_month: int | None) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2})\s*([A-Z]+)?", text.strip())
    if not match:
        raise ValueError(text)
    day = int(match.group(1))
    month = _MONTHS[match.group(2)] if match.group(2) else fallback_month
    if month is None:
        raise ValueError(text)
    # the CET writes "31 APR": read as the month's last day
    return month, min(day, _MONTH_DAYS[month])


def _parse_ranges(text: str, original: str) -> tuple[DayRange, ...]:
    ranges: list[DayRange] = []
    for chunk in text.split(","):
        try:
            start_text, end_text = (p.strip() for p in chunk.split("-"))
            end = _day(end_text, None)
            start = _day(start_text, end[0])
        except (ValueError, KeyError) as exc:
            raise RateParseError(original, f"bad season {chunk.strip()!r}") from exc
        ranges.append((start, end))
    return tuple(ranges)


def _parse_seasons(text: str, original: str) -> tuple[Season, ...]:
    seasons: list[Season] = []
    start = 0
    for match in _SEASON_GROUP.finditer(text):
        body = text[start : match.start()].strip().lstrip(",").strip()
        seasons.append(
            Season(_parse_formula(body, original), _parse_ranges(match.group(1), original))
        )
        start = match.end()
    tail = text[start:].strip().lstrip(",").strip()
    if tail:
        seasons.append(Season(_parse_formula(tail, original), ()))
    return tuple(seasons)


def _in_range(day: tuple[int, int], span: DayRange) -> bool:
    start, end = span
    return start <= day <= end if start <= end else (day >= start or day <= end)


# ---- evaluation -----------------------------------------------------------------

QuantityOf = Callable[[str], Decimal]  # canonical unit -> quantity, raises if unknown
Convert = Callable[[Decimal, str], Decimal]  # amount in currency -> destination currency


@dataclass(frozen=True)
class DutyContext:
    customs_value: Decimal  # in the destination currency
    quantity_of: QuantityOf
    convert: Convert
    on: date


def season_for(rate: DutyRate, on: date) -> Formula:
    """The formula of a seasonal rate that applies on the given day."""
    day = (on.month, on.day)
    for season in rate.seasons:
        if season.ranges and any(_in_range(day, r) for r in season.ranges):
            return season.formula
    for season in rate.seasons:
        if not season.ranges:
            return season.formula
    raise RateNotComputable(rate.text, f"no seasonal rate covers {on.isoformat()}")


def _term_amount(term: Term, ctx: DutyContext, text: str) -> Decimal:
    if isinstance(term, AdValorem):
        if term.qualifier:
            raise RateNotComputable(text, f"ad valorem part is {term.qualifier!r}")
        return ctx.customs_value * term.percent / HUNDRED
    if isinstance(term, Specific):
        if not term.computable:
            what = term.qualifier or term.unit.split(":", 1)[1]
            raise RateNotComputable(text, f"specific part needs the quantity {what!r}")
        quantity = ctx.quantity_of(term.unit)
        return ctx.convert(term.amount * quantity / term.per, term.currency)
    raise RateNotComputable(text, f"component {term.text!r} depends on composition data")


def evaluate_formula(formula: Formula, ctx: DutyContext, text: str) -> Decimal:
    """The unrounded duty of a formula in the destination currency."""
    total = sum((_term_amount(t, ctx, text) for t in formula.terms), Decimal(0))
    if formula.minimum:
        total = max(total, sum((_term_amount(t, ctx, text) for t in formula.minimum), Decimal(0)))
    if formula.maximum:
        total = min(total, sum((_term_amount(t, ctx, text) for t in formula.maximum), Decimal(0)))
    return total


def evaluate(rate: DutyRate, ctx: DutyContext) -> Decimal:
    """The unrounded duty for a rate; ``no_change`` must be resolved by the caller."""
    if rate.kind == "free":
        return Decimal(0)
    if rate.kind in ("formula", "ch99") and rate.formula is not None:
        return evaluate_formula(rate.formula, ctx, rate.text)
    if rate.kind == "seasonal":
        return evaluate_formula(season_for(rate, ctx.on), ctx, rate.text)
    if rate.kind == "no_change":
        raise RateNotComputable(rate.text, "'No change' refers to another column")
    raise RateNotComputable(rate.text, rate.reason or "refers to another provision")
