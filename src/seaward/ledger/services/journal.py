"""Posting journal entries: accounts, the row-locked balance update, reversals, rates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from seaward.core.errors import DomainError, gettext_noop
from seaward.core.money import normalize_currency
from seaward.core.tenancy import require_organization
from seaward.ledger import postings
from seaward.ledger.errors import (
    AccountNotFound,
    AlreadyReversed,
    InvalidPosting,
    RateUnavailable,
)
from seaward.ledger.models import Account, JournalEntry, Posting
from seaward.ledger.postings import PURPOSE_TYPE, Purpose, Rate
from seaward.organizations.audit import audit_record

RATE_PLACES = Decimal("1e-10")

PURPOSE_NAMES: dict[Purpose, str] = {
    Purpose.BANK: gettext_noop("Bank"),
    Purpose.RECEIVABLE: gettext_noop("Accounts receivable"),
    Purpose.CUSTOMER_ADVANCE: gettext_noop("Customer advances (unapplied cash)"),
    Purpose.REVENUE: gettext_noop("Sales revenue"),
    Purpose.BANK_CHARGES: gettext_noop("Bank charges"),
    Purpose.FX_CLEARING: gettext_noop("FX clearing"),
    Purpose.FX_REALIZED: gettext_noop("Realized FX gain/loss"),
    Purpose.FX_UNREALIZED: gettext_noop("Unrealized FX gain/loss"),
    Purpose.FX_SPREAD: gettext_noop("FX spread cost"),
    Purpose.EQUITY: gettext_noop("Opening equity"),
    Purpose.OTHER: gettext_noop("Other"),
}


def home_currency() -> str:
    return normalize_currency(require_organization().home_currency)


def account_for(purpose: Purpose, currency: str) -> Account:
    """The system account for ``purpose`` in ``currency``, created on first use."""
    currency = normalize_currency(currency)
    code = postings.system_code(purpose, currency)
    account, _ = Account.objects.get_or_create(
        code=code,
        defaults={
            "name": f"{PURPOSE_NAMES[purpose]} {currency}",
            "currency": currency,
            "type": PURPOSE_TYPE[purpose].value,
            "purpose": purpose.value,
        },
    )
    return account


def account_create(
    *,
    actor: Any,
    code: str,
    name: str,
    currency: str,
    purpose: str = Purpose.BANK,
    bank_account_number: str = "",
    bank: Any = None,
) -> Account:
    """A named account (a bank or collection account, typically)."""
    purpose = Purpose(purpose)
    code = code.strip()
    if not code or len(code) > 60 or code.split(":")[0] in set(Purpose):
        raise InvalidPosting(params={"reason": "choose another account code"}, field="code")
    if Account.objects.filter(code=code).exists():
        raise InvalidPosting(params={"reason": f"the code {code} is taken"}, field="code")
    with transaction.atomic():
        account = Account.objects.create(
            code=code,
            name=name.strip() or code,
            currency=normalize_currency(currency),
            type=PURPOSE_TYPE[purpose].value,
            purpose=purpose.value,
            bank_account_number=normalize_account_number(bank_account_number),
            bank=bank,
        )
        audit_record(actor=actor, action="ledger.account_create", obj=account)
    return account


def normalize_account_number(text: str | None) -> str:
    return "".join((text or "").split()).upper()


def _locked(codes: set[str]) -> dict[str, Account]:
    return {
        a.code: a for a in Account.objects.select_for_update().filter(code__in=codes).order_by("pk")
    }


def _resolve_and_lock(codes: set[str]) -> dict[str, Account]:
    """The accounts named by ``codes``, row-locked in primary-key order.

    System accounts (``purpose:CUR``) are created on first use.
    """
    found = _locked(codes)
    missing = codes - set(found)
    if missing:
        for code in missing:
            purpose, _, currency = code.partition(":")
            if purpose not in set(Purpose) or len(currency) != 3:
                raise AccountNotFound(params={"account": code})
            account_for(Purpose(purpose), currency)
        found.update(_locked(missing))
    return found


POSTING_COLUMNS = (
    "organization_id",
    "entry_id",
    "account_id",
    "currency",
    "amount",
    "functional_amount",
    "rate",
    "rate_source",
    "rate_date",
)
ENTRY_COLUMNS = (
    "organization_id",
    "entry_date",
    "kind",
    "memo",
    "reverses_id",
    "created_by_id",
    "created_at",
)


def _insert_entries(rows: list[tuple[Any, ...]]) -> list[int]:
    """Insert journal entries in one statement; their ids in order (RETURNING)."""
    table = connection.ops.quote_name(JournalEntry._meta.db_table)
    columns = ", ".join(ENTRY_COLUMNS)
    values = ", ".join(["(" + ", ".join(["%s"] * len(ENTRY_COLUMNS)) + ")"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) VALUES {values} RETURNING id",  # noqa: S608
            [value for row in rows for value in row],
        )
        return [row[0] for row in cursor.fetchall()]


def _insert_postings(rows: list[tuple[Any, ...]]) -> None:
    """Insert postings: COPY on PostgreSQL, executemany elsewhere (no per-row ORM cost)."""
    table = connection.ops.quote_name(Posting._meta.db_table)
    columns = ", ".join(POSTING_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(POSTING_COLUMNS))
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def _apply(
    entries: Sequence[tuple[postings.Entry, int]],
    accounts: dict[str, Account],
    organization_id: int,
) -> None:
    rows: list[tuple[Any, ...]] = []
    totals: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    adapt_date = connection.ops.adapt_datefield_value
    for entry, entry_id in entries:
        for leg in entry.legs:
            account = accounts[leg.account]
            if account.currency != leg.currency:
                raise InvalidPosting(
                    params={
                        "reason": f"{account.code} holds {account.currency}, not {leg.currency}"
                    }
                )
            rows.append(
                (
                    organization_id,
                    entry_id,
                    account.pk,
                    leg.currency,
                    leg.amount,
                    leg.functional,
                    leg.rate.quantize(RATE_PLACES),
                    leg.rate_source[:20],
                    adapt_date(leg.rate_date),
                )
            )
            totals[account.pk][0] += leg.amount
            totals[account.pk][1] += leg.functional
    _insert_postings(rows)
    _add_to_balances(totals)


def _add_to_balances(totals: dict[int, list[Decimal]]) -> None:
    """Add each account's total to its cached balances (rows already locked by us)."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Account._meta.db_table)
        values = ", ".join(["(%s::bigint, %s::numeric, %s::numeric)"] * len(totals))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} AS a SET balance = a.balance + v.amount, "  # noqa: S608
                "functional_balance = a.functional_balance + v.functional "
                f"FROM (VALUES {values}) AS v(id, amount, functional) WHERE a.id = v.id",
                [
                    v
                    for pk, (amount, functional) in sorted(totals.items())
                    for v in (pk, amount, functional)
                ],
            )
        return
    for pk, (amount, functional) in sorted(totals.items()):
        Account.all_objects.filter(pk=pk).update(
            balance=F("balance") + amount, functional_balance=F("functional_balance") + functional
        )


