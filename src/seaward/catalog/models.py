"""Catalog: products (multilingual), their SKUs with packing data, and quantity price tiers.

Texts are ``{language: text}`` JSON maps (see ``catalog.texts``) so that a new language is a
new key, not a migration. Images, certifications and bulk import hang off ``Product`` later.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from seaward.catalog.texts import pick
from seaward.core.tenancy import TenantModel
from seaward.organizations.models import validate_country


class Unit(models.TextChoices):
    PIECE = "pcs", _("pieces")
    SET = "set", _("sets")
    PAIR = "pair", _("pairs")
    CARTON = "ctn", _("cartons")
    KILOGRAM = "kg", _("kilograms")
    METRE = "m", _("metres")


class Product(TenantModel):
    title = models.JSONField(_("title"), default=dict, help_text=_("One title per language."))
    description = models.JSONField(_("description"), default=dict, blank=True)
    hs_code = models.CharField(_("HS code"), max_length=12, blank=True)
    origin_country = models.CharField(
        _("country of origin"), max_length=2, validators=[validate_country]
    )
    unit = models.CharField(_("unit"), max_length=8, choices=Unit.choices, default=Unit.PIECE)
    lead_time_days = models.PositiveIntegerField(_("lead time (days)"), default=30)
    specs = models.JSONField(_("specifications"), default=dict, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("product")
        verbose_name_plural = _("products")

    def __str__(self) -> str:
        return self.title_in("en") or f"#{self.pk}"

    def title_in(self, language: str) -> str:
        return pick(self.title, language)

    def description_in(self, language: str) -> str:
        return pick(self.description, language)


class Sku(TenantModel):
    """A sellable variant of a product: its code, MOQ, cost and carton packing."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="skus")
    code = models.CharField(_("SKU"), max_length=60)
    variant = models.JSONField(_("variant"), default=dict, blank=True)
    moq = models.PositiveIntegerField(_("minimum order quantity"), default=1)
    unit_cost = models.DecimalField(
        _("unit cost"),
        max_digits=20,
        decimal_places=4,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("What one unit costs you, in your home currency."),
    )
    cost_currency = models.CharField(_("cost currency"), max_length=3, default="CNY")
    units_per_carton = models.PositiveIntegerField(_("units per carton"), default=1)
    carton_length_cm = models.DecimalField(
        _("carton length (cm)"), max_digits=8, decimal_places=2, default=Decimal(0)
    )
    carton_width_cm = models.DecimalField(
        _("carton width (cm)"), max_digits=8, decimal_places=2, default=Decimal(0)
    )
    carton_height_cm = models.DecimalField(
        _("carton height (cm)"), max_digits=8, decimal_places=2, default=Decimal(0)
    )
    carton_net_kg = models.DecimalField(
        _("net weight per carton (kg)"), max_digits=10, decimal_places=3, default=Decimal(0)
    )
    carton_gross_kg = models.DecimalField(
        _("gross weight per carton (kg)"), max_digits=10, decimal_places=3, default=Decimal(0)
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("SKU")
        verbose_name_plural = _("SKUs")
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="sku_code_per_org")
        ]

    def __str__(self) -> str:
        return self.code

    def label_in(self, language: str) -> str:
        """Product title plus the variant, in ``language``."""
        variant = pick(self.variant, language)
        title = self.product.title_in(language)
        return f"{title} — {variant}" if variant else title

    @property
    def carton_cbm(self) -> Decimal:
        volume = self.carton_length_cm * self.carton_width_cm * self.carton_height_cm
        return (volume / Decimal(1_000_000)).quantize(Decimal("0.0001"))

    def packing(self) -> dict[str, Any]:
        return {
            "units_per_carton": self.units_per_carton,
            "carton_cm": [self.carton_length_cm, self.carton_width_cm, self.carton_height_cm],
            "net_kg": self.carton_net_kg,
            "gross_kg": self.carton_gross_kg,
        }


class PriceTier(TenantModel):
    sku = models.ForeignKey(Sku, on_delete=models.CASCADE, related_name="price_tiers")
    currency = models.CharField(_("currency"), max_length=3)
    min_quantity = models.PositiveIntegerField(_("from quantity"), default=1)
    unit_price = models.DecimalField(
        _("unit price"),
        max_digits=20,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0))],
    )

    class Meta:
        ordering = ["currency", "min_quantity"]
        constraints = [
            models.UniqueConstraint(
                fields=["sku", "currency", "min_quantity"], name="one_tier_per_quantity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.currency} ≥{self.min_quantity}: {self.unit_price}"
