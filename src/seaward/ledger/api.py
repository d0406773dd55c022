"""The ledger's JSON API: accounts, entries, receivables, receipts, settlements,
revaluations, bank statements, reconciliation and reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import PageNumberPagination, paginate

from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.errors import InvalidInput, gettext_noop
from seaward.core.money import Money, to_decimal
from seaward.ledger import selectors, services
from seaward.ledger.models import (
    Account,
    BankStatement,
    JournalEntry,
    Receipt,
    Receivable,
    StatementLine,
)
from seaward.organizations.models import Party
from seaward.organizations.roles import Capability

router = Router(tags=["ledger"])


class Pages(PageNumberPagination):
    """Page numbers bounded so a huge ``page`` is a 422, not a database overflow."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=500)


M = TypeVar("M", bound=Model)
MAX_ID = 2**63 - 1
EARLIEST, LATEST = date(1990, 1, 1), date(2200, 12, 31)
AmountText = Field(..., min_length=1, max_length=40, description="decimal string, e.g. 9965.00")


def _get(queryset: QuerySet[M], pk: int) -> M:
    if not 0 < pk <= MAX_ID:
        raise Http404
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _day(value: date, field: str) -> date:
    if not EARLIEST <= value <= LATEST:
        raise InvalidInput(gettext_noop("The date is out of range."), field=field)
    return value


