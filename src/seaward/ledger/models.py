"""Ledger persistence: accounts, immutable journal entries and postings, receivables,
receipts, settlements, revaluations, bank statements and their lines."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from seaward.core.tenancy import TenantModel
from seaward.ledger.errors import EntryImmutable
from seaward.ledger.postings import AccountType, Purpose

AMOUNT = {"max_digits": 20, "decimal_places": 4}
RATE = {"max_digits": 24, "decimal_places": 10}


class Account(TenantModel):
    """An account of one organization, in one currency."""

    code = models.CharField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    currency = models.CharField(_("currency"), max_length=3)
    type = models.CharField(
        _("type"), max_length=10, choices=[(t.value, t.value) for t in AccountType]
    )
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=[(p.value, p.value) for p in Purpose]
    )
    bank_account_number = models.CharField(
        _("bank account number"), max_length=60, blank=True, help_text=_("IBAN or account number")
    )
    bank = models.ForeignKey(
        "organizations.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Caches of sum(postings), updated under a row lock in the same transaction.
    balance = models.DecimalField(_("balance"), default=0, **AMOUNT)  # type: ignore[arg-type]
    functional_balance = models.DecimalField(_("functional balance"), default=0, **AMOUNT)  # type: ignore[arg-type]
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"], name="ledger_account_code_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.name}"


class JournalEntry(TenantModel):
    """A balanced set of postings; never changed once posted (corrections are reversals)."""

    entry_date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20)
    memo = models.CharField(_("memo"), max_length=300, blank=True)
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversal"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-entry_date", "-id"]
        verbose_name_plural = _("journal entries")
        indexes = [models.Index(fields=["organization", "entry_date"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.entry_date} {self.memo}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise EntryImmutable()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise EntryImmutable()


class Posting(TenantModel):
    """One leg of an entry: transaction amount and currency, rate, functional amount."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.PROTECT, related_name="postings")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="postings")
    currency = models.CharField(max_length=3)
    amount = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    functional_amount = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    rate = models.DecimalField(**RATE)  # type: ignore[arg-type]
    rate_source = models.CharField(max_length=20, blank=True)
    rate_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["account", "entry"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise EntryImmutable()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise EntryImmutable()


class Receivable(TenantModel):
    """An invoice's receivable: what the buyer owes, in the invoice currency."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PARTIAL = "partial", _("Partly paid")
        PAID = "paid", _("Paid")

    invoice_number = models.CharField(_("invoice number"), max_length=60)
    buyer = models.ForeignKey("organizations.Party", on_delete=models.PROTECT, related_name="+")
    currency = models.CharField(_("currency"), max_length=3)
    amount = models.DecimalField(_("amount"), **AMOUNT)  # type: ignore[arg-type]
    open_amount = models.DecimalField(_("open amount"), **AMOUNT)  # type: ignore[arg-type]
    functional_amount = models.DecimalField(_("functional amount"), **AMOUNT)  # type: ignore[arg-type]
    open_functional = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    rate = models.DecimalField(_("invoice-date rate"), **RATE)  # type: ignore[arg-type]
    rate_source = models.CharField(max_length=20)
    invoice_date = models.DateField(_("invoice date"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    entry = models.OneToOneField(JournalEntry, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=100, blank=True, help_text="e.g. sales.invoice:42")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-invoice_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "invoice_number"], name="ledger_receivable_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(open_amount__gte=0), name="ledger_receivable_open_nonneg"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.invoice_number} {self.amount} {self.currency}"


class Receipt(TenantModel):
    """Money received into a collection account, net of intermediary bank charges."""

    class ChargeBearer(models.TextChoices):
        OUR = "OUR", _("OUR (buyer pays all charges)")
        SHA = "SHA", _("SHA (charges shared)")
        BEN = "BEN", _("BEN (beneficiary pays all charges)")

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="receipts")
    payer = models.ForeignKey(
        "organizations.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    payer_name = models.CharField(_("payer"), max_length=300, blank=True)
    received_on = models.DateField(_("received on"))
    currency = models.CharField(max_length=3)
    net_amount = models.DecimalField(_("amount arrived"), **AMOUNT)  # type: ignore[arg-type]
    charges = models.DecimalField(_("bank charges"), default=0, **AMOUNT)  # type: ignore[arg-type]
    charge_bearer = models.CharField(
        max_length=3, choices=ChargeBearer.choices, default=ChargeBearer.SHA
    )
    unapplied_amount = models.DecimalField(default=0, **AMOUNT)  # type: ignore[arg-type]
    unapplied_functional = models.DecimalField(default=0, **AMOUNT)  # type: ignore[arg-type]
    rate = models.DecimalField(**RATE)  # type: ignore[arg-type]
    rate_source = models.CharField(max_length=20)
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    entry = models.OneToOneField(JournalEntry, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unapplied_amount__gte=0), name="ledger_receipt_unapplied_nonneg"
            )
        ]

    def __str__(self) -> str:
        return f"{self.received_on} {self.net_amount} {self.currency} {self.payer_name}"


class Allocation(TenantModel):
    receipt = models.ForeignKey(Receipt, on_delete=models.PROTECT, related_name="allocations")
    receivable = models.ForeignKey(Receivable, on_delete=models.PROTECT, related_name="allocations")
    amount = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    realized = models.DecimalField(default=0, **AMOUNT)  # type: ignore[arg-type]
    entry = models.ForeignKey(JournalEntry, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["id"]


class Settlement(TenantModel):
    """Foreign currency sold for home currency at the bank's rate (结汇)."""

    source_account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    target_account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="+")
    settled_on = models.DateField(_("settled on"))
    currency = models.CharField(max_length=3)
    amount = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    bank_rate = models.DecimalField(**RATE)  # type: ignore[arg-type]
    mid_rate = models.DecimalField(null=True, blank=True, **RATE)  # type: ignore[arg-type]
    proceeds = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    carrying = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    realized = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    spread = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    reference = models.CharField(max_length=200, blank=True)
    entry = models.OneToOneField(JournalEntry, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-settled_on", "-id"]


class Revaluation(TenantModel):
    """A period-end revaluation and the reversal at the next period's start."""

    period_end = models.DateField(_("period end"))
    rates = models.JSONField(default=dict)
    entry = models.OneToOneField(
        JournalEntry, null=True, on_delete=models.PROTECT, related_name="+"
    )
    reversal = models.OneToOneField(
        JournalEntry, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "period_end"], name="ledger_revaluation_once"
            )
        ]


