"""Fixtures of the ledger tests: an exporter in CNY, a buyer, collection accounts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest


@pytest.fixture
def books(active, owner):  # type: ignore[no-untyped-def]
    """The active exporter's buyer and bank accounts (USD collection, CNY settlement)."""
    from seaward.ledger import services
    from seaward.organizations import services as org_services

    class Books:
        actor = owner
        buyer = org_services.party_create(
            actor=owner, name="Cocinas Mediterráneo S.L.", is_buyer=True, country="ES"
        )
        usd = services.account_create(
            actor=owner,
            code="BOC-USD",
            name="BOC USD collection",
            currency="USD",
            bank_account_number="CN12 3456 7890",
        )
        cny = services.account_create(actor=owner, code="BOC-CNY", name="BOC CNY", currency="CNY")

        def invoice(self, number: str, amount: str, rate: str, on: date = date(2026, 1, 5)):  # type: ignore[no-untyped-def]
            from seaward.core.money import Money

            return services.receivable_post_invoice(
                invoice_number=number,
                buyer=self.buyer,
                amount=Money.of(amount, "USD"),
                invoice_date=on,
                due_date=None,
                rate=Decimal(rate),
                actor=owner,
            )

    return Books()
