"""Reads of the ledger: lists, trial balance, account ledger, AR aging, DSO, FX exposure,
cash position. Reports return frozen dataclasses."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils import timezone

from seaward.core.errors import DomainError
from seaward.ledger import fxgains
from seaward.ledger.models import (
    Account,
    BankStatement,
    JournalEntry,
    Posting,
    Receipt,
    Receivable,
    Revaluation,
    Settlement,
    StatementLine,
    stored,
)
from seaward.ledger.postings import REVALUED_PURPOSES, AccountType, Purpose, Rate
from seaward.ledger.services.journal import home_currency, reference_rate

ZERO = Decimal(0)


def accounts() -> QuerySet[Account]:
    return Account.objects.all()


def bank_accounts() -> QuerySet[Account]:
    return Account.objects.filter(purpose=Purpose.BANK)


def entries() -> QuerySet[JournalEntry]:
    return JournalEntry.objects.all()


def receivables(*, status: str = "", buyer_id: int | None = None) -> QuerySet[Receivable]:
    rows = Receivable.objects.select_related("buyer")
    if status == "open":
        rows = rows.filter(open_amount__gt=0)
    elif status:
        rows = rows.filter(status=status)
    if buyer_id:
        rows = rows.filter(buyer_id=buyer_id)
    return rows


def receipts() -> QuerySet[Receipt]:
    return Receipt.objects.select_related("account", "payer")


def settlements() -> QuerySet[Settlement]:
    return Settlement.objects.select_related("source_account", "target_account")


def revaluations() -> QuerySet[Revaluation]:
    return Revaluation.objects.all()


def statements() -> QuerySet[BankStatement]:
    return BankStatement.objects.select_related("account")


def statement_lines(statement: BankStatement) -> QuerySet[StatementLine]:
    return StatementLine.objects.filter(statement=statement).select_related("receipt")


def with_suggestions(lines: list[StatementLine]) -> list[StatementLine]:
    """Attach ``suggestion``: the invoice numbers or receipt a line's match points at."""
    invoice_keys = {k for line in lines if line.match_kind == "invoice" for k in line.match_keys}
    receipt_keys = {k for line in lines if line.match_kind == "receipt" for k in line.match_keys}
    numbers = dict(
        Receivable.objects.filter(pk__in=invoice_keys).values_list("pk", "invoice_number")
    )
    receipts = {r.pk: str(r) for r in Receipt.objects.filter(pk__in=receipt_keys)}
    for line in lines:
        names = numbers if line.match_kind == "invoice" else receipts
        line.suggestion = ", ".join(str(names.get(k, k)) for k in line.match_keys)  # type: ignore[attr-defined]
    return lines


def reconciliation_queue() -> QuerySet[StatementLine]:
    return StatementLine.objects.filter(status=StatementLine.Status.SUGGESTED).select_related(
        "statement"
    )


# --- trial balance and account ledger ---------------------------------------------------------
@dataclass(frozen=True)
class TrialBalanceRow:
    account: Account
    balance: Decimal
    functional: Decimal

    @property
    def debit(self) -> Decimal:
        return self.functional if self.functional > 0 else ZERO

    @property
    def credit(self) -> Decimal:
        return -self.functional if self.functional < 0 else ZERO


@dataclass(frozen=True)
class TrialBalance:
    on: date | None
    currency: str
    rows: list[TrialBalanceRow]
    total_debit: Decimal
    total_credit: Decimal


def trial_balance(on: date | None = None) -> TrialBalance:
    """Every account's balance (sum of its postings dated ≤ ``on``), functional totals."""
    sums = Posting.objects.all()
    if on is not None:
        sums = sums.filter(entry__entry_date__lte=on)
    totals = {
        row["account_id"]: (stored(row["b"]), stored(row["f"]))
        for row in sums.values("account_id").annotate(b=Sum("amount"), f=Sum("functional_amount"))
    }
    rows = [
        TrialBalanceRow(a, *totals.get(a.pk, (ZERO, ZERO)))
        for a in Account.objects.all()
        if a.pk in totals
    ]
    return TrialBalance(
        on,
        home_currency(),
        rows,
        sum((r.debit for r in rows), ZERO),
        sum((r.credit for r in rows), ZERO),
    )


@dataclass(frozen=True)
class LedgerLine:
    posting: Posting
    running: Decimal
    running_functional: Decimal


def account_ledger(account: Account, *, limit: int = 500) -> list[LedgerLine]:
    lines = []
    running = running_functional = ZERO
    rows = (
        Posting.objects.filter(account=account)
        .select_related("entry")
        .order_by("entry__entry_date", "entry_id", "id")
    )
    for posting in rows:
        running += posting.amount
        running_functional += posting.functional_amount
        lines.append(LedgerLine(posting, running, running_functional))
    return lines[-limit:]


# --- receivables: aging, DSO ----------------------------------------------------------------
AGING_BUCKETS = ("current", "1-30", "31-60", "61-90", "90+")


def _bucket(days_overdue: int) -> str:
    if days_overdue <= 0:
        return "current"
    if days_overdue <= 30:
        return "1-30"
    if days_overdue <= 60:
        return "31-60"
    if days_overdue <= 90:
        return "61-90"
    return "90+"


@dataclass
class AgingRow:
    buyer_id: int
    buyer: str
    currency: str
    buckets: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(AGING_BUCKETS, ZERO))
    total: Decimal = ZERO
    functional: Decimal = ZERO


@dataclass(frozen=True)
class Aging:
    on: date
    currency: str
    rows: list[AgingRow]
    functional_by_bucket: dict[str, Decimal]
    total_functional: Decimal


