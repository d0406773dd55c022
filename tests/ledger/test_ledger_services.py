"""Ledger services against the database: receivables, receipts, settlement, revaluation."""

from __future__ import annotations

from datetime import UTC, date
from decimal import Decimal

import pytest
from django.db.models import Sum

from seaward.core.money import Money
from seaward.ledger import selectors, services
from seaward.ledger.errors import (
    AlreadyReversed,
    DuplicateInvoice,
    EntryImmutable,
    InsufficientFunds,
    OverAllocation,
)
from seaward.ledger.models import Account, JournalEntry, Posting, Receivable

D = Decimal
pytestmark = pytest.mark.django_db


def _fx(purpose: str) -> Decimal:
    """FX gain (+) booked on accounts of ``purpose`` (income accounts are credit-normal)."""
    total = Posting.objects.filter(account__purpose=purpose).aggregate(s=Sum("functional_amount"))
    return -(total["s"] or D(0))


def _assert_balances_are_sums() -> None:
    for account in Account.objects.all():
        sums = account.postings.aggregate(a=Sum("amount"), f=Sum("functional_amount"))
        assert account.balance == (sums["a"] or 0), account.code
        assert account.functional_balance == (sums["f"] or 0), account.code


def test_invoice_posts_receivable_at_the_invoice_rate(books):
    receivable = books.invoice("INV-1", "10000.00", "7.10")
    assert receivable.functional_amount == D("71000.00")
    assert Account.objects.get(code="receivable:USD").balance == D("10000")
    with pytest.raises(DuplicateInvoice):
        books.invoice("INV-1", "1.00", "7.10")
    _assert_balances_are_sums()


def test_receipt_with_intermediary_charges_discharges_the_invoice(books):
    # given an invoice of 10,000 USD; the buyer pays 10,000 and 9,965 arrive (SHA)
    receivable = books.invoice("INV-2", "10000.00", "7.00")
    receipt = services.receipt_record(
        account=books.usd,
        received_on=date(2026, 2, 10),
        net_amount=Money.of("9965.00", "USD"),
        charges=D("35.00"),
        charge_bearer="SHA",
        payer=books.buyer,
        allocations=[(receivable, D("10000.00"))],
        rate=D("7.10"),
        actor=books.actor,
    )
    receivable.refresh_from_db()
    assert receivable.status == Receivable.Status.PAID and receivable.open_functional == 0
    assert Account.objects.get(code="bank_charges:USD").balance == D("35")
    assert _fx("fx_realized") == D("1000.00")
    assert receipt.unapplied_amount == 0
    _assert_balances_are_sums()


def test_our_charges_leave_the_shortfall_open_to_claim(books):
    receivable = books.invoice("INV-3", "10000.00", "7.00")
    services.receipt_record(
        account=books.usd,
        received_on=date(2026, 2, 10),
        net_amount=Money.of("9965.00", "USD"),
        charges=D("35.00"),
        charge_bearer="OUR",
        allocations=[(receivable, D("9965.00"))],
        rate=D("7.00"),
        actor=books.actor,
    )
    receivable.refresh_from_db()
    assert receivable.open_amount == D("35.00") and receivable.status == "partial"
    assert not Account.objects.filter(code="bank_charges:USD", balance__gt=0).exists()


def test_over_payment_becomes_unapplied_cash_then_pays_a_second_invoice(books):
    first = books.invoice("INV-4", "6000.00", "7.00")
    second = books.invoice("INV-5", "4000.00", "7.05")
    receipt = services.receipt_record(
        account=books.usd,
        received_on=date(2026, 2, 1),
        net_amount=Money.of("8000.00", "USD"),
        allocations=[(first, D("6000.00"))],
        rate=D("7.10"),
        actor=books.actor,
    )
    assert receipt.unapplied_amount == D("2000.00")
    with pytest.raises(OverAllocation):
        services.receipt_allocate(
            receipt=receipt, receivable=second, amount=D("2500.00"), actor=books.actor
        )
    services.receipt_allocate(
        receipt=receipt, receivable=second, amount=D("2000.00"), actor=books.actor
    )
    second.refresh_from_db()
    receipt.refresh_from_db()
    assert second.open_amount == D("2000.00") and receipt.unapplied_amount == 0
    assert Account.objects.get(code="customer_advance:USD").functional_balance == 0
    # 6000 × (7.10 − 7.00) + 2000 × (7.10 − 7.05)
    assert _fx("fx_realized") == D("700.00")
    _assert_balances_are_sums()


def test_allocation_to_several_invoices_in_one_receipt(books):
    a = books.invoice("INV-6", "1000.00", "7.00")
    b = books.invoice("INV-7", "2000.00", "7.00")
    services.receipt_record(
        account=books.usd,
        received_on=date(2026, 2, 1),
        net_amount=Money.of("3000.00", "USD"),
        allocations=[(a, D("1000.00")), (b, D("2000.00"))],
        rate=D("7.00"),
        actor=books.actor,
    )
    assert set(Receivable.objects.values_list("status", flat=True)) == {"paid"}
    with pytest.raises(OverAllocation):
        services.receipt_record(
            account=books.usd,
            received_on=date(2026, 2, 1),
            net_amount=Money.of("10.00", "USD"),
            allocations=[(a, D("10.00"))],
            rate=D("7.00"),
            actor=books.actor,
        )


