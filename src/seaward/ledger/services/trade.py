"""Receivables, receipts, allocation, FX settlement and period-end revaluation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Sum

from seaward.core.errors import Conflict, InvalidInput, gettext_noop
from seaward.core.money import Money, normalize_currency
from seaward.ledger import fxgains, postings
from seaward.ledger.errors import (
    DuplicateInvoice,
    InsufficientFunds,
    InvalidPosting,
    OverAllocation,
)
from seaward.ledger.models import (
    Account,
    Allocation,
    JournalEntry,
    Posting,
    Receipt,
    Receivable,
    Revaluation,
    Settlement,
    stored,
)
from seaward.ledger.postings import Purpose, Rate, Settled
from seaward.ledger.services.journal import (
    entries_post,
    entry_post,
    entry_reverse,
    home_currency,
    lock_accounts,
    reference_rate,
)
from seaward.organizations.audit import audit_record

MAX_AMOUNT = Decimal("1e13")


def checked_amount(money: Money, *, field: str = "amount", allow_zero: bool = False) -> Decimal:
    """A positive amount within range and with no more decimals than its currency has."""
    amount = money.amount
    if amount < 0 or (amount == 0 and not allow_zero) or amount >= MAX_AMOUNT:
        raise InvalidInput(
            gettext_noop("The amount must be positive and below 10 trillion."),
            code="amount_out_of_range",
            field=field,
        )
    if postings.quantize(amount, money.currency) != amount:
        raise InvalidInput(
            gettext_noop("%(currency)s amounts have at most %(places)s decimals."),
            code="too_many_decimals",
            field=field,
            params={"currency": money.currency, "places": money.minor_units},
        )
    return amount


# --- receivables ---------------------------------------------------------------------------
def receivable_post_invoice(
    *,
    invoice_number: str,
    buyer: Any,
    amount: Money,
    invoice_date: date,
    due_date: date | None = None,
    actor: Any,
    rate: Decimal | None = None,
    source: str = "",
    stale_rate_ok: bool = False,
) -> Receivable:
    """Post an invoice's receivable (Dr receivable / Cr revenue, in the invoice currency).

    The active organization owns it; the rate is the user's or the ECB reference rate
    of the invoice date; re-posting the same invoice number raises ``DuplicateInvoice``.
    """
    number = invoice_number.strip()[:60]
    if not number:
        raise InvalidInput(gettext_noop("An invoice number is required."), field="invoice_number")
    value = checked_amount(amount)
    due = due_date or invoice_date + timedelta(days=30)
    if due < invoice_date:
        raise InvalidInput(
            gettext_noop("The due date is before the invoice date."), field="due_date"
        )
    home = home_currency()
    fx = reference_rate(amount.currency, invoice_date, user_rate=rate, stale_ok=stale_rate_ok)
    entry = postings.invoice_entry(
        on=invoice_date,
        amount=value,
        currency=amount.currency,
        rate=fx,
        home=home,
        memo=f"Invoice {number} · {buyer.name}"[:300],
    )
    try:
        with transaction.atomic():
            journal = entry_post(entry, actor=actor)
            functional = entry.legs[0].functional
            receivable = Receivable.objects.create(
                invoice_number=number,
                buyer=buyer,
                currency=amount.currency,
                amount=value,
                open_amount=value,
                functional_amount=functional,
                open_functional=functional,
                rate=fx.value,
                rate_source=fx.source[:20],
                invoice_date=invoice_date,
                due_date=due,
                entry=journal,
                source=source[:100],
            )
            audit_record(actor=actor, action="ledger.receivable_post", obj=receivable)
    except IntegrityError:
        raise DuplicateInvoice(params={"number": number}, field="invoice_number") from None
    return receivable


def receivable_post(*, actor: Any, source: Any, amount: Money, due: date | None) -> Receivable:
    """The sales seam: post the receivable of an issued invoice document.

    ``source`` is read by duck typing: ``number``, ``buyer`` (a Party) and
    ``issue_date`` (or ``issued_on`` / ``date``); ``amount`` is the invoice total.
    """
    issued: Any = next(
        (
            getattr(source, name)
            for name in ("issue_date", "issued_on", "date")
            if getattr(source, name, None)
        ),
        None,
    )
    if hasattr(issued, "date") and callable(issued.date):
        issued = issued.date()
    invoice_date = issued or date.today()
    return receivable_post_invoice(
        invoice_number=str(source.number),
        buyer=source.buyer,
        amount=amount.rounded(),
        invoice_date=invoice_date,
        due_date=due if due is None or due >= invoice_date else invoice_date,
        actor=actor,
        # an invoice is never refused for want of today's ECB publication
        stale_rate_ok=True,
        source=f"{source._meta.label_lower}:{source.pk}" if hasattr(source, "_meta") else "",
    )


def _discharge(receivable: Receivable, amount: Decimal) -> Settled:
    """Take ``amount`` off a locked receivable; its carrying value leaves with it."""
    if amount <= 0 or amount > receivable.open_amount:
        raise OverAllocation(
            params={"amount": str(amount), "available": str(receivable.open_amount)},
            field="allocations",
        )
    carrying = fxgains.carrying_share(
        receivable.open_amount, receivable.open_functional, amount, home_currency()
    )
    receivable.open_amount -= amount
    receivable.open_functional -= carrying
    receivable.status = (
        Receivable.Status.PAID if receivable.open_amount == 0 else Receivable.Status.PARTIAL
    )
    receivable.save(update_fields=["open_amount", "open_functional", "status"])
    return Settled(amount, carrying)


def receipt_record(
    *,
    account: Account,
    received_on: date,
    net_amount: Money,
    charges: Decimal = Decimal(0),
    charge_bearer: str = Receipt.ChargeBearer.SHA,
    payer: Any = None,
    payer_name: str = "",
    allocations: Sequence[tuple[Receivable, Decimal]] = (),
    reference: str = "",
    rate: Decimal | None = None,
    actor: Any,
) -> Receipt:
    """Money arrived in a collection account, applied to invoices; the rest is unapplied.

    Under SHA and BEN the intermediary charges deducted on the way are the exporter's
    expense and the buyer is discharged of the gross (net + charges); under OUR the buyer
    should have paid them, so only what arrived is applied and the invoice stays open for
    the shortfall.
    """
    currency = normalize_currency(net_amount.currency)
    if account.purpose != Purpose.BANK or account.currency != currency:
        raise InvalidPosting(
            params={"reason": f"{account.code} is not a {currency} bank account"}, field="account"
        )
    net = checked_amount(net_amount, field="net_amount")
    charges = checked_amount(Money(charges, currency), field="charges", allow_zero=True)
    bearer = Receipt.ChargeBearer(charge_bearer)
    expensed = charges if bearer != Receipt.ChargeBearer.OUR else Decimal(0)
    requested = sum((a for _, a in allocations), Decimal(0))
    if requested > net + expensed:
        raise OverAllocation(
            params={"amount": str(requested), "available": str(net + expensed)}, field="allocations"
        )
    home = home_currency()
    fx = reference_rate(currency, received_on, user_rate=rate)
    with transaction.atomic():
        settled = []
        for receivable, amount in sorted(allocations, key=lambda pair: pair[0].pk):
            locked = Receivable.objects.select_for_update().get(pk=receivable.pk)
            if locked.currency != currency:
                raise InvalidPosting(
                    params={"reason": f"invoice {locked.invoice_number} is in {locked.currency}"},
                    field="allocations",
                )
            settled.append((locked, _discharge(locked, checked_amount(Money(amount, currency)))))
        unapplied = net + expensed - requested
        entry = postings.receipt_entry(
            on=received_on,
            bank_account=account.code,
            currency=currency,
            net=net,
            charges=expensed,
            allocations=[s for _, s in settled],
            unapplied=unapplied,
            rate=fx,
            home=home,
            memo=f"Receipt {reference or payer_name or ''}".strip()[:300],
        )
        journal = entry_post(entry, actor=actor)
        unapplied_functional = next(
            (leg.functional for leg in entry.legs if leg.account.startswith("customer_advance:")),
            Decimal(0),
        )
        receipt = Receipt.objects.create(
            account=account,
            payer=payer,
            payer_name=(payer_name or (payer.name if payer else ""))[:300],
            received_on=received_on,
            currency=currency,
            net_amount=net,
            charges=charges,
            charge_bearer=bearer,
            unapplied_amount=unapplied,
            unapplied_functional=-unapplied_functional,
            rate=fx.value,
            rate_source=fx.source[:20],
            reference=reference[:200],
            entry=journal,
        )
        for receivable, part in settled:
            Allocation.objects.create(
                receipt=receipt,
                receivable=receivable,
                amount=part.amount,
                realized=fxgains.functional_value(part.amount, fx.value, home) - part.carrying,
                entry=journal,
            )
        audit_record(actor=actor, action="ledger.receipt_record", obj=receipt)
    return receipt


def receipt_allocate(
    *, receipt: Receipt, receivable: Receivable, amount: Decimal, on: date | None = None, actor: Any
) -> Allocation:
    """Apply part of a receipt's unapplied cash to an invoice."""
    home = home_currency()
    with transaction.atomic():
        locked_receipt = Receipt.objects.select_for_update().get(pk=receipt.pk)
        locked = Receivable.objects.select_for_update().get(pk=receivable.pk)
        currency = locked_receipt.currency
        amount = checked_amount(Money(amount, currency))
        if locked.currency != currency:
            raise InvalidPosting(params={"reason": f"the invoice is in {locked.currency}"})
        if amount > locked_receipt.unapplied_amount:
            raise OverAllocation(
                params={"amount": str(amount), "available": str(locked_receipt.unapplied_amount)},
                field="amount",
            )
        advance_carrying = fxgains.carrying_share(
            locked_receipt.unapplied_amount, locked_receipt.unapplied_functional, amount, home
        )
        part = _discharge(locked, amount)
        entry = postings.allocation_entry(
            on=on or locked_receipt.received_on,
            currency=currency,
            advance=Settled(amount, advance_carrying),
            receivable=part,
            home=home,
            memo=f"Apply receipt #{locked_receipt.pk} to {locked.invoice_number}",
        )
        journal = entry_post(entry, actor=actor)
        locked_receipt.unapplied_amount -= amount
        locked_receipt.unapplied_functional -= advance_carrying
        locked_receipt.save(update_fields=["unapplied_amount", "unapplied_functional"])
        allocation = Allocation.objects.create(
            receipt=locked_receipt,
            receivable=locked,
            amount=amount,
            realized=advance_carrying - part.carrying,
            entry=journal,
        )
        audit_record(actor=actor, action="ledger.receipt_allocate", obj=locked_receipt)
    return allocation


