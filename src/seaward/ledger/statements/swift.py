"""SWIFT MT940 (customer statement) and MT942 (interim report), read through ``mt-940``.

``mt-940`` does the tag grammar; this module wraps it against its quirks:

- it is fed cleaned text (SWIFT envelope ``{1:..}{4:..-}`` removed, blank and ``-``
  separator lines dropped) while a table keeps each kept line's number in the
  file, so a field the library cannot read is reported by line;
- the file is cut into statements here, at each ``:20:`` and at an opening balance
  that follows a balance of the same statement (files that concatenate statements
  without ``:20:``), because ``mt-940`` keeps only the last value of each tag;
- it merges ``:61:`` and ``:86:`` values into one dictionary, concatenating strings,
  so the raw values of both fields are stashed by processors before that happens;
- it opts in to every fix of ``mt940.Options`` (notably ``RC``, a reversal of a
  credit, is a debit as the SWIFT standard says; 5.0.0 kept it positive).
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import mt940

from seaward.ledger.statements import details as d86
from seaward.ledger.statements.errors import MalformedStatement
from seaward.ledger.statements.model import Statement, StatementEntry, StatementFormat

# mt-940 logs every field it cannot read at ERROR level before raising; the error
# reaches the user once, through MalformedStatement, not twice on stderr.
_MT940_LOG = logging.getLogger("mt940")
_MT940_LOG.addHandler(logging.NullHandler())
_MT940_LOG.propagate = False  # not even through a handler the application configured

# The same tag pattern mt-940 uses, so that both cut the text at the same places.
TAG_RE = re.compile(r"^:\n?(?P<full_tag>(?P<tag>[0-9]{2}|NS)(?P<sub_tag>[A-Z])?):", re.MULTILINE)
_MESSAGE_TYPE_RE = re.compile(r"\{2:[IO](9\d\d)")
_GERMAN_STRUCTURED_RE = re.compile(r"^\d{3}\?\d{2}")
_BARE_KEYWORD_RE = re.compile(r"^[A-Z]{4}\+$")
_ACCOUNT_CURRENCY_RE = re.compile(r"\d([A-Z]{3})$")
_OPTIONS = mt940.Options.all()


@dataclass(frozen=True, slots=True)
class SwiftText:
    """The message text to parse, with the file line number of each of its lines."""

    text: str
    line_starts: tuple[int, ...]
    line_numbers: tuple[int, ...]
    message_type: str | None

    def line_at(self, offset: int) -> int:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return self.line_numbers[max(index, 0)] if self.line_numbers else 1


def prepare(text: str) -> SwiftText:
    """Strip the SWIFT envelope and separator lines, remembering line numbers."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    type_match = _MESSAGE_TYPE_RE.search(text[:4096])
    has_envelope = "{4:" in text
    in_body = not has_envelope
    body_line = 0
    kept: list[tuple[int, str]] = []
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip()
        if has_envelope:
            if in_body and line.startswith("-}"):
                # The end of one message; the next may follow on the same line.
                in_body, line = False, line[2:]
            if not in_body:
                start = line.find("{4:")
                if start < 0:
                    continue
                in_body, body_line = True, number
                line = line[start + 3 :]
        if not line or line.strip() == "-":
            continue
        kept.append((number, line))
    if has_envelope and in_body:
        raise MalformedStatement(
            "the SWIFT message block {4: opened here is never closed by '-}' "
            "(the file looks truncated)",
            where=f"line {body_line}",
        )
    starts: list[int] = []
    offset = 0
    for _, line in kept:
        starts.append(offset)
        offset += len(line) + 1
    return SwiftText(
        text="\n".join(line for _, line in kept),
        line_starts=tuple(starts),
        line_numbers=tuple(number for number, _ in kept),
        message_type=type_match.group(1) if type_match else None,
    )


def _keep_line_fields(
    transactions: Any, tag: Any, tag_dict: dict[str, Any], result: dict[str, Any]
) -> dict[str, Any]:
    # The :86: merge later overwrites or concatenates these keys; keep :61:'s own.
    result["_line_reference"] = result.get("customer_reference")
    result["_line_bank_reference"] = result.get("bank_reference")
    result["_line_extra"] = result.get("extra_details")
    return result


def _keep_raw_details(
    transactions: Any, tag: Any, tag_dict: dict[str, Any], result: dict[str, Any]
) -> dict[str, Any]:
    result["_raw_details"] = str(tag_dict.get("transaction_details") or "")
    return result


