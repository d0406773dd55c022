"""The ledger API for bank statements, reconciliation and reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from seaward.core.access import MemberRequest
from seaward.ledger import selectors, services
from seaward.ledger.api_support import (
    Pages,
    can_manage,
    can_see,
    checked_day,
    get_or_404,
)
from seaward.ledger.models import (
    BankStatement,
    StatementLine,
)

router = Router(tags=["ledger"])


# --- statements and reconciliation ---------------------------------------------------------------
class LineOut(Schema):
    id: int
    position: int
    amount: Decimal
    currency: str
    booking_date: date | None
    value_date: date | None
    reference: str
    counterparty: str
    remittance: str
    status: str
    confidence: Decimal | None
    match_kind: str
    match_keys: list[int]
    match_charges: Decimal | None
    match_reasons: list[str]
    receipt_id: int | None


class StatementOut(Schema):
    id: int
    format: str
    account_id: int | None
    account_number: str
    statement_id: str
    currency: str
    opening_balance: Decimal | None
    closing_balance: Decimal | None
    opening_date: date | None
    closing_date: date | None
    balance_difference: Decimal | None
    confirmed_unbalanced: bool
    warnings: list[str]


class StatementDetailOut(StatementOut):
    lines: list[LineOut]


class ImportOut(Schema):
    created: list[StatementOut]
    duplicates: list[StatementOut]
    auto_posted: int
    suggested: int


@router.get("/ledger/statements", response=list[StatementOut], summary="Imported statements")
@paginate(Pages)
def statement_list(request: MemberRequest) -> Any:
    can_see(request)
    return selectors.statements()


@router.post(
    "/ledger/statements",
    response={201: ImportOut},
    summary="Import an MT940/MT942/camt.052/053/054 file (idempotent)",
)
def statement_upload(
    request: MemberRequest,
    file: File[UploadedFile],
    confirm_unbalanced: Form[bool] = False,
) -> Any:
    can_manage(request)
    data = file.read(services.statements.MAX_UPLOAD_BYTES + 1) if file.size is not None else b""
    result = services.statement_import(
        data=data,
        file_name=file.name or "",
        actor=request.user,
        confirm_unbalanced=confirm_unbalanced,
    )
    return Status(201, result)


@router.get(
    "/ledger/statements/{statement_id}",
    response=StatementDetailOut,
    summary="One statement with its lines",
)
def statement_get(request: MemberRequest, statement_id: int) -> Any:
    can_see(request)
    return get_or_404(BankStatement.objects.prefetch_related("lines"), statement_id)


@router.get(
    "/ledger/reconciliation", response=list[LineOut], summary="Lines waiting for confirmation"
)
def reconciliation_queue(request: MemberRequest) -> Any:
    can_see(request)
    return selectors.reconciliation_queue()


@router.post(
    "/ledger/statement-lines/{line_id}/confirm",
    response=LineOut,
    summary="Confirm the suggested match of a statement line (posts the receipt)",
)
def line_confirm(request: MemberRequest, line_id: int) -> Any:
    line = get_or_404(StatementLine.objects.all(), line_id)
    can_manage(request)
    return services.line_confirm(line=line, actor=request.user)


# --- reports -------------------------------------------------------------------------
class TrialRowOut(Schema):
    account_id: int
    code: str
    currency: str
    balance: Decimal
    functional: Decimal


class TrialBalanceOut(Schema):
    currency: str
    on: date | None
    rows: list[TrialRowOut]
    total_debit: Decimal
    total_credit: Decimal


@router.get("/ledger/reports/trial-balance", response=TrialBalanceOut, summary="Trial balance")
def trial_balance(request: MemberRequest, on: date | None = None) -> Any:
    can_see(request)
    report = selectors.trial_balance(checked_day(on, "on") if on else None)
    return {
        "currency": report.currency,
        "on": report.on,
        "rows": [
            {
                "account_id": r.account.pk,
                "code": r.account.code,
                "currency": r.account.currency,
                "balance": r.balance,
                "functional": r.functional,
            }
            for r in report.rows
        ],
        "total_debit": report.total_debit,
        "total_credit": report.total_credit,
    }


class AgingRowOut(Schema):
    buyer_id: int
    buyer: str
    currency: str
    buckets: dict[str, Decimal]
    total: Decimal
    functional: Decimal


class AgingOut(Schema):
    on: date
    currency: str
    rows: list[AgingRowOut]
    functional_by_bucket: dict[str, Decimal]
    total_functional: Decimal
    dso: Decimal | None


@router.get("/ledger/reports/aging", response=AgingOut, summary="AR aging by buyer, and DSO")
def aging(request: MemberRequest) -> Any:
    can_see(request)
    report = selectors.ar_aging()
    return {**report.__dict__, "dso": selectors.dso()}


class ExposureRowOut(Schema):
    currency: str
    receivables: Decimal
    bank: Decimal
    advances: Decimal
    net: Decimal
    carrying: Decimal
    rate: Decimal | None
    rate_source: str
    value: Decimal | None
    one_percent: Decimal | None


class ExposureOut(Schema):
    currency: str
    rows: list[ExposureRowOut]
    total_value: Decimal
    total_one_percent: Decimal


@router.get(
    "/ledger/reports/exposure",
    response=ExposureOut,
    summary="FX exposure by currency and what a 1 % move does",
)
def exposure(request: MemberRequest) -> Any:
    can_see(request)
    return selectors.fx_exposure()


class CashRowOut(Schema):
    account_id: int
    code: str
    currency: str
    balance: Decimal
    functional: Decimal


class CashOut(Schema):
    currency: str
    rows: list[CashRowOut]
    total_functional: Decimal


@router.get("/ledger/reports/cash", response=CashOut, summary="Cash position by bank account")
def cash(request: MemberRequest) -> Any:
    can_see(request)
    report = selectors.cash_position()
    return {
        "currency": report.currency,
        "rows": [
            {
                "account_id": r.account.pk,
                "code": r.account.code,
                "currency": r.account.currency,
                "balance": r.balance,
                "functional": r.functional,
            }
            for r in report.rows
        ],
        "total_functional": report.total_functional,
    }