# --- settlement ----------------------------------------------------------------------------
def settlement_post(
    *,
    source_account: Account,
    target_account: Account,
    amount: Money,
    bank_rate: Decimal,
    settled_on: date,
    mid_rate: Decimal | None = None,
    reference: str = "",
    actor: Any,
) -> Settlement:
    """Sell foreign currency for home currency at the bank's rate (结汇).

    The realized FX gain or loss is measured against the carrying value (the
    invoice-date and receipt-date rates the money was booked at) at the mid rate;
    the bank's spread (mid − bank rate) is booked as a cost of its own.
    """
    home = home_currency()
    currency = normalize_currency(amount.currency)
    value = checked_amount(amount)
    if (
        source_account.purpose != Purpose.BANK
        or source_account.currency != currency
        or currency == home
        or target_account.purpose != Purpose.BANK
        or target_account.currency != home
    ):
        raise InvalidPosting(
            params={"reason": f"settle from a {currency} bank account into a {home} bank account"},
            field="source_account",
        )
    if bank_rate <= 0 or bank_rate >= MAX_AMOUNT:
        raise InvalidPosting(params={"reason": "the bank rate must be positive"}, field="bank_rate")
    if mid_rate is None:
        try:
            mid_rate = reference_rate(currency, settled_on).value
        except InvalidInput:
            mid_rate = None
    elif mid_rate <= 0 or mid_rate >= MAX_AMOUNT:
        raise InvalidPosting(params={"reason": "the mid rate must be positive"}, field="mid_rate")
    with transaction.atomic():
        locked = lock_accounts([source_account.pk])[source_account.pk]
        if value > locked.balance:
            raise InsufficientFunds(
                params={"available": f"{locked.balance} {currency}"}, field="amount"
            )
        figures = fxgains.settlement_figures(
            amount=value,
            balance=locked.balance,
            carrying_balance=locked.functional_balance,
            bank_rate=bank_rate,
            mid_rate=mid_rate,
            home=home,
        )
        entry = postings.settlement_entry(
            on=settled_on,
            source_account=source_account.code,
            target_account=target_account.code,
            currency=currency,
            amount=value,
            figures=figures,
            bank_rate=Rate(bank_rate, "bank", settled_on),
            home=home,
            memo=f"FX settlement {value} {currency} @ {bank_rate}",
        )
        journal = entry_post(entry, actor=actor)
        settlement = Settlement.objects.create(
            source_account=source_account,
            target_account=target_account,
            settled_on=settled_on,
            currency=currency,
            amount=value,
            bank_rate=bank_rate,
            mid_rate=mid_rate,
            proceeds=figures.proceeds,
            carrying=figures.carrying,
            realized=figures.realized,
            spread=figures.spread,
            reference=reference[:200],
            entry=journal,
        )
        audit_record(actor=actor, action="ledger.settlement_post", obj=settlement)
    return settlement