def ar_aging(on: date | None = None) -> Aging:
    """Open receivables by buyer and currency, bucketed by days past due."""
    today = on or timezone.localdate()
    rows: dict[tuple[int, str], AgingRow] = {}
    by_bucket = dict.fromkeys(AGING_BUCKETS, ZERO)
    for r in Receivable.objects.filter(open_amount__gt=0).select_related("buyer"):
        key = (r.buyer_id, r.currency)
        row = rows.setdefault(key, AgingRow(r.buyer_id, r.buyer.name, r.currency))
        bucket = _bucket((today - r.due_date).days)
        row.buckets[bucket] += r.open_amount
        row.total += r.open_amount
        row.functional += r.open_functional
        by_bucket[bucket] += r.open_functional
    ordered = sorted(rows.values(), key=lambda row: (row.buyer, row.currency))
    return Aging(today, home_currency(), ordered, by_bucket, sum(by_bucket.values(), ZERO))


def dso(*, days: int = 90, on: date | None = None) -> Decimal | None:
    """Days sales outstanding: open receivables / credit sales of the last ``days`` × days."""
    today = on or timezone.localdate()
    sales = stored(
        Receivable.objects.filter(
            invoice_date__gt=today - timedelta(days=days), invoice_date__lte=today
        ).aggregate(total=Sum("functional_amount"))["total"]
    )
    if not sales:
        return None
    open_total = (
        Receivable.objects.filter(open_amount__gt=0).aggregate(total=Sum("open_functional"))[
            "total"
        ]
        or ZERO
    )
    return (open_total / sales * days).quantize(Decimal("0.1"))


# --- FX exposure and cash ----------------------------------------------------------------------
def _latest_rate(currency: str, on: date) -> Rate | None:
    """The reference rate of ``on``, else of the latest ECB publication before it."""
    try:
        return reference_rate(currency, on, stale_ok=True)
    except DomainError:
        return None


@dataclass(frozen=True)
class ExposureRow:
    currency: str
    receivables: Decimal
    bank: Decimal
    advances: Decimal
    net: Decimal
    carrying: Decimal
    rate: Decimal | None
    rate_source: str
    value: Decimal | None  # net at today's reference rate, in home currency
    one_percent: Decimal | None  # what a 1 % move of the currency does to ``value``


@dataclass(frozen=True)
class Exposure:
    currency: str
    rows: list[ExposureRow]
    total_value: Decimal
    total_one_percent: Decimal


def fx_exposure(on: date | None = None) -> Exposure:
    """Open foreign-currency receivables, bank balances and advances; a 1 % move."""
    home = home_currency()
    today = on or timezone.localdate()
    figures: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for a in Account.objects.filter(purpose__in=[p.value for p in REVALUED_PURPOSES]).exclude(
        currency=home
    ):
        figures[a.currency][a.purpose] += a.balance
        figures[a.currency]["carrying"] += a.functional_balance
    rows = []
    for currency in sorted(figures):
        f = figures[currency]
        net = f[Purpose.RECEIVABLE] + f[Purpose.BANK] + f[Purpose.CUSTOMER_ADVANCE]
        rate = _latest_rate(currency, today)
        value = fxgains.functional_value(net, rate.value, home) if rate else None
        rows.append(
            ExposureRow(
                currency,
                f[Purpose.RECEIVABLE],
                f[Purpose.BANK],
                -f[Purpose.CUSTOMER_ADVANCE],
                net,
                f["carrying"],
                rate.value if rate else None,
                rate.source if rate else "",
                value,
                (value / 100).quantize(Decimal("0.01")) if value is not None else None,
            )
        )
    return Exposure(
        home,
        rows,
        sum((r.value for r in rows if r.value is not None), ZERO),
        sum((r.one_percent for r in rows if r.one_percent is not None), ZERO),
    )


@dataclass(frozen=True)
class CashRow:
    account: Account
    balance: Decimal
    functional: Decimal


@dataclass(frozen=True)
class CashPosition:
    currency: str
    rows: list[CashRow]
    total_functional: Decimal


def cash_position() -> CashPosition:
    rows = [CashRow(a, a.balance, a.functional_balance) for a in bank_accounts()]
    return CashPosition(home_currency(), rows, sum((r.functional for r in rows), ZERO))


@dataclass(frozen=True)
class FxResult:
    realized: Decimal
    unrealized: Decimal
    spread: Decimal


def fx_result(*, start: date | None = None, end: date | None = None) -> FxResult:
    """FX gain (+) or loss (−) in home currency over a period, by kind."""
    postings = Posting.objects.all()
    if start:
        postings = postings.filter(entry__entry_date__gte=start)
    if end:
        postings = postings.filter(entry__entry_date__lte=end)
    sums = {
        row["account__purpose"]: stored(row["f"])
        for row in postings.filter(
            account__purpose__in=[Purpose.FX_REALIZED, Purpose.FX_UNREALIZED, Purpose.FX_SPREAD]
        )
        .values("account__purpose")
        .annotate(f=Sum("functional_amount"))
    }
    # Income accounts are credit-normal: a credit (negative) is a gain.
    return FxResult(
        -sums.get(Purpose.FX_REALIZED, ZERO),
        -sums.get(Purpose.FX_UNREALIZED, ZERO),
        sums.get(Purpose.FX_SPREAD, ZERO),
    )


@dataclass(frozen=True)
class MoneySummary:
    currency: str
    cash: Decimal
    receivables: Decimal
    overdue: Decimal
    dso: Decimal | None
    to_confirm: int
    fx: FxResult


def money_summary() -> MoneySummary:
    aging = ar_aging()
    return MoneySummary(
        home_currency(),
        cash_position().total_functional,
        aging.total_functional,
        aging.total_functional - aging.functional_by_bucket["current"],
        dso(),
        reconciliation_queue().count(),
        fx_result(),
    )


def account_types() -> list[str]:
    return [t.value for t in AccountType]