def lock_accounts(pks: Sequence[int]) -> dict[int, Account]:
    """Row-lock accounts in primary-key order (one order everywhere: no deadlocks)."""
    return {a.pk: a for a in Account.objects.select_for_update().filter(pk__in=pks).order_by("pk")}


def entries_post(
    entries: Sequence[postings.Entry],
    *,
    actor: Any = None,
    reverses: Sequence[JournalEntry | None] | None = None,
) -> list[JournalEntry]:
    """Post balanced entries in one transaction; account rows are locked while balances move."""
    home = home_currency()
    for entry in entries:
        postings.validate(entry, home)
    codes = {leg.account for entry in entries for leg in entry.legs}
    with transaction.atomic():
        accounts = _resolve_and_lock(codes)
        organization = require_organization()
        actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
        now = timezone.now()
        adapt_date = connection.ops.adapt_datefield_value
        created_at = connection.ops.adapt_datetimefield_value(now)
        ids = _insert_entries(
            [
                (
                    organization.pk,
                    adapt_date(entry.entry_date),
                    entry.kind,
                    entry.memo[:300],
                    reverses[i].pk if reverses and reverses[i] is not None else None,  # type: ignore[union-attr]
                    actor_id,
                    created_at,
                )
                for i, entry in enumerate(entries)
            ]
        )
        _apply(list(zip(entries, ids, strict=True)), accounts, organization.pk)
        journals = []
        for i, (entry, entry_id) in enumerate(zip(entries, ids, strict=True)):
            reversed_entry = reverses[i] if reverses else None
            journal = JournalEntry(
                pk=entry_id,
                organization_id=organization.pk,
                entry_date=entry.entry_date,
                kind=entry.kind,
                memo=entry.memo[:300],
                reverses_id=reversed_entry.pk if reversed_entry is not None else None,
                created_by_id=actor_id,
                created_at=now,
            )
            journal._state.adding = False
            journals.append(journal)
    return journals


def entry_post(entry: postings.Entry, *, actor: Any = None) -> JournalEntry:
    return entries_post([entry], actor=actor)[0]


def as_pure(journal: JournalEntry) -> postings.Entry:
    legs = tuple(
        postings.Leg(
            p.account.code,
            p.currency,
            p.amount,
            p.functional_amount,
            p.rate,
            p.rate_source,
            p.rate_date,
        )
        for p in journal.postings.select_related("account")
    )
    return postings.Entry(journal.entry_date, legs, journal.memo, journal.kind)


def entry_reverse(
    *, entry: JournalEntry, on: date | None = None, actor: Any, memo: str = ""
) -> JournalEntry:
    """Post the reversal of ``entry`` (once)."""
    with transaction.atomic():
        locked = JournalEntry.objects.select_for_update().get(pk=entry.pk)
        if JournalEntry.objects.filter(reverses=locked).exists() or locked.kind == "reversal":
            raise AlreadyReversed()
        reversal = postings.reverse(as_pure(locked), on or locked.entry_date, memo)
        journal = entries_post([reversal], actor=actor, reverses=[locked])[0]
        audit_record(actor=actor, action="ledger.entry_reverse", obj=locked)
    return journal


def reference_rate(
    currency: str, on: date, *, user_rate: Decimal | None = None, stale_ok: bool = False
) -> Rate:
    """Home units per unit of ``currency`` on ``on``: the user's rate, else the ECB's.

    With ``stale_ok`` a date past the last ECB publication in the data falls back to that
    publication (its date is kept on the rate) instead of failing.
    """
    home = home_currency()
    currency = normalize_currency(currency)
    if currency == home:
        return postings.IDENTITY
    if user_rate is not None:
        if user_rate <= 0:
            raise InvalidPosting(params={"reason": "a rate must be positive"}, field="rate")
        return Rate(user_rate.quantize(RATE_PLACES), "user", on)
    from seaward.reference import selectors as reference

    try:
        quote = reference.fx_rate(on, currency, home)
    except DomainError:
        latest = reference.fx_latest().date if stale_ok else None
        if latest is None or latest >= on:
            raise RateUnavailable(
                params={"from": currency, "to": home, "date": on.isoformat()}, field="rate"
            ) from None
        return reference_rate(currency, latest)
    return Rate(quote.rate.quantize(RATE_PLACES), quote.source[:20], quote.date)
