"""Statement import (idempotent, all-or-nothing, unbalanced needs confirmation) and
reconciliation (auto-post confident matches, queue the rest, leave the unmatched visible)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from seaward.core.money import Money
from seaward.ledger import matching, services
from seaward.ledger.errors import LineAlreadyReconciled, UnbalancedStatement
from seaward.ledger.models import BankStatement, Receipt, Receivable, StatementLine
from seaward.ledger.statements import StatementRejected

D = Decimal
DEMO = (
    Path(__file__).resolve().parents[2] / "src/seaward/ledger/demo_data/boc-ningbo-usd-2026-10.sta"
)


def test_matching_scores_reference_amount_and_name():
    items = [
        matching.OpenItem(1, "invoice", "NH-2026-0018", "Gulf Home Trading LLC", "USD", D("6200")),
        matching.OpenItem(2, "invoice", "NH-2026-0021", "Gulf Home Trading LLC", "USD", D("4350")),
    ]
    line = matching.Line(D("6180"), "USD", "NH-2026-0018", "GULF HOME TRADING L.L.C.")
    found, confident = matching.best(line, items)
    assert found is not None and found.keys == (1,) and confident
    assert found.charges == D("20")
    vague = matching.Line(D("4350"), "USD", "", "GULF HOME TRDG", "PO 7781")
    found, confident = matching.best(vague, items)
    assert found is not None and found.keys == (2,) and not confident
    assert matching.best(matching.Line(D("999"), "USD", "", "Nobody"), items) == (None, False)
    # one payment for two invoices named in the remittance
    both = matching.Line(D("10550"), "USD", "", "Gulf Home", "NH-2026-0018 NH-2026-0021")
    found, _ = matching.best(both, items)
    assert found is not None and found.keys == (1, 2)


@pytest.fixture
def gulf(books):  # type: ignore[no-untyped-def]
    from seaward.organizations import services as org_services

    buyer = org_services.party_create(
        actor=books.actor, name="Gulf Home Trading LLC", is_buyer=True, country="AE"
    )
    account = services.account_create(
        actor=books.actor,
        code="BOC-USD-DEMO",
        name="BOC Ningbo USD",
        currency="USD",
        bank_account_number="358201100012345",
    )

    def invoice(number: str, amount: str):  # type: ignore[no-untyped-def]
        return services.receivable_post_invoice(
            invoice_number=number,
            buyer=buyer,
            amount=Money.of(amount, "USD"),
            invoice_date=date(2026, 9, 1),
            rate=D("6.70"),
            actor=books.actor,
        )

    first = invoice("NH-2026-0012", "10000.00")
    invoice("NH-2026-0018", "6200.00")
    invoice("NH-2026-0021", "4350.00")
    services.receipt_record(
        account=account,
        received_on=date(2026, 10, 12),
        net_amount=Money.of("9965.00", "USD"),
        charges=D("35.00"),
        payer=buyer,
        allocations=[(first, D("10000.00"))],
        reference="NH-2026-0012",
        rate=D("6.65"),
        actor=books.actor,
    )
    return account


@pytest.mark.django_db
def test_import_reconciles_and_is_idempotent(books, gulf, monkeypatch):
    data = DEMO.read_bytes()
    # no ECB rates in the test database: the receipt rate comes from a user-entered rate
    monkeypatch.setattr(
        "seaward.ledger.services.trade.reference_rate",
        lambda currency, on, user_rate=None: services.journal.Rate(
            user_rate or D("6.66"), "user", on
        ),
    )
    result = services.statement_import(data=data, file_name="boc.sta", actor=books.actor)
    assert len(result.created) == 1 and result.auto_posted == 2 and result.suggested == 1
    lines = {line.position: line for line in StatementLine.objects.all()}
    assert lines[1].status == "matched" and lines[1].receipt.reference == "NH-2026-0012"
    assert Receipt.objects.count() == 2  # the hand-recorded receipt was linked, not posted again
    assert lines[2].status == "matched" and lines[2].receipt.charges == D("20.00")
    assert Receivable.objects.get(invoice_number="NH-2026-0018").status == "paid"
    assert lines[3].status == "suggested" and lines[3].confidence < matching.AUTO_POST_CONFIDENCE
    assert lines[4].status == "unmatched" and lines[5].status == "unmatched"
    # when the same file comes again, nothing is created twice
    again = services.statement_import(data=data, file_name="boc.sta", actor=books.actor)
    assert again.created == [] and len(again.duplicates) == 1
    assert BankStatement.objects.count() == 1 and StatementLine.objects.count() == 5
    # one click confirms the queued match
    services.line_confirm(line=lines[3], actor=books.actor)
    assert Receivable.objects.get(invoice_number="NH-2026-0021").status == "paid"
    with pytest.raises(LineAlreadyReconciled):
        services.line_confirm(line=lines[3], actor=books.actor)


@pytest.mark.django_db
def test_malformed_file_is_rejected_with_nothing_written(books):
    broken = DEMO.read_bytes().replace(b":60F:C260930USD0,00", b":60F:C26XX30USD0,00")
    with pytest.raises(StatementRejected) as error:
        services.statement_import(data=broken, actor=books.actor)
    assert "60F" in error.value.message or "line" in error.value.message.lower()
    with pytest.raises(StatementRejected):
        services.statement_import(data=b"hello, not a statement", actor=books.actor)
    assert BankStatement.objects.count() == 0 and StatementLine.objects.count() == 0


@pytest.mark.django_db
def test_unbalanced_statement_needs_confirmation(books):
    unbalanced = DEMO.read_bytes().replace(b":62F:C261031USD15615,00", b":62F:C261031USD15600,00")
    with pytest.raises(UnbalancedStatement) as error:
        services.statement_import(data=unbalanced, actor=books.actor, reconcile=False)
    assert error.value.details["difference"] == "-15.00"
    assert BankStatement.objects.count() == 0
    result = services.statement_import(
        data=unbalanced, actor=books.actor, confirm_unbalanced=True, reconcile=False
    )
    statement = result.created[0]
    assert statement.confirmed_unbalanced and statement.balance_difference == D("-15.00")
