"""Customs: confirmed HS classifications, saved landed-cost estimates, export declarations.

The computations live in the pure modules (``hs_classifier``, ``landed_cost``,
``declaration``); these rows keep what a person decided or saved, with who and when.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from seaward.core.tenancy import TenantModel


class ClassificationDecision(TenantModel):
    """A member confirmed that a SKU's product is this HS subheading.

    The text and the candidates shown are kept so that the decision can be explained
    later, and the text becomes a labelled example for the organization's next
    classifications.
    """

    sku = models.ForeignKey(
        "catalog.Sku", on_delete=models.CASCADE, related_name="+", verbose_name=_("SKU")
    )
    code = models.CharField(_("HS 2022 subheading"), max_length=6)
    national_code = models.CharField(_("national tariff line"), max_length=12, blank=True)
    text = models.TextField(_("text classified"))
    attributes = models.JSONField(_("attributes"), default=dict, blank=True)
    candidates = models.JSONField(_("candidates shown"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    decided_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-id"]
        verbose_name = _("classification decision")
        verbose_name_plural = _("classification decisions")
        indexes = [models.Index(fields=["organization", "sku", "-decided_at"])]

    def __str__(self) -> str:
        return f"{self.sku_id} → {self.code}"


class LandedCostEstimate(TenantModel):
    """A saved landed-cost breakdown: the shipment as entered and the engine's result."""

    name = models.CharField(_("name"), max_length=120)
    destination_port = models.CharField(_("destination (UN/LOCODE)"), max_length=5)
    destination_country = models.CharField(_("destination country"), max_length=2)
    incoterm = models.CharField(_("Incoterm"), max_length=3)
    transport_mode = models.CharField(_("transport mode"), max_length=20)
    currency = models.CharField(_("invoice currency"), max_length=3)
    quotation = models.ForeignKey(
        "sales.Quotation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("quotation"),
    )
    shipment = models.JSONField(_("shipment"))
    result = models.JSONField(_("breakdown"))
    total = models.DecimalField(
        _("total landed cost"), max_digits=20, decimal_places=4, default=Decimal(0)
    )
    result_currency = models.CharField(_("currency of the breakdown"), max_length=3)
    cbam = models.BooleanField(_("CBAM goods"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("landed-cost estimate")
        verbose_name_plural = _("landed-cost estimates")

    def __str__(self) -> str:
        return self.name


class ExportDeclaration(TenantModel):
    """The declaration data set of an order, as prepared on a date (a snapshot)."""

    order = models.ForeignKey(
        "sales.SalesOrder",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("order"),
    )
    transport_mode = models.CharField(_("transport mode"), max_length=20)
    data = models.JSONField(_("declaration data"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("export declaration")
        verbose_name_plural = _("export declarations")

    def __str__(self) -> str:
        return f"{self.order_id} @ {self.created_at:%Y-%m-%d}"
