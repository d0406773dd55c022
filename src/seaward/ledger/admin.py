"""Back office: every tenant's ledger rows, read-only (entries are corrected by reversal)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from seaward.ledger.models import (
    Account,
    BankStatement,
    JournalEntry,
    Posting,
    Receipt,
    Receivable,
    Settlement,
    StatementLine,
)


class ReadOnlyLedgerAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """All tenants, explicitly; no adding, changing or deleting from the back office."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return self.model.all_objects.all()

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Account)
class AccountAdmin(ReadOnlyLedgerAdmin):
    list_display = ["code", "name", "organization", "currency", "type", "purpose", "balance"]
    list_filter = ["purpose", "currency"]
    search_fields = ["code", "name", "bank_account_number"]


class PostingInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Posting
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "account",
        "currency",
        "amount",
        "rate",
        "rate_source",
        "functional_amount",
    )

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(JournalEntry)
class JournalEntryAdmin(ReadOnlyLedgerAdmin):
    list_display = ["id", "organization", "entry_date", "kind", "memo", "reverses"]
    list_filter = ["kind"]
    date_hierarchy = "entry_date"
    inlines = [PostingInline]


@admin.register(Receivable)
class ReceivableAdmin(ReadOnlyLedgerAdmin):
    list_display = ["invoice_number", "organization", "buyer", "currency", "amount", "open_amount"]
    list_filter = ["status", "currency"]
    search_fields = ["invoice_number"]


@admin.register(Receipt)
class ReceiptAdmin(ReadOnlyLedgerAdmin):
    list_display = ["received_on", "organization", "payer_name", "currency", "net_amount"]


@admin.register(Settlement)
class SettlementAdmin(ReadOnlyLedgerAdmin):
    list_display = ["settled_on", "organization", "currency", "amount", "bank_rate", "realized"]


class LineInline(admin.TabularInline):  # type: ignore[type-arg]
    model = StatementLine
    extra = 0
    can_delete = False
    fields = readonly_fields = (
        "position",
        "amount",
        "value_date",
        "counterparty",
        "reference",
        "status",
    )


@admin.register(BankStatement)
class BankStatementAdmin(ReadOnlyLedgerAdmin):
    list_display = ["id", "organization", "format", "account_number", "closing_date"]
    inlines = [LineInline]
