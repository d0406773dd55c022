"""Ledger posting throughput on SQLite and PostgreSQL → benchmarks/results/ledger.json.

Balanced journal entries of 2–4 postings go through the ledger's own service
(``entries_post``: validation, row locks on the accounts in primary-key order, bulk
insert, balance update) in batches of up to 100 entries per durable commit, from 1
and from 4 concurrent writer processes, on disjoint and on shared accounts. Beside it,
the naive figure: one entry per transaction through the same ORM service. After each
run the books are checked: every entry balances and every balance equals the sum of
its postings.

PostgreSQL: ``BENCH_PG_URL`` (default postgres://postgres@127.0.0.1:5432/seaward_bench,
created if missing; skipped when the server is not reachable). Durable commits: the
PostgreSQL default (synchronous_commit on, fsync on); SQLite with WAL and
``synchronous=FULL`` for this benchmark (the app's default is NORMAL).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "ledger.json"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/seaward_bench")
WRITERS = 4
BATCH = 100
ACCOUNTS_PER_SET = 4


def _setup(database_url: str, data_dir: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["SEAWARD_DATA_DIR"] = data_dir
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seaward.settings")
    import django

    django.setup()


def _durable() -> None:
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=FULL")


def _entry(codes: list[str], rng: random.Random) -> Any:
    from seaward.ledger.postings import Entry, Leg

    size = rng.randint(2, 4)
    chosen = rng.sample(codes, size)
    amounts = [Decimal(rng.randint(1, 10_000_000)) / 100 for _ in range(size - 1)]
    amounts.append(-sum(amounts))
    legs = tuple(
        Leg(code, "CNY", amount, amount) for code, amount in zip(chosen, amounts, strict=True)
    )
    return Entry(date(2026, 10, 1), legs, "bench", "bench")


def _naive_post(entry: Any) -> None:
    """The naive ORM way: one transaction per entry, one INSERT per row, balance via save()."""
    from django.db import transaction

    from seaward.ledger import postings
    from seaward.ledger.models import Account, JournalEntry, Posting

    postings.validate(entry, "CNY")
    with transaction.atomic():
        journal = JournalEntry.objects.create(entry_date=entry.entry_date, kind=entry.kind)
        # locks taken in one order (by code); in leg order, parallel writers deadlock
        for leg in sorted(entry.legs, key=lambda leg: leg.account):
            account = Account.objects.select_for_update().get(code=leg.account)
            Posting.objects.create(
                entry=journal,
                account=account,
                currency=leg.currency,
                amount=leg.amount,
                functional_amount=leg.functional,
                rate=leg.rate,
                rate_source=leg.rate_source,
            )
            account.balance += leg.amount
            account.functional_balance += leg.functional
            account.save(update_fields=["balance", "functional_balance"])


def _writer(
    args: tuple[int, int, list[str], int, int, Any], results: Any = None
) -> tuple[int, float, float]:
    """Post ``batches`` batches of ``batch`` entries on ``codes``: (postings, start, end)."""
    org_id, seed, codes, batches, batch, barrier = args
    from django.db import connections

    connections.close_all()

    try:
        return _write(org_id, seed, codes, batches, batch, barrier, results)
    except BaseException as error:
        if results is not None:
            results.put((-1, repr(error), 0.0))
        raise


def _write(
    org_id: int, seed: int, codes: list[str], batches: int, batch: int, barrier: Any, results: Any
) -> tuple[int, float, float]:
    from django.db import connections

    from seaward.core.tenancy import activate
    from seaward.ledger import services
    from seaward.organizations.models import Organization

    _durable()
    rng = random.Random(seed)
    organization = Organization.objects.get(pk=org_id)
    postings = 0
    with activate(organization):
        work = [[_entry(codes, rng) for _ in range(batch)] for _ in range(batches)]
        if barrier is not None:
            barrier.wait(timeout=300)
        started = time.time()
        for entries in work:
            if batch == 1:
                _naive_post(entries[0])
            else:
                services.entries_post(entries)
            postings += sum(len(e.legs) for e in entries)
        ended = time.time()
    connections.close_all()
    if results is not None:
        results.put((postings, started, ended))
    return postings, started, ended


def _check(org_id: int) -> dict[str, Any]:
    from django.db.models import Sum

    from seaward.core.tenancy import activate
    from seaward.ledger.models import Account, Posting, stored
    from seaward.organizations.models import Organization

    with activate(Organization.objects.get(pk=org_id)):
        sums = Posting.objects.values("entry_id", "currency").annotate(s=Sum("amount"))
        # SQLite sums decimals in floating point: compare the exact stored total
        unbalanced = sum(1 for row in sums if stored(row["s"]) != 0)
        mismatched = 0
        for account in Account.objects.all():
            total = stored(account.postings.aggregate(s=Sum("amount"))["s"])
            mismatched += int(total != account.balance)
        return {"unbalanced_entries": unbalanced, "balances_not_equal_to_postings": mismatched}


def _run_case(
    org_id: int, sets: list[list[str]], writers: int, batches: int, batch: int
) -> dict[str, Any]:
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(writers) if writers > 1 else None
    jobs = [
        (org_id, 1000 + i, sets[i % len(sets)], batches, batch, barrier) for i in range(writers)
    ]
    if writers == 1:
        outcomes = [_writer(jobs[0])]
    else:
        queue = context.Queue()
        processes = [context.Process(target=_writer, args=(job, queue)) for job in jobs]
        for process in processes:
            process.start()
        outcomes = [queue.get(timeout=900) for _ in processes]
        failures = [o[1] for o in outcomes if o[0] == -1]
        if failures:
            raise RuntimeError(f"a writer failed: {failures[0]}")
        for process in processes:
            process.join()
            if process.exitcode != 0:
                raise RuntimeError(f"writer failed with exit status {process.exitcode}")
    postings = sum(o[0] for o in outcomes)
    # wall time from the first writer's start to the last writer's commit
    elapsed = max(o[2] for o in outcomes) - min(o[1] for o in outcomes)
    return {
        "writers": writers,
        "entries_per_commit": batch,
        "entries": writers * batches * batch,
        "postings": postings,
        "seconds": round(elapsed, 3),
        "postings_per_s": round(postings / elapsed),
        "entries_per_s": round(writers * batches * batch / elapsed),
    }


def worker(database: str) -> dict[str, Any]:
    url = PG_URL if database == "postgresql" else f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    _setup(url, tempfile.mkdtemp())
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE ledger_posting, ledger_journalentry, ledger_account CASCADE")
    from seaward.core.tenancy import activate
    from seaward.ledger import services
    from seaward.organizations.models import Organization

    organization = Organization.objects.create(
        name="Bench", slug=f"bench-{time.time_ns()}", kind="exporter", country="CN"
    )
    with activate(organization):

        def make(prefix: str) -> list[str]:
            codes = [f"{prefix}-{n}" for n in range(ACCOUNTS_PER_SET)]
            for code in codes:
                services.account_create(
                    actor=None, code=code, name=code, currency="CNY", purpose="other"
                )
            return codes

        disjoint = [make(f"W{i}") for i in range(WRITERS)]
        shared = [make("S")]
    big = database == "postgresql"
    cases = {
        "naive_orm_one_entry_per_transaction_1_writer": _run_case(
            organization.pk, shared, 1, 600, 1
        ),
        "batched_1_writer": _run_case(organization.pk, shared, 1, 60, BATCH),
        "batched_4_writers_disjoint_accounts": _run_case(
            organization.pk, disjoint, WRITERS, 40, BATCH
        ),
        "batched_4_writers_shared_accounts": _run_case(organization.pk, shared, WRITERS, 40, BATCH),
        "naive_orm_one_entry_per_transaction_4_writers_shared": _run_case(
            organization.pk, shared, WRITERS, 150, 1
        ),
    }
    return {
        "database": connection.vendor,
        "durability": "synchronous_commit=on" if big else "WAL, synchronous=FULL",
        "cases": cases,
        "check": _check(organization.pk),
    }


def _ensure_pg_database() -> bool:
    name = PG_URL.rsplit("/", 1)[-1]
    base = PG_URL.rsplit("/", 1)[0]
    if not name.replace("_", "").isalnum():
        return False
    try:
        found = subprocess.run(
            [
                "psql",
                f"{base}/postgres",
                "-tAc",
                f"SELECT 1 FROM pg_database WHERE datname='{name}'",  # noqa: S608  (our own name)
            ],
            capture_output=True,
            text=True,
            timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    if found.returncode != 0:
        return False
    if found.stdout.strip() != "1":
        created = subprocess.run(
            ["psql", f"{base}/postgres", "-c", f"CREATE DATABASE {name}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        return created.returncode == 0
    return True


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        print(json.dumps(worker(sys.argv[2])))
        return 0
    results: dict[str, Any] = {
        "benchmark": "ledger postings",
        "target_postgresql_postings_per_s": 10_000,
        "entry_shape": "2-4 postings, CNY, random accounts of a set of 4",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }
    databases = ["sqlite"] + (["postgresql"] if _ensure_pg_database() else [])
    for database in databases:
        print(f"== {database}", file=sys.stderr, flush=True)
        done = subprocess.run(
            [sys.executable, __file__, "--worker", database],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if done.returncode != 0:
            results[database] = {"error": done.stderr[-2000:]}
            continue
        results[database] = json.loads(done.stdout.strip().splitlines()[-1])
        print(json.dumps(results[database]["cases"], indent=1), file=sys.stderr)
    if "postgresql" not in databases:
        results["postgresql"] = {"skipped": "PostgreSQL not reachable at BENCH_PG_URL"}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
