"""Parallel writers on shared accounts: balances stay equal to the sum of postings.

PostgreSQL only (row locks); runs in the PostgreSQL CI job.
"""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.db.models import Sum

from seaward.core.tenancy import activate
from seaward.ledger import postings, services
from seaward.ledger.models import Account, JournalEntry
from seaward.ledger.postings import Leg

WRITERS = 4
ENTRIES = 25


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_writers_keep_balances_equal_to_postings(exporter):
    if connection.vendor != "postgresql":
        pytest.skip("row-lock concurrency is exercised on PostgreSQL")
    errors: list[BaseException] = []
    barrier = threading.Barrier(WRITERS)

    def writer(index: int) -> None:
        try:
            with activate(exporter):
                barrier.wait()
                for n in range(ENTRIES):
                    amount = Decimal(index * 100 + n + 1)
                    entry = postings.Entry(
                        date(2026, 10, 1),
                        (
                            Leg("bank:CNY", "CNY", amount, amount),
                            Leg("revenue:CNY", "CNY", -amount, -amount),
                            Leg("bank_charges:CNY", "CNY", Decimal(1), Decimal(1)),
                            Leg("bank:CNY", "CNY", Decimal(-1), Decimal(-1)),
                        ),
                        kind="test",
                    )
                    services.entry_post(entry)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with activate(exporter):
        assert JournalEntry.objects.count() == WRITERS * ENTRIES
        for account in Account.objects.all():
            sums = account.postings.aggregate(a=Sum("amount"), f=Sum("functional_amount"))
            assert account.balance == sums["a"] and account.functional_balance == sums["f"]
        expected = sum(Decimal(i * 100 + n + 1) for i in range(WRITERS) for n in range(ENTRIES))
        assert Account.objects.get(code="revenue:CNY").balance == -expected