def _check_currency(transactions: Any, tag: Any, tag_dict: dict[str, Any]) -> dict[str, Any]:
    # mt-940 takes any three characters as the currency of a balance.
    code = str(tag_dict.get("currency") or "")
    if not re.fullmatch(r"[A-Za-z]{3}", code):
        raise ValueError(f"{code!r} is not a currency code")
    tag_dict["currency"] = code.upper()
    return tag_dict


_DEFAULTS = mt940.models.Transactions.DEFAULT_PROCESSORS
_PROCESSORS: dict[str, Any] = {
    "post_statement": [*_DEFAULTS["post_statement"], _keep_line_fields],
    "post_transaction_details": [_keep_raw_details, *_DEFAULTS["post_transaction_details"]],
    **{
        f"pre_{slug}": [_check_currency]
        for slug in (
            "opening_balance",
            "final_opening_balance",
            "intermediate_opening_balance",
            "closing_balance",
            "final_closing_balance",
            "intermediate_closing_balance",
            "available_balance",
            "forward_available_balance",
            "floor_limit_indicator",
            "sum_entries",
            "sum_debit_entries",
            "sum_credit_entries",
        )
    },
}


class _Collector(mt940.models.Transactions):
    """One statement's worth of mt-940 parsing, reporting faults by file line."""

    def __init__(self, source: SwiftText, base: int) -> None:
        super().__init__(processors=_PROCESSORS, options=_OPTIONS)
        self.source = source
        self.base = base

    def _process_match(
        self, match: re.Match[str], i: int, valid_matches: list[re.Match[str]], data: str
    ) -> None:
        try:
            super()._process_match(match, i, valid_matches, data)
        except MalformedStatement:
            raise
        except Exception as exc:
            nxt = valid_matches[i + 1].start() if i + 1 < len(valid_matches) else len(data)
            value = data[match.end() : nxt].strip().split("\n")[0]
            field = match.group("full_tag")
            reason = "its content does not follow the field's format"
            if isinstance(exc, ArithmeticError):
                reason = "an amount is not a number"
            elif isinstance(exc, ValueError):
                reason = str(exc)
            raise MalformedStatement(
                f"field :{field}: cannot be read ({reason}): {value[:70]!r}",
                where=f"line {self.source.line_at(self.base + match.start())}",
            ) from exc


def _segments(source: SwiftText) -> list[tuple[int, int]]:
    """Start and end offsets of each statement in the prepared text."""
    probe = mt940.models.Transactions()
    matches = probe.sanitize_tag_id_matches(list(TAG_RE.finditer(source.text)))
    bounds: list[int] = []
    has_balance = False
    for match in matches:
        tag = match.group("full_tag")
        if not bounds:
            bounds.append(match.start())
        elif tag == "20" or (tag.startswith("60") and has_balance):
            bounds.append(match.start())
            has_balance = False
        if tag.startswith(("60", "62")):
            has_balance = True
    ends = [*bounds[1:], len(source.text)]
    return list(zip(bounds, ends, strict=True))


def _day(value: object) -> date | None:
    # mt-940 returns its own date subclasses; the model holds plain dates.
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    return None


def _balance(value: object) -> tuple[Decimal | None, date | None, str | None]:
    amount = getattr(value, "amount", None)
    if isinstance(amount, mt940.models.Amount):
        return amount.amount, _day(getattr(value, "date", None)), amount.currency
    return None, None, None


def _first(data: dict[str, Any], *keys: str) -> object:
    for key in keys:
        if data.get(key) is not None:
            return data[key]
    return None


def _reference(value: object) -> str | None:
    text = d86.meaningful(value)
    if text is None or _BARE_KEYWORD_RE.match(text):
        return None
    return text


def _entry(data: dict[str, Any], fallback_currency: str | None) -> StatementEntry:
    amount = data["amount"]
    raw = str(data.get("_raw_details") or "")
    joined = "".join(part.strip("\r") for part in raw.split("\n"))
    line_reference = _reference(data.get("_line_reference"))
    reference: str | None
    counterparty = account = remittance = None
    if _GERMAN_STRUCTURED_RE.match(joined):
        counterparty = d86.meaningful(data.get("applicant_name"))
        account = d86.meaningful(data.get("applicant_iban")) or d86.meaningful(
            data.get("gvc_applicant_iban")
        )
        remittance = d86.meaningful(data.get("purpose")) or d86.meaningful(data.get("posting_text"))
        reference = _reference(data.get("end_to_end_reference")) or line_reference
    elif (found := d86.read_coded(raw)) is not None:
        counterparty, account = found.counterparty, found.counterparty_account
        remittance = found.remittance
        reference = found.reference or line_reference
    else:
        remittance = d86.plain_text(raw) or d86.meaningful(data.get("_line_extra"))
        reference = line_reference
    value_date = _day(data.get("date"))
    # The entry (booking) date of :61: is optional; without it the line is booked
    # on its value date, the only date it states.
    return StatementEntry(
        amount=amount.amount,
        currency=amount.currency or fallback_currency,
        booking_date=_day(data.get("entry_date")) or value_date,
        value_date=value_date,
        reference=reference,
        counterparty=counterparty,
        remittance=remittance,
        bank_reference=_reference(data.get("_line_bank_reference")),
        counterparty_account=account,
        transaction_code=d86.meaningful(data.get("id")),
    )


