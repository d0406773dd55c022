"""Bank statement import (idempotent, all-or-nothing) and reconciliation of its lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from seaward.core.errors import Conflict, DomainError, InvalidInput, gettext_noop
from seaward.core.money import Money
from seaward.ledger import matching
from seaward.ledger.errors import LineAlreadyReconciled, NothingToMatch, UnbalancedStatement
from seaward.ledger.models import Account, BankStatement, Receipt, Receivable, StatementLine
from seaward.ledger.postings import Purpose
from seaward.ledger.services.journal import normalize_account_number
from seaward.ledger.services.trade import receipt_record
from seaward.ledger.statements import Statement, fingerprint, parse_bytes
from seaward.organizations.audit import audit_record
from seaward.organizations.models import Party

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@dataclass
class ImportResult:
    created: list[BankStatement] = field(default_factory=list)
    duplicates: list[BankStatement] = field(default_factory=list)
    auto_posted: int = 0
    suggested: int = 0


def _account_of(statement: Statement) -> Account | None:
    number = normalize_account_number(statement.account)
    if not number:
        return None
    candidates = Account.objects.filter(purpose=Purpose.BANK, bank_account_number=number)
    if statement.currency:
        candidates = candidates.filter(currency=statement.currency)
    return candidates.first()


def _text(value: str | None, size: int) -> str:
    return (value or "")[:size]


def _store(
    statement: Statement, digest: str, file_name: str, actor: Any, confirmed: bool
) -> BankStatement:
    row = BankStatement.objects.create(
        fingerprint=digest,
        format=statement.format.value,
        account=_account_of(statement),
        account_number=_text(statement.account, 60),
        statement_id=_text(statement.statement_id, 100),
        currency=_text(statement.currency, 3),
        opening_balance=statement.opening_balance,
        closing_balance=statement.closing_balance,
        opening_date=statement.opening_date,
        closing_date=statement.closing_date,
        balance_difference=statement.balance_difference,
        confirmed_unbalanced=confirmed and bool(statement.balance_difference),
        file_name=file_name[:200],
        warnings=list(statement.warnings),
        imported_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    StatementLine.objects.bulk_create(line_rows(row, statement), batch_size=500)
    return row


def line_rows(row: BankStatement, statement: Statement) -> list[StatementLine]:
    return [
        StatementLine(
            organization_id=row.organization_id,
            statement=row,
            position=position,
            amount=entry.amount,
            currency=_text(entry.currency or statement.currency, 3),
            booking_date=entry.booking_date,
            value_date=entry.value_date,
            reference=_text(entry.reference, 300),
            counterparty=_text(entry.counterparty, 300),
            remittance=entry.remittance or "",
            bank_reference=_text(entry.bank_reference, 100),
            booked=entry.is_booked,
        )
        for position, entry in enumerate(statement.entries, start=1)
    ]


def statement_import(
    *,
    data: bytes,
    file_name: str = "",
    actor: Any,
    confirm_unbalanced: bool = False,
    reconcile: bool = True,
) -> ImportResult:
    """Import every statement of a file, all or nothing, then reconcile the new ones.

    A rejected file raises ``StatementRejected`` before anything is written; a statement
    already imported (same fingerprint) is skipped; a statement whose balances don't add
    up raises ``UnbalancedStatement`` (with the difference) unless ``confirm_unbalanced``.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise InvalidInput(
            gettext_noop("The file is larger than %(limit)s bytes."),
            code="statement_too_large",
            field="file",
            params={"limit": MAX_UPLOAD_BYTES},
        )
    statements = parse_bytes(data, max_bytes=MAX_UPLOAD_BYTES)
    result = ImportResult()
    pending: list[tuple[Statement, str]] = []
    for statement in statements:
        digest = fingerprint(statement)
        existing = BankStatement.objects.filter(fingerprint=digest).first()
        if existing is not None:
            result.duplicates.append(existing)
            continue
        difference = statement.balance_difference
        if difference and not confirm_unbalanced:
            raise UnbalancedStatement(
                params={"difference": f"{difference} {statement.currency or ''}".strip()},
                details={
                    "difference": str(difference),
                    "currency": statement.currency,
                    "account": statement.account,
                    "statement_id": statement.statement_id,
                },
                field="confirm_unbalanced",
            )
        if any(s[1] == digest for s in pending):
            continue
        pending.append((statement, digest))
    try:
        with transaction.atomic():
            for statement, digest in pending:
                result.created.append(
                    _store(statement, digest, file_name, actor, confirm_unbalanced)
                )
            for row in result.created:
                audit_record(actor=actor, action="ledger.statement_import", obj=row)
    except IntegrityError:
        # the same statement committed by a concurrent import since we looked
        raise Conflict(
            gettext_noop("This statement is being imported by someone else; try again."),
            code="statement_import_conflict",
        ) from None
    if reconcile:
        for row in result.created:
            posted, suggested = statement_reconcile(statement=row, actor=actor)
            result.auto_posted += posted
            result.suggested += suggested
    return result