def _receive_all(books, receivable, rate: str, on: date) -> None:  # type: ignore[no-untyped-def]
    services.receipt_record(
        account=books.usd,
        received_on=on,
        net_amount=Money.of(str(receivable.amount), "USD"),
        allocations=[(receivable, receivable.amount)],
        rate=D(rate),
        actor=books.actor,
    )


def test_settlement_books_realized_fx_and_spread(books):
    receivable = books.invoice("INV-8", "10000.00", "7.00")
    _receive_all(books, receivable, "7.10", date(2026, 2, 1))
    settlement = services.settlement_post(
        source_account=books.usd,
        target_account=books.cny,
        amount=Money.of("10000.00", "USD"),
        bank_rate=D("7.15"),
        mid_rate=D("7.20"),
        settled_on=date(2026, 2, 3),
        actor=books.actor,
    )
    assert settlement.proceeds == D("71500.00")
    assert settlement.spread == D("500.00")
    # realized on settlement: 10,000 × (7.20 − 7.10)
    assert settlement.realized == D("1000.00")
    books.cny.refresh_from_db()
    assert books.cny.balance == D("71500.00")
    # everything realized: receipt 1,000 + settlement 1,000, less a spread of 500 =
    # 71,500 received − 70,000 invoiced
    assert _fx("fx_realized") - D("500.00") == D("71500.00") - D("70000.00")
    with pytest.raises(InsufficientFunds):
        services.settlement_post(
            source_account=books.usd,
            target_account=books.cny,
            amount=Money.of("1.00", "USD"),
            bank_rate=D("7.15"),
            settled_on=date(2026, 2, 3),
            actor=books.actor,
        )
    _assert_balances_are_sums()


def test_revaluation_reversed_at_period_start_counts_fx_once(books):
    # invoice at 7.00; month end at 7.20; paid at 7.30 in the next month
    receivable = books.invoice("INV-9", "10000.00", "7.00", on=date(2026, 1, 15))
    revaluation = services.revaluation_run(
        period_end=date(2026, 1, 31), user_rates={"USD": D("7.20")}, actor=books.actor
    )
    assert revaluation.reversal.entry_date == date(2026, 2, 1)
    january = selectors.fx_result(end=date(2026, 1, 31))
    assert january.unrealized == D("2000.00")
    _receive_all(books, receivable, "7.30", date(2026, 2, 20))
    february = selectors.fx_result(start=date(2026, 2, 1))
    total = selectors.fx_result()
    # the gain is 3,000 in all: 2,000 in January, 1,000 in February; never 5,000 or 1,000 in all
    assert february.realized + february.unrealized == D("1000.00")
    assert total.realized + total.unrealized == D("3000.00")
    assert Account.objects.get(code="receivable:USD").functional_balance == 0
    _assert_balances_are_sums()


def test_entries_are_immutable_and_reversed_once(books):
    receivable = books.invoice("INV-10", "100.00", "7.00")
    entry = receivable.entry
    with pytest.raises(EntryImmutable):
        entry.memo = "changed"
        entry.save()
    with pytest.raises(EntryImmutable):
        entry.postings.first().save()
    reversal = services.entry_reverse(entry=entry, actor=books.actor)
    assert reversal.reverses_id == entry.pk
    with pytest.raises(AlreadyReversed):
        services.entry_reverse(entry=JournalEntry.objects.get(pk=entry.pk), actor=books.actor)
    assert Account.objects.get(code="receivable:USD").balance == 0
    _assert_balances_are_sums()


def test_reports_add_up(books):
    receivable = books.invoice("INV-11", "5000.00", "7.00", on=date(2026, 1, 1))
    _receive_all(books, books.invoice("INV-12", "100.00", "7.00"), "7.00", date(2026, 1, 20))
    trial = selectors.trial_balance()
    assert trial.total_debit == trial.total_credit
    aging = selectors.ar_aging(on=date(2026, 3, 15))
    assert aging.rows[0].buckets["31-60"] == receivable.amount
    assert selectors.dso(on=date(2026, 1, 31), days=30) is not None
    exposure = selectors.fx_exposure()
    assert exposure.rows == [] or exposure.rows[0].currency == "USD"
    assert selectors.cash_position().total_functional == D("700.00")


def test_sales_seam_posts_an_issued_invoice_with_the_last_known_rate(books):
    from datetime import datetime
    from types import SimpleNamespace

    from seaward.reference.models import FxRate

    # the last ECB publication is weeks before the invoice: it stands in, dated as it is
    for code, rate in (("USD", "1.1172"), ("CNY", "7.4326")):
        FxRate.objects.create(date=date(2026, 10, 30), currency=code, rate=D(rate))
    document = SimpleNamespace(
        number="CI-2026-0001",
        buyer=books.buyer,
        issue_date=datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
    )
    receivable = services.receivable_post(
        actor=books.actor,
        source=document,
        amount=Money.of("1234.5000", "USD"),
        due=date(2026, 12, 26),
    )
    assert receivable.invoice_date == date(2026, 11, 26)
    assert receivable.rate_source == "ECB"
    assert receivable.rate == (D("7.4326") / D("1.1172")).quantize(D("1e-10"))
    with pytest.raises(DuplicateInvoice):
        services.receivable_post(
            actor=books.actor, source=document, amount=Money.of("1", "USD"), due=None
        )