def _interim_totals(data: dict[str, Any], entries: list[StatementEntry]) -> list[str]:
    """Warnings where the :90D:/:90C: totals of an MT942 disagree with its lines."""
    warnings = []
    for key, label, pick in (
        ("sum_debit_entries", "debit", lambda a: a < 0),
        ("sum_credit_entries", "credit", lambda a: a > 0),
    ):
        total = data.get(key)
        if not isinstance(total, mt940.models.Amount):
            continue
        stated = abs(total.amount)
        lines = [e.amount for e in entries if pick(e.amount)]
        found = abs(sum(lines, Decimal(0)))
        number = getattr(total, "number", None)
        if found != stated or (isinstance(number, int) and number != len(lines)):
            warnings.append(
                f"the stated {label} total ({number} entries, {stated}) differs from the "
                f"{label} lines ({len(lines)} entries, {found}); difference {stated - found}"
            )
    return warnings


def _statement(collector: _Collector, fmt: StatementFormat) -> Statement:
    data = collector.data
    opening, opening_date, opening_ccy = _balance(
        _first(data, "final_opening_balance", "intermediate_opening_balance", "opening_balance")
    )
    closing, closing_date, closing_ccy = _balance(
        _first(data, "final_closing_balance", "intermediate_closing_balance", "closing_balance")
    )
    available, _, _ = _balance(data.get("available_balance"))
    account = d86.meaningful(data.get("account_identification"))
    currency = collector.currency
    if currency is None and account and (found := _ACCOUNT_CURRENCY_RE.search(account)):
        # Some German banks append the account currency to :25: (…/9223382012EUR).
        currency = found.group(1)
    entries = [_entry(t.data, currency) for t in collector.transactions if "amount" in t.data]
    if currency is None:
        currency = next((e.currency for e in entries if e.currency), None)
    warnings = []
    if opening_ccy and closing_ccy and opening_ccy != closing_ccy:
        warnings.append(f"opening balance in {opening_ccy} but closing balance in {closing_ccy}")
    warnings.extend(_interim_totals(data, entries))
    number = d86.meaningful(data.get("statement_number"))
    sub = d86.meaningful(data.get("sequence_number"))
    created = data.get("date")
    return Statement(
        format=fmt,
        account=account,
        currency=currency,
        opening_balance=opening,
        opening_date=opening_date,
        closing_balance=closing,
        closing_date=closing_date,
        available_balance=available,
        statement_id=d86.meaningful(data.get("transaction_reference")),
        sequence=f"{number}/{sub}" if number and sub else number,
        created_at=created.isoformat() if isinstance(created, datetime) else None,
        entries=tuple(entries),
        warnings=tuple(warnings),
    )


def detect_interim(source: SwiftText) -> bool:
    """Whether the message is an MT942 interim report rather than an MT940 statement."""
    if source.message_type in ("940", "942"):
        return source.message_type == "942"
    tags = {m.group("full_tag") for m in TAG_RE.finditer(source.text)}
    has_balances = any(t.startswith(("60", "62")) for t in tags)
    return not has_balances and bool(tags & {"34F", "13D", "90D", "90C"})


def parse_swift(text: str) -> list[Statement]:
    """Every statement of an MT940 or MT942 file, in file order."""
    source = prepare(text)
    fmt = StatementFormat.MT942 if detect_interim(source) else StatementFormat.MT940
    statements = []
    for start, end in _segments(source):
        collector = _Collector(source, start)
        try:
            collector.parse(source.text[start:end])
        except MalformedStatement:
            raise
        except Exception as exc:  # anything else mt-940 raises is still a broken file
            raise MalformedStatement(
                f"the statement starting here cannot be read ({type(exc).__name__}: {exc})",
                where=f"line {source.line_at(start)}",
            ) from exc
        statements.append(_statement(collector, fmt))
    return statements
