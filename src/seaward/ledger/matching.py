"""Reconciliation: which open invoices or expected receipts a statement line pays.

Pure Python (rapidfuzz for names). A line is scored against candidates by three
signals: the invoice number in the line's reference or remittance text, the amount
(exact, or short by no more than the bank-charge tolerance: intermediary banks keep
their fee), and the payer's name (fuzzy, ``token_set_ratio``). Several invoices
named in one remittance and adding up to the amount make one grouped candidate.
A match is *confident* when its score is high and clearly above the runner-up; such
matches post automatically, the others wait for a person to confirm.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from rapidfuzz import fuzz

AUTO_POST_CONFIDENCE = Decimal("0.90")
SUGGEST_CONFIDENCE = Decimal("0.40")
MARGIN = Decimal("0.15")
# Intermediary banks deduct fees in the tens of dollars; allow 1 % up to this cap.
CHARGE_TOLERANCE_RATE = Decimal("0.01")
CHARGE_TOLERANCE_CAP = Decimal("100")
MAX_GROUP = 4


@dataclass(frozen=True, slots=True)
class OpenItem:
    """An open invoice (or an expected receipt) that a line might pay."""

    key: int
    kind: str  # "invoice" | "receipt"
    number: str
    party: str
    currency: str
    open_amount: Decimal


@dataclass(frozen=True, slots=True)
class Line:
    amount: Decimal
    currency: str
    reference: str = ""
    counterparty: str = ""
    remittance: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    keys: tuple[int, ...]
    kind: str
    confidence: Decimal
    charges: Decimal  # expected total minus what arrived (bank charges deducted)
    reasons: tuple[str, ...]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.upper()


def _compact(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", _fold(text))


def tolerance(expected: Decimal) -> Decimal:
    return min(abs(expected) * CHARGE_TOLERANCE_RATE, CHARGE_TOLERANCE_CAP)


def reference_hit(number: str, text: str) -> bool:
    """True when the invoice ``number`` appears in ``text`` (ignoring spaces and punctuation)."""
    wanted = _compact(number)
    return len(wanted) >= 3 and wanted in _compact(text)


def name_score(party: str, payer: str) -> Decimal:
    """0–1 similarity of two company names, robust to word order and legal suffixes."""
    if not party.strip() or not payer.strip():
        return Decimal(0)
    score = fuzz.token_set_ratio(_fold(party), _fold(payer))
    return (Decimal(int(score)) / 100).quantize(Decimal("0.01"))


def _amount_signal(expected: Decimal, arrived: Decimal) -> tuple[Decimal, Decimal, str] | None:
    """(weight, charges, reason) when ``arrived`` pays ``expected``; None when it cannot."""
    short = expected - arrived
    if short == 0:
        return Decimal("0.45"), Decimal(0), "amount exact"
    if 0 < short <= tolerance(expected):
        return Decimal("0.35"), short, "amount short by bank charges"
    return None


def _score(items: Sequence[OpenItem], line: Line, text: str) -> Match | None:
    expected = sum((i.open_amount for i in items), Decimal(0))
    amount = _amount_signal(expected, line.amount)
    refs = [reference_hit(i.number, text) for i in items]
    names = max((name_score(i.party, line.counterparty or text) for i in items), default=Decimal(0))
    confidence = Decimal(0)
    reasons: list[str] = []
    charges = Decimal(0)
    if all(refs):
        confidence += Decimal("0.45")
        reasons.append("reference")
    elif any(refs):
        confidence += Decimal("0.2")
        reasons.append("partial reference")
    if amount is not None:
        weight, charges, reason = amount
        confidence += weight
        reasons.append(reason)
    elif len(items) > 1 or not all(refs):
        return None  # a group, or a line without the number, must at least add up
    if names >= Decimal("0.6"):
        confidence += Decimal("0.2") * names
        reasons.append(f"payer name {names}")
    if len(items) > 1 and not all(refs):
        confidence -= Decimal("0.1")
    return Match(
        tuple(i.key for i in items),
        items[0].kind,
        min(confidence, Decimal(1)).quantize(Decimal("0.01")),
        charges,
        tuple(reasons),
    )


def candidates(line: Line, items: Sequence[OpenItem]) -> list[Match]:
    """Every plausible match for ``line``, best first (credits only)."""
    if line.amount <= 0:
        return []
    text = " ".join(filter(None, [line.reference, line.remittance]))
    pool = [i for i in items if i.currency == line.currency and i.open_amount > 0]
    matches: list[Match] = []
    for item in pool:
        found = _score([item], line, text)
        if found is not None:
            matches.append(found)
    named = [i for i in pool if i.kind == "invoice" and reference_hit(i.number, text)]
    for size in range(2, min(len(named), MAX_GROUP) + 1):
        for group in combinations(named, size):
            found = _score(list(group), line, text)
            if found is not None:
                matches.append(found)
    matches = [m for m in matches if m.confidence >= SUGGEST_CONFIDENCE]
    matches.sort(key=lambda m: (-m.confidence, len(m.keys), m.keys))
    return matches


def best(line: Line, items: Sequence[OpenItem]) -> tuple[Match | None, bool]:
    """The best match and whether it is confident enough to post without a person."""
    found = candidates(line, items)
    if not found:
        return None, False
    top = found[0]
    runner_up = found[1].confidence if len(found) > 1 else Decimal(0)
    confident = top.confidence >= AUTO_POST_CONFIDENCE and top.confidence - runner_up >= MARGIN
    return top, confident