# --- reconciliation ------------------------------------------------------------------------
def open_items(currency: str) -> list[matching.OpenItem]:
    """Open invoices and receipts recorded by hand but not yet seen on a statement."""
    items = [
        matching.OpenItem(
            r.pk, "invoice", r.invoice_number, r.buyer.name, r.currency, r.open_amount
        )
        for r in Receivable.objects.filter(currency=currency, open_amount__gt=0).select_related(
            "buyer"
        )
    ]
    items += [
        matching.OpenItem(r.pk, "receipt", r.reference, r.payer_name, r.currency, r.net_amount)
        for r in Receipt.objects.filter(currency=currency, lines__isnull=True)
    ]
    return items


def _as_line(line: StatementLine) -> matching.Line:
    return matching.Line(
        line.amount, line.currency, line.reference, line.counterparty, line.remittance
    )


def statement_reconcile(*, statement: BankStatement, actor: Any) -> tuple[int, int]:
    """Match every open line; post the confident ones, queue the rest. (posted, queued)."""
    posted = queued = 0
    lines = statement.lines.filter(booked=True, amount__gt=0).exclude(
        status=StatementLine.Status.MATCHED
    )
    for line in lines:
        found, confident = matching.best(_as_line(line), open_items(line.currency))
        if found is None:
            continue
        line.status = StatementLine.Status.SUGGESTED
        line.confidence = found.confidence
        line.match_kind = found.kind
        line.match_keys = list(found.keys)
        line.match_charges = found.charges
        line.match_reasons = list(found.reasons)
        line.save(
            update_fields=[
                "status",
                "confidence",
                "match_kind",
                "match_keys",
                "match_charges",
                "match_reasons",
            ]
        )
        if confident and statement.account_id is not None:
            try:
                line_confirm(line=line, actor=actor)
            except DomainError:
                # e.g. no rate for the day: leave it for a person, who can enter one
                queued += 1
            else:
                posted += 1
        else:
            queued += 1
    return posted, queued


def line_confirm(*, line: StatementLine, actor: Any) -> StatementLine:
    """Post (or link) the suggested match of a statement line: the one-click confirmation."""
    with transaction.atomic():
        locked = StatementLine.objects.select_for_update().get(pk=line.pk)
        if locked.status == StatementLine.Status.MATCHED:
            raise LineAlreadyReconciled()
        if locked.status != StatementLine.Status.SUGGESTED or not locked.match_keys:
            raise NothingToMatch()
        statement = locked.statement
        if locked.match_kind == "receipt":
            receipt = Receipt.objects.get(pk=locked.match_keys[0])
            if receipt.lines.exists():
                raise LineAlreadyReconciled()
        else:
            receipt = _post_receipt(locked, statement, actor)
        locked.receipt = receipt
        locked.status = StatementLine.Status.MATCHED
        locked.save(update_fields=["receipt", "status"])
        audit_record(actor=actor, action="ledger.line_reconcile", obj=statement)
    return locked


def _post_receipt(line: StatementLine, statement: BankStatement, actor: Any) -> Receipt:
    if statement.account is None:
        raise InvalidInput(
            gettext_noop(
                "No bank account with number %(number)s: add it under Accounts, then confirm."
            ),
            code="statement_account_unknown",
            params={"number": statement.account_number},
        )
    receivables = list(Receivable.objects.filter(pk__in=line.match_keys).order_by("due_date", "pk"))
    charges = line.match_charges or Decimal(0)
    available = line.amount + charges
    allocations = []
    for receivable in receivables:
        part = min(receivable.open_amount, available)
        if part > 0:
            allocations.append((receivable, part))
            available -= part
    payer = receivables[0].buyer if receivables else Party.objects.none().first()
    return receipt_record(
        account=statement.account,
        received_on=line.value_date
        or line.booking_date
        or statement.closing_date
        or line.statement.imported_at.date(),
        net_amount=Money(line.amount, line.currency),
        charges=charges,
        payer=payer,
        payer_name=line.counterparty,
        allocations=allocations,
        reference=(line.reference or line.remittance)[:200],
        actor=actor,
    )