class BankStatement(TenantModel):
    """An imported statement; a fingerprint keeps a second import from creating it twice."""

    fingerprint = models.CharField(max_length=64)
    format = models.CharField(max_length=10)
    account = models.ForeignKey(
        Account, null=True, blank=True, on_delete=models.PROTECT, related_name="statements"
    )
    account_number = models.CharField(max_length=60, blank=True)
    statement_id = models.CharField(max_length=100, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    opening_balance = models.DecimalField(null=True, **AMOUNT)  # type: ignore[arg-type]
    closing_balance = models.DecimalField(null=True, **AMOUNT)  # type: ignore[arg-type]
    opening_date = models.DateField(null=True)
    closing_date = models.DateField(null=True)
    balance_difference = models.DecimalField(null=True, **AMOUNT)  # type: ignore[arg-type]
    confirmed_unbalanced = models.BooleanField(default=False)
    file_name = models.CharField(max_length=200, blank=True)
    warnings = models.JSONField(default=list)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "fingerprint"], name="ledger_statement_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.format} {self.account_number} {self.closing_date}"


class StatementLine(TenantModel):
    class Status(models.TextChoices):
        UNMATCHED = "unmatched", _("Unmatched")
        SUGGESTED = "suggested", _("Awaiting confirmation")
        MATCHED = "matched", _("Reconciled")

    statement = models.ForeignKey(BankStatement, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    amount = models.DecimalField(**AMOUNT)  # type: ignore[arg-type]
    currency = models.CharField(max_length=3, blank=True)
    booking_date = models.DateField(null=True)
    value_date = models.DateField(null=True)
    reference = models.CharField(max_length=300, blank=True)
    counterparty = models.CharField(max_length=300, blank=True)
    remittance = models.TextField(blank=True)
    bank_reference = models.CharField(max_length=100, blank=True)
    booked = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.UNMATCHED)
    confidence = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    match_kind = models.CharField(max_length=10, blank=True)
    match_keys = models.JSONField(default=list)
    match_charges = models.DecimalField(null=True, **AMOUNT)  # type: ignore[arg-type]
    match_reasons = models.JSONField(default=list)
    receipt = models.ForeignKey(
        Receipt, null=True, blank=True, on_delete=models.PROTECT, related_name="lines"
    )

    class Meta:
        ordering = ["statement", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "position"], name="ledger_line_position_unique"
            )
        ]


STORED_PLACES = Decimal("0.0001")


def stored(value: Decimal | float | int | None) -> Decimal:
    """An aggregate as the exact Decimal of stored amounts.

    SQLite sums decimal columns in floating point; every stored amount has four decimal
    places, so rounding the sum to four places restores the exact total.
    """
    if value is None:
        return Decimal(0)
    return Decimal(str(value)).quantize(STORED_PLACES)
