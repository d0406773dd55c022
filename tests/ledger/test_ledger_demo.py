"""The ledger's demo story: everything the issue asks to see, and idempotent."""

from __future__ import annotations

import pytest

from seaward.core.tenancy import activate
from seaward.ledger.demo_story import demo_ledger
from seaward.ledger.models import (
    BankStatement,
    JournalEntry,
    Receipt,
    Receivable,
    Revaluation,
    Settlement,
    StatementLine,
)


@pytest.mark.django_db
def test_demo_story_is_complete_and_idempotent():
    from datetime import date, timedelta
    from decimal import Decimal

    from seaward.demo import _load_organizations
    from seaward.organizations.models import Organization
    from seaward.reference.models import FxRate

    # ECB publications (units per EUR), the dollar weakening a little over the quarter
    days = [date(2026, 7, 1) + timedelta(days=n) for n in range(123)]
    FxRate.objects.bulk_create(
        [
            FxRate(date=day, currency=code, rate=rate)
            for n, day in enumerate(days)
            for code, rate in (
                ("USD", Decimal("1.0800") + Decimal(n) / 2000),
                ("CNY", Decimal("7.7500") - Decimal(n) / 500),
            )
        ]
    )
    _load_organizations()
    demo_ledger()
    organization = Organization.objects.get(slug="ningbo-harbor")
    with activate(organization):
        counts = (JournalEntry.objects.count(), StatementLine.objects.count())
        assert {r.currency for r in Receivable.objects.all()} == {"USD", "EUR"}
        assert Receipt.objects.filter(charges__gt=0).exists()
        assert Settlement.objects.get().realized != 0
        assert Revaluation.objects.get().reversal_id is not None
        assert BankStatement.objects.count() == 1
        statuses = sorted(StatementLine.objects.values_list("status", flat=True))
        assert statuses.count("matched") == 2 and "suggested" in statuses
    demo_ledger()
    with activate(organization):
        assert (JournalEntry.objects.count(), StatementLine.objects.count()) == counts
