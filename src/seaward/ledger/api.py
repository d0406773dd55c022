"""The ledger's JSON API: accounts, entries, receivables, receipts, settlements,
revaluations, bank statements, reconciliation and reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from seaward.core.access import MemberRequest
from seaward.core.money import Money, to_decimal
from seaward.ledger import selectors, services
from seaward.ledger.api_support import (
    AmountText,
    Pages,
    can_manage,
    can_see,
    checked_day,
    checked_rate,
    get_or_404,
)
from seaward.ledger.models import (
    Account,
    JournalEntry,
    Receipt,
    Receivable,
)
from seaward.ledger.statement_api import router as statement_router
from seaward.organizations.models import Party

router = Router(tags=["ledger"])


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
    can_see(request)
    return selectors.accounts()


@router.post("/ledger/accounts", response={201: AccountOut}, summary="Add a bank account")
def account_create(request: MemberRequest, payload: AccountIn) -> Any:
    can_manage(request)
    return Status(201, services.account_create(actor=request.user, **payload.dict()))


@router.get("/ledger/accounts/{account_id}", response=AccountOut, summary="One account")
def account_get(request: MemberRequest, account_id: int) -> Any:
    can_see(request)
    return get_or_404(Account.objects.all(), account_id)


@router.get(
    "/ledger/accounts/{account_id}/postings",
    response=list[PostingOut],
    summary="The account's postings (its ledger)",
)
@paginate(Pages)
def account_postings(request: MemberRequest, account_id: int) -> Any:
    can_see(request)
    account = get_or_404(Account.objects.all(), account_id)
    return account.postings.select_related("account").order_by("entry__entry_date", "id")


def _entries() -> QuerySet[JournalEntry]:
    return JournalEntry.objects.prefetch_related("postings__account")


@router.get("/ledger/entries", response=list[EntryOut], summary="Journal entries, newest first")
@paginate(Pages)
def entry_list(request: MemberRequest, kind: str = "") -> Any:
    can_see(request)
    entries = _entries()
    return entries.filter(kind=kind) if kind else entries


@router.get("/ledger/entries/{entry_id}", response=EntryOut, summary="One journal entry")
def entry_get(request: MemberRequest, entry_id: int) -> Any:
    can_see(request)
    return get_or_404(_entries(), entry_id)


@router.post(
    "/ledger/entries/{entry_id}/reverse",
    response={201: EntryOut},
    summary="Reverse a posted entry (entries are never edited)",
)
def entry_reverse(request: MemberRequest, entry_id: int, payload: ReverseIn) -> Any:
    entry = get_or_404(JournalEntry.objects.all(), entry_id)
    can_manage(request)
    on = checked_day(payload.on, "on") if payload.on else None
    reversal = services.entry_reverse(entry=entry, on=on, actor=request.user, memo=payload.memo)
    return Status(201, get_or_404(_entries(), reversal.pk))


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
    can_see(request)
    return selectors.receivables(status=status)


@router.post("/ledger/receivables", response={201: ReceivableOut}, summary="Post a receivable")
def receivable_create(request: MemberRequest, payload: ReceivableIn) -> Any:
    can_manage(request)
    buyer = get_or_404(Party.objects.all(), payload.buyer_id)
    invoice_date = checked_day(payload.invoice_date, "invoice_date")
    receivable = services.receivable_post_invoice(
        invoice_number=payload.invoice_number,
        buyer=buyer,
        amount=Money.of(payload.amount, payload.currency),
        invoice_date=invoice_date,
        due_date=checked_day(payload.due_date, "due_date") if payload.due_date else None,
        rate=checked_rate(payload.rate, "rate"),
        actor=request.user,
    )
    return Status(201, receivable)


@router.get("/ledger/receivables/{receivable_id}", response=ReceivableOut, summary="One receivable")
def receivable_get(request: MemberRequest, receivable_id: int) -> Any:
    can_see(request)
    return get_or_404(selectors.receivables(), receivable_id)


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
    can_see(request)
    return selectors.receipts().prefetch_related("allocations")


@router.post("/ledger/receipts", response={201: ReceiptOut}, summary="Record a receipt")
def receipt_create(request: MemberRequest, payload: ReceiptIn) -> Any:
    can_manage(request)
    account = get_or_404(Account.objects.all(), payload.account_id)
    payer = get_or_404(Party.objects.all(), payload.payer_id) if payload.payer_id else None
    allocations = [
        (get_or_404(Receivable.objects.all(), a.receivable_id), to_decimal(a.amount))
        for a in payload.allocations
    ]
    receipt = services.receipt_record(
        account=account,
        received_on=checked_day(payload.received_on, "received_on"),
        net_amount=Money.of(payload.net_amount, payload.currency),
        charges=to_decimal(payload.charges, field="charges"),
        charge_bearer=payload.charge_bearer,
        payer=payer,
        payer_name=payload.payer_name,
        allocations=allocations,
        reference=payload.reference,
        rate=checked_rate(payload.rate, "rate"),
        actor=request.user,
    )
    return Status(201, receipt)


@router.get("/ledger/receipts/{receipt_id}", response=ReceiptOut, summary="One receipt")
def receipt_get(request: MemberRequest, receipt_id: int) -> Any:
    can_see(request)
    return get_or_404(selectors.receipts(), receipt_id)


@router.post(
    "/ledger/receipts/{receipt_id}/allocations",
    response={201: AllocationOut},
    summary="Apply unapplied cash of a receipt to an invoice",
)
def receipt_allocate(request: MemberRequest, receipt_id: int, payload: ApplyIn) -> Any:
    receipt = get_or_404(Receipt.objects.all(), receipt_id)
    can_manage(request)
    receivable = get_or_404(Receivable.objects.all(), payload.receivable_id)
    allocation = services.receipt_allocate(
        receipt=receipt,
        receivable=receivable,
        amount=to_decimal(payload.amount),
        on=checked_day(payload.on, "on") if payload.on else None,
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
    can_see(request)
    return selectors.settlements()


@router.post("/ledger/settlements", response={201: SettlementOut}, summary="Settle FX (结汇)")
def settlement_create(request: MemberRequest, payload: SettlementIn) -> Any:
    can_manage(request)
    settlement = services.settlement_post(
        source_account=get_or_404(Account.objects.all(), payload.source_account_id),
        target_account=get_or_404(Account.objects.all(), payload.target_account_id),
        amount=Money.of(payload.amount, payload.currency),
        bank_rate=checked_rate(payload.bank_rate, "bank_rate") or Decimal(0),
        mid_rate=checked_rate(payload.mid_rate, "mid_rate"),
        settled_on=checked_day(payload.settled_on, "settled_on"),
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
    can_see(request)
    return selectors.revaluations()


@router.post(
    "/ledger/revaluations", response={201: RevaluationOut}, summary="Revalue at period end"
)
def revaluation_create(request: MemberRequest, payload: RevaluationIn) -> Any:
    can_manage(request)
    rates = {}
    for currency, text in list(payload.rates.items())[:20]:
        rate = checked_rate(text, "rates")
        if rate is not None:
            rates[currency] = rate
    revaluation = services.revaluation_run(
        period_end=checked_day(payload.period_end, "period_end"),
        user_rates=rates,
        actor=request.user,
    )
    return Status(201, revaluation)


# Statements, reconciliation and reports live in their own module.
router.add_router("", statement_router)
