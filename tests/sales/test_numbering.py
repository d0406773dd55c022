"""Document numbers: per organization and kind, consecutive, never duplicated."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from seaward.sales.numbering import next_number


@pytest.mark.django_db
def test_numbers_are_consecutive_and_per_organization(exporter, other_exporter):
    numbers = [next_number(exporter, "commercial-invoice", 2026) for _ in range(3)]
    assert numbers == ["CI-2026-00001", "CI-2026-00002", "CI-2026-00003"]
    assert next_number(other_exporter, "commercial-invoice", 2026) == "CI-2026-00001"
    assert next_number(exporter, "commercial-invoice", 2027) == "CI-2027-00001"
    assert next_number(exporter, "packing-list", 2026) == "PL-2026-00001"


@pytest.mark.django_db
def test_a_rolled_back_document_gives_its_number_back(exporter):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        next_number(exporter, "proforma-invoice", 2026)
        raise RuntimeError("the document failed")
    assert next_number(exporter, "proforma-invoice", 2026) == "PI-2026-00001"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_requests_get_fifty_consecutive_numbers(exporter):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL behaviour; SQLite serializes writers anyway")
    from django.db import connections

    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(50)

    def take() -> None:
        try:
            barrier.wait()
            results.append(next_number(exporter, "commercial-invoice", 2026))
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(results) == [f"CI-2026-{n:05d}" for n in range(1, 51)]