def _rate(value: str | None, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    rate = to_decimal(value, field=field)
    if rate <= 0 or rate >= Decimal("1e9"):
        raise InvalidInput(gettext_noop("A rate must be positive."), field=field)
    return rate


def _see(request: MemberRequest) -> None:
    ensure_capability(request, Capability.SEE_MONEY)


def _manage(request: MemberRequest) -> None:
    ensure_capability(request, Capability.MANAGE_MONEY)


# --- accounts and entries ------------------------------------------------------------------
class AccountIn(Schema):
    code: str = Field(..., min_length=1, max_length=60)
    name: str = Field(..., min_length=1, max_length=200)
    currency: str = Field(..., min_length=3, max_length=3)
    bank_account_number: str = Field("", max_length=60)


class AccountOut(Schema):
    id: int
    code: str
    name: str
    currency: str
    type: str
    purpose: str
    bank_account_number: str
    balance: Decimal
    functional_balance: Decimal


class PostingOut(Schema):
    id: int
    entry_id: int
    account_id: int
    account_code: str = Field(..., alias="account.code")
    currency: str
    amount: Decimal
    functional_amount: Decimal
    rate: Decimal
    rate_source: str
    rate_date: date | None


class EntryOut(Schema):
    id: int
    entry_date: date
    kind: str
    memo: str
    reverses_id: int | None
    postings: list[PostingOut]


class ReverseIn(Schema):
    on: date | None = None
    memo: str = Field("", max_length=200)


@router.get("/ledger/accounts", response=list[AccountOut], summary="Accounts with balances")
def account_list(request: MemberRequest) -> Any:
    _see(request)
    return selectors.accounts()


@router.post("/ledger/accounts", response={201: AccountOut}, summary="Add a bank account")
def account_create(request: MemberRequest, payload: AccountIn) -> Any:
    _manage(request)
    return Status(201, services.account_create(actor=request.user, **payload.dict()))


@router.get("/ledger/accounts/{account_id}", response=AccountOut, summary="One account")
def account_get(request: MemberRequest, account_id: int) -> Any:
    _see(request)
    return _get(Account.objects.all(), account_id)


@router.get(
    "/ledger/accounts/{account_id}/postings",
    response=list[PostingOut],
    summary="The account's postings (its ledger)",
)
@paginate(Pages)
def account_postings(request: MemberRequest, account_id: int) -> Any:
    _see(request)
    account = _get(Account.objects.all(), account_id)
    return account.postings.select_related("account").order_by("entry__entry_date", "id")


def _entries() -> QuerySet[JournalEntry]:
    return JournalEntry.objects.prefetch_related("postings__account")


@router.get("/ledger/entries", response=list[EntryOut], summary="Journal entries, newest first")
@paginate(Pages)
def entry_list(request: MemberRequest, kind: str = "") -> Any:
    _see(request)
    entries = _entries()
    return entries.filter(kind=kind) if kind else entries


@router.get("/ledger/entries/{entry_id}", response=EntryOut, summary="One journal entry")
def entry_get(request: MemberRequest, entry_id: int) -> Any:
    _see(request)
    return _get(_entries(), entry_id)


@router.post(
    "/ledger/entries/{entry_id}/reverse",
    response={201: EntryOut},
    summary="Reverse a posted entry (entries are never edited)",
)
def entry_reverse(request: MemberRequest, entry_id: int, payload: ReverseIn) -> Any:
    entry = _get(JournalEntry.objects.all(), entry_id)
    _manage(request)
    on = _day(payload.on, "on") if payload.on else None
    reversal = services.entry_reverse(entry=entry, on=on, actor=request.user, memo=payload.memo)
    return Status(201, _get(_entries(), reversal.pk))


# --- receivables, receipts, settlements, revaluations -------------------------------------------
class ReceivableIn(Schema):
    invoice_number: str = Field(..., min_length=1, max_length=60)
    buyer_id: int
    currency: str = Field(..., min_length=3, max_length=3)
    amount: str = AmountText
    invoice_date: date
    due_date: date | None = None
    rate: str | None = Field(None, max_length=40, description="home units per unit; default ECB")


class ReceivableOut(Schema):
    id: int
    invoice_number: str
    buyer_id: int
    buyer_name: str = Field(..., alias="buyer.name")
    currency: str
    amount: Decimal
    open_amount: Decimal
    functional_amount: Decimal
    open_functional: Decimal
    rate: Decimal
    rate_source: str
    invoice_date: date
    due_date: date
    status: str
    entry_id: int


@router.get("/ledger/receivables", response=list[ReceivableOut], summary="Invoice receivables")
@paginate(Pages)
def receivable_list(request: MemberRequest, status: str = "") -> Any:
    _see(request)
    return selectors.receivables(status=status)


@router.post("/ledger/receivables", response={201: ReceivableOut}, summary="Post a receivable")
def receivable_create(request: MemberRequest, payload: ReceivableIn) -> Any:
    _manage(request)
    buyer = _get(Party.objects.all(), payload.buyer_id)
    invoice_date = _day(payload.invoice_date, "invoice_date")
    receivable = services.receivable_post_invoice(
        invoice_number=payload.invoice_number,
        buyer=buyer,
        amount=Money.of(payload.amount, payload.currency),
        invoice_date=invoice_date,
        due_date=_day(payload.due_date, "due_date") if payload.due_date else None,
        rate=_rate(payload.rate, "rate"),
        actor=request.user,
    )
    return Status(201, receivable)


@router.get("/ledger/receivables/{receivable_id}", response=ReceivableOut, summary="One receivable")
def receivable_get(request: MemberRequest, receivable_id: int) -> Any:
    _see(request)
    return _get(selectors.receivables(), receivable_id)


class AllocationIn(Schema):
    receivable_id: int
    amount: str = AmountText


class ReceiptIn(Schema):
    account_id: int
    received_on: date
    currency: str = Field(..., min_length=3, max_length=3)
    net_amount: str = AmountText
    charges: str = Field("0", max_length=40)
    charge_bearer: str = Field("SHA", pattern="^(OUR|SHA|BEN)$")
    payer_id: int | None = None
    payer_name: str = Field("", max_length=300)
    reference: str = Field("", max_length=200)
    rate: str | None = Field(None, max_length=40)
    allocations: list[AllocationIn] = Field(default_factory=list, max_length=50)


class AllocationOut(Schema):
    id: int
    receivable_id: int
    amount: Decimal
    realized: Decimal


class ReceiptOut(Schema):
    id: int
    account_id: int
    payer_id: int | None
    payer_name: str
    received_on: date
    currency: str
    net_amount: Decimal
    charges: Decimal
    charge_bearer: str
    unapplied_amount: Decimal
    rate: Decimal
    rate_source: str
    reference: str
    entry_id: int
    allocations: list[AllocationOut]


class ApplyIn(Schema):
    receivable_id: int
    amount: str = AmountText
    on: date | None = None


@router.get("/ledger/receipts", response=list[ReceiptOut], summary="Receipts")
@paginate(Pages)
def receipt_list(request: MemberRequest) -> Any:
    _see(request)
    return selectors.receipts().prefetch_related("allocations")


@router.post("/ledger/receipts", response={201: ReceiptOut}, summary="Record a receipt")
def receipt_create(request: MemberRequest, payload: ReceiptIn) -> Any:
    _manage(request)
    account = _get(Account.objects.all(), payload.account_id)
    payer = _get(Party.objects.all(), payload.payer_id) if payload.payer_id else None
    allocations = [
        (_get(Receivable.objects.all(), a.receivable_id), to_decimal(a.amount))
        for a in payload.allocations
    ]
    receipt = services.receipt_record(
        account=account,
        received_on=_day(payload.received_on, "received_on"),
        net_amount=Money.of(payload.net_amount, payload.currency),
        charges=to_decimal(payload.charges, field="charges"),
        charge_bearer=payload.charge_bearer,
        payer=payer,
        payer_name=payload.payer_name,
        allocations=allocations,
        reference=payload.reference,
        rate=_rate(payload.rate, "rate"),
        actor=request.user,
    )
    return Status(201, receipt)


@router.get("/ledger/receipts/{receipt_id}", response=ReceiptOut, summary="One receipt")
def receipt_get(request: MemberRequest, receipt_id: int) -> Any:
    _see(request)
    return _get(selectors.receipts(), receipt_id)


@router.post(
    "/ledger/receipts/{receipt_id}/allocations",
    response={201: AllocationOut},
    summary="Apply unapplied cash of a receipt to an invoice",
)
def receipt_allocate(request: MemberRequest, receipt_id: int, payload: ApplyIn) -> Any:
    receipt = _get(Receipt.objects.all(), receipt_id)
    _manage(request)
    receivable = _get(Receivable.objects.all(), payload.receivable_id)
    allocation = services.receipt_allocate(
        receipt=receipt,
        receivable=receivable,
        amount=to_decimal(payload.amount),
        on=_day(payload.on, "on") if payload.on else None,
        actor=request.user,
    )
    return Status(201, allocation)


class SettlementIn(Schema):
    source_account_id: int
    target_account_id: int
    currency: str = Field(..., min_length=3, max_length=3)
    amount: str = AmountText
    bank_rate: str = Field(..., min_length=1, max_length=40)
    mid_rate: str | None = Field(None, max_length=40)
    settled_on: date
    reference: str = Field("", max_length=200)


class SettlementOut(Schema):
    id: int
    source_account_id: int
    target_account_id: int
    settled_on: date
    currency: str
    amount: Decimal
    bank_rate: Decimal
    mid_rate: Decimal | None
    proceeds: Decimal
    carrying: Decimal
    realized: Decimal
    spread: Decimal
    entry_id: int


@router.get("/ledger/settlements", response=list[SettlementOut], summary="FX settlements")
@paginate(Pages)
def settlement_list(request: MemberRequest) -> Any:
    _see(request)
    return selectors.settlements()


@router.post("/ledger/settlements", response={201: SettlementOut}, summary="Settle FX (结汇)")
def settlement_create(request: MemberRequest, payload: SettlementIn) -> Any:
    _manage(request)
    settlement = services.settlement_post(
        source_account=_get(Account.objects.all(), payload.source_account_id),
        target_account=_get(Account.objects.all(), payload.target_account_id),
        amount=Money.of(payload.amount, payload.currency),
        bank_rate=_rate(payload.bank_rate, "bank_rate") or Decimal(0),
        mid_rate=_rate(payload.mid_rate, "mid_rate"),
        settled_on=_day(payload.settled_on, "settled_on"),
        reference=payload.reference,
        actor=request.user,
    )
    return Status(201, settlement)


class RevaluationIn(Schema):
    period_end: date
    rates: dict[str, str] = Field(
        default_factory=dict, description="user rates by currency; others from the ECB"
    )


class RevaluationOut(Schema):
    id: int
    period_end: date
    rates: dict[str, Any]
    entry_id: int | None
    reversal_id: int | None


@router.get("/ledger/revaluations", response=list[RevaluationOut], summary="Revaluations")
def revaluation_list(request: MemberRequest) -> Any:
    _see(request)
    return selectors.revaluations()


@router.post(
    "/ledger/revaluations", response={201: RevaluationOut}, summary="Revalue at period end"
)
def revaluation_create(request: MemberRequest, payload: RevaluationIn) -> Any:
    _manage(request)
    rates = {}
    for currency, text in list(payload.rates.items())[:20]:
        rate = _rate(text, "rates")
        if rate is not None:
            rates[currency] = rate
    revaluation = services.revaluation_run(
        period_end=_day(payload.period_end, "period_end"), user_rates=rates, actor=request.user
    )
    return Status(201, revaluation)


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
    _see(request)
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
    _manage(request)
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
    _see(request)
    return _get(BankStatement.objects.prefetch_related("lines"), statement_id)


@router.get(
    "/ledger/reconciliation", response=list[LineOut], summary="Lines waiting for confirmation"
)
def reconciliation_queue(request: MemberRequest) -> Any:
    _see(request)
    return selectors.reconciliation_queue()


@router.post(
    "/ledger/statement-lines/{line_id}/confirm",
    response=LineOut,
    summary="Confirm the suggested match of a statement line (posts the receipt)",
)
def line_confirm(request: MemberRequest, line_id: int) -> Any:
    line = _get(StatementLine.objects.all(), line_id)
    _manage(request)
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
    _see(request)
    report = selectors.trial_balance(_day(on, "on") if on else None)
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
    _see(request)
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
    _see(request)
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
    _see(request)
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