# --- revaluation ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PositionRow:
    account: Account
    balance: Decimal
    carrying: Decimal


def positions_on(on: date) -> list[PositionRow]:
    """Foreign-currency monetary balances as of ``on`` (sum of postings dated ≤ on)."""
    home = home_currency()
    accounts = {
        a.pk: a
        for a in Account.objects.filter(
            purpose__in=[p.value for p in postings.REVALUED_PURPOSES]
        ).exclude(currency=home)
    }
    sums = (
        Posting.objects.filter(account_id__in=list(accounts), entry__entry_date__lte=on)
        .values("account_id")
        .annotate(balance=Sum("amount"), carrying=Sum("functional_amount"))
    )
    return [
        PositionRow(accounts[row["account_id"]], stored(row["balance"]), stored(row["carrying"]))
        for row in sums
        if row["balance"] or row["carrying"]
    ]


def revaluation_run(
    *, period_end: date, user_rates: Mapping[str, Decimal] | None = None, actor: Any
) -> Revaluation:
    """Revalue open foreign balances at ``period_end`` and reverse it the next day.

    The reversal at the next period's start puts carrying values back at their booking
    rates, so a later receipt or settlement measures its realized difference against the
    invoice-date value and the period-end gain is never counted twice.
    """
    home = home_currency()
    rates_given = {normalize_currency(k): v for k, v in (user_rates or {}).items()}
    with transaction.atomic():
        if Revaluation.objects.filter(period_end=period_end).exists():
            raise Conflict(
                gettext_noop("This period has already been revalued."),
                code="already_revalued",
                field="period_end",
            )
        rows = positions_on(period_end)
        rates: dict[str, Rate] = {}
        for currency in sorted({row.account.currency for row in rows}):
            rates[currency] = reference_rate(
                currency, period_end, user_rate=rates_given.get(currency)
            )
        entry = postings.revaluation_entry(
            on=period_end,
            positions=[
                postings.Position(r.account.code, r.account.currency, r.balance, r.carrying)
                for r in rows
            ],
            rates=rates,
            home=home,
            memo=f"Revaluation at {period_end.isoformat()}",
        )
        journal: JournalEntry | None = None
        reversal: JournalEntry | None = None
        if entry is not None:
            journal = entries_post([entry], actor=actor)[0]
            reversal = entry_reverse(
                entry=journal,
                on=period_end + timedelta(days=1),
                actor=actor,
                memo=f"Reversal of revaluation at {period_end.isoformat()}",
            )
        revaluation = Revaluation.objects.create(
            period_end=period_end,
            rates={c: {"rate": str(r.value), "source": r.source} for c, r in rates.items()},
            entry=journal,
            reversal=reversal,
        )
        audit_record(actor=actor, action="ledger.revaluation_run", obj=revaluation)
    return revaluation
