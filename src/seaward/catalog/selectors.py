"""Reads of the catalog."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q, QuerySet

from seaward.catalog.models import Product, Sku
from seaward.catalog.pricing import Tier, tier_price


def product_list(*, search: str = "") -> QuerySet[Product]:
    products = Product.objects.prefetch_related("skus")
    search = search.replace("\x00", "").strip()
    if search:
        # JSON text search: the stored texts are plain strings, so a containment test on the
        # serialized JSON is portable across SQLite and PostgreSQL.
        products = products.filter(
            Q(title__icontains=search) | Q(skus__code__icontains=search) | Q(hs_code=search)
        ).distinct()
    return products


def sku_list() -> QuerySet[Sku]:
    return Sku.objects.select_related("product").prefetch_related("price_tiers")


def tiers_of(sku: Sku) -> list[Tier]:
    return [Tier(t.currency, Decimal(t.min_quantity), t.unit_price) for t in sku.price_tiers.all()]


def sku_price(sku: Sku, *, currency: str, quantity: Decimal) -> Decimal | None:
    """The tier unit price for ``quantity`` in ``currency``, or None."""
    return tier_price(tiers_of(sku), currency, quantity)
