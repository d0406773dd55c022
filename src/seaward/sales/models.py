"""Sales: quotations (versioned), sales orders, trade documents and document sequences.

A quotation is shared with the buyer's own organization only once it is sent:
``buyer_organization`` stays empty on drafts, so the tenancy mechanism itself keeps
drafts private (docs/adr/0012-sales-quotations-orders.md).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from seaward.catalog.texts import pick
from seaward.core.tenancy import TenantModel
from seaward.sales.pricing import PaymentTerms
from seaward.sales.states import OrderState, QuotationState


class DocumentKind(models.TextChoices):
    PROFORMA_INVOICE = "proforma-invoice", _("Pro-forma invoice")
    COMMERCIAL_INVOICE = "commercial-invoice", _("Commercial invoice")
    PACKING_LIST = "packing-list", _("Packing list")
    CERTIFICATE_OF_ORIGIN = "certificate-of-origin", _("Certificate of origin application")


class DocumentSequence(TenantModel):
    """The next number of one kind of document of one organization (locked when taken)."""

    key = models.CharField(max_length=40)
    next_value = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="one_sequence_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.next_value}"


class Quotation(TenantModel):
    PaymentTermsChoices = [
        (PaymentTerms.TT.value, _("T/T (telegraphic transfer)")),
        (PaymentTerms.LC_SIGHT.value, _("L/C at sight")),
        (PaymentTerms.DP.value, _("D/P (documents against payment)")),
        (PaymentTerms.DA.value, _("D/A (documents against acceptance)")),
        (PaymentTerms.OPEN_ACCOUNT.value, _("Open account")),
    ]

    number = models.CharField(_("number"), max_length=30)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(_("state"), max_length=20, default=QuotationState.DRAFT)
    buyer = models.ForeignKey(
        "organizations.Party", on_delete=models.PROTECT, related_name="+", verbose_name=_("buyer")
    )
    consignee = models.ForeignKey(
        "organizations.Party",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consignee"),
    )
    notify_party = models.ForeignKey(
        "organizations.Party",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("notify party"),
    )
    buyer_organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    currency = models.CharField(_("currency"), max_length=3)
    incoterm = models.CharField(_("Incoterm"), max_length=3)
    named_place = models.CharField(_("named place (UN/LOCODE)"), max_length=5)
    named_place_name = models.CharField(_("named place"), max_length=120, blank=True)
    payment_terms = models.CharField(
        _("payment terms"), max_length=20, choices=PaymentTermsChoices, default=PaymentTerms.TT
    )
    deposit_percent = models.DecimalField(
        _("deposit %"), max_digits=5, decimal_places=2, default=Decimal(30)
    )
    payment_days = models.PositiveIntegerField(_("payment days"), default=0)
    quote_date = models.DateField(_("quote date"))
    valid_until = models.DateField(_("valid until"))
    lead_time_days = models.PositiveIntegerField(_("lead time (days)"), default=30)
    packing = models.CharField(_("packing"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    language = models.CharField(_("document language"), max_length=10, default="en")
    home_currency = models.CharField(max_length=3, default="CNY")
    cost_inland = models.DecimalField(
        _("inland transport"), default=Decimal(0), max_digits=20, decimal_places=4
    )
    cost_export_clearance = models.DecimalField(
        _("export clearance"), default=Decimal(0), max_digits=20, decimal_places=4
    )
    cost_freight = models.DecimalField(
        _("freight"), default=Decimal(0), max_digits=20, decimal_places=4
    )
    cost_insurance = models.DecimalField(
        _("insurance"), default=Decimal(0), max_digits=20, decimal_places=4
    )
    cost_duty = models.DecimalField(
        _("import duty"), default=Decimal(0), max_digits=20, decimal_places=4
    )
    cost_import_vat = models.DecimalField(
        _("import VAT"), default=Decimal(0), max_digits=20, decimal_places=4
    )
    fx_rate = models.DecimalField(max_digits=28, decimal_places=12, null=True, blank=True)
    fx_date = models.DateField(null=True, blank=True)
    fx_source = models.CharField(max_length=40, blank=True)
    total = models.DecimalField(_("total"), default=Decimal(0), max_digits=20, decimal_places=4)
    buyer_message = models.TextField(_("message from the buyer"), blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    shared_via: ClassVar[tuple[str, ...]] = ("buyer_organization",)

    COST_FIELDS: ClassVar[dict[str, str]] = {
        "inland": "cost_inland",
        "export_clearance": "cost_export_clearance",
        "freight": "cost_freight",
        "insurance": "cost_insurance",
        "duty": "cost_duty",
        "import_vat": "cost_import_vat",
    }

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("quotation")
        verbose_name_plural = _("quotations")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number", "version"], name="one_quotation_version"
            )
        ]
        indexes = [models.Index(fields=["organization", "state"])]

    def __str__(self) -> str:
        return f"{self.number} v{self.version}"

    @property
    def incoterm_label(self) -> str:
        place = self.named_place_name or self.named_place
        return f"{self.incoterm} {place} {self.named_place}".strip()

    @property
    def is_editable(self) -> bool:
        return self.state == QuotationState.DRAFT


class QuotationLine(TenantModel):
    quotation = models.ForeignKey(Quotation, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField(default=1)
    sku = models.ForeignKey(
        "catalog.Sku", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sku_code = models.CharField(_("SKU"), max_length=60, blank=True)
    description = models.JSONField(_("description"), default=dict)
    hs_code = models.CharField(_("HS code"), max_length=12, blank=True)
    origin_country = models.CharField(_("origin"), max_length=2, blank=True)
    quantity = models.DecimalField(_("quantity"), max_digits=14, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=8, default="pcs")
    unit_price = models.DecimalField(_("unit price"), max_digits=20, decimal_places=4)
    unit_cost = models.DecimalField(
        _("unit cost"), default=Decimal(0), max_digits=20, decimal_places=4
    )
    units_per_carton = models.PositiveIntegerField(default=1)
    carton_length_cm = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal(0))
    carton_width_cm = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal(0))
    carton_height_cm = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal(0))
    carton_net_kg = models.DecimalField(max_digits=10, decimal_places=3, default=Decimal(0))
    carton_gross_kg = models.DecimalField(max_digits=10, decimal_places=3, default=Decimal(0))

    shared_via: ClassVar[tuple[str, ...]] = ("quotation__buyer_organization",)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.quotation_id}#{self.position}"

    def description_in(self, language: str) -> str:
        return pick(self.description, language)


class SalesOrder(TenantModel):
    number = models.CharField(_("number"), max_length=30)
    quotation = models.OneToOneField(Quotation, on_delete=models.PROTECT, related_name="order")
    state = models.CharField(_("state"), max_length=20, default=OrderState.DRAFT)
    draft_reason = models.TextField(_("why the order is not confirmed"), blank=True)
    buyer = models.ForeignKey("organizations.Party", on_delete=models.PROTECT, related_name="+")
    consignee = models.ForeignKey(
        "organizations.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    notify_party = models.ForeignKey(
        "organizations.Party", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    buyer_organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    buyer_reference = models.CharField(_("buyer's PO number"), max_length=60, blank=True)
    currency = models.CharField(_("currency"), max_length=3)
    total = models.DecimalField(_("total"), max_digits=20, decimal_places=4)
    deposit_amount = models.DecimalField(
        _("deposit"), default=Decimal(0), max_digits=20, decimal_places=4
    )
    deposit_due = models.DateField(_("deposit due"), null=True, blank=True)
    balance_amount = models.DecimalField(
        _("balance"), default=Decimal(0), max_digits=20, decimal_places=4
    )
    balance_due = models.DateField(_("balance due"), null=True, blank=True)
    ship_by = models.DateField(_("ship by"), null=True, blank=True)
    shipping_marks = models.TextField(_("marks and numbers"), blank=True)
    container_number = models.CharField(_("container number"), max_length=11, blank=True)
    seal_number = models.CharField(_("seal number"), max_length=30, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    shared_via: ClassVar[tuple[str, ...]] = ("buyer_organization",)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("sales order")
        verbose_name_plural = _("sales orders")
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="one_order_number")
        ]

    def __str__(self) -> str:
        return self.number


class TradeDocument(TenantModel):
    """An issued trade document: its number is taken once, on first issue."""

    order = models.ForeignKey(SalesOrder, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=30, choices=DocumentKind.choices)
    number = models.CharField(max_length=30)
    currency = models.CharField(max_length=3)
    total = models.DecimalField(max_digits=20, decimal_places=4)
    receivable_posted = models.BooleanField(default=False)
    receivable_error = models.CharField(max_length=300, blank=True)
    buyer_organization = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)

    shared_via: ClassVar[tuple[str, ...]] = ("buyer_organization",)

    class Meta:
        ordering = ["order", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["order", "kind"], name="one_document_per_kind"),
            models.UniqueConstraint(
                fields=["organization", "kind", "number"], name="unique_document_number"
            ),
        ]

    def __str__(self) -> str:
        return self.number

    # What the ledger's receivable seam reads from an invoice document.
    @property
    def buyer(self) -> Any:
        return self.order.buyer

    @property
    def issue_date(self) -> date:
        return self.issued_at.date()
