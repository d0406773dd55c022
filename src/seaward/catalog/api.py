"""API of the catalog: products with their SKUs and quantity price tiers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from seaward.catalog import selectors, services
from seaward.catalog.models import Product
from seaward.catalog.pricing import Tier
from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.apitypes import MAX_ID, Pages
from seaward.core.errors import NotFound
from seaward.organizations.roles import Capability

router = Router(tags=["catalog"])

Quantity = Field(..., ge=1, le=1_000_000_000)


class TierIn(Schema):
    currency: str = Field(..., min_length=3, max_length=3)
    min_quantity: int = Quantity
    unit_price: Decimal = Field(..., ge=0, lt=Decimal(10) ** 12, decimal_places=4)


class TierOut(Schema):
    currency: str
    min_quantity: int
    unit_price: Decimal


class SkuIn(Schema):
    code: str = Field(..., min_length=1, max_length=60)
    variant: dict[str, str] = {}
    moq: int = Field(1, ge=1, le=1_000_000_000)
    unit_cost: Decimal = Field(Decimal(0), ge=0, lt=Decimal(10) ** 12, decimal_places=4)
    units_per_carton: int = Field(1, ge=1, le=1_000_000)
    carton_length_cm: Decimal = Field(Decimal(0), ge=0, lt=100_000, decimal_places=2)
    carton_width_cm: Decimal = Field(Decimal(0), ge=0, lt=100_000, decimal_places=2)
    carton_height_cm: Decimal = Field(Decimal(0), ge=0, lt=100_000, decimal_places=2)
    carton_net_kg: Decimal = Field(Decimal(0), ge=0, lt=1_000_000, decimal_places=3)
    carton_gross_kg: Decimal = Field(Decimal(0), ge=0, lt=1_000_000, decimal_places=3)
    tiers: list[TierIn] = Field([], max_length=50)


class SkuOut(Schema):
    id: int
    code: str
    variant: dict[str, str]
    moq: int
    units_per_carton: int
    carton_length_cm: Decimal
    carton_width_cm: Decimal
    carton_height_cm: Decimal
    carton_net_kg: Decimal
    carton_gross_kg: Decimal
    tiers: list[TierOut] = Field(..., alias="price_tiers.all")


class ProductIn(Schema):
    title: dict[str, str] = Field(..., description='One title per language: {"en": …, "zh": …}')
    description: dict[str, str] = {}
    hs_code: str = Field("", max_length=12, pattern=r"^[0-9. ]*$")
    origin_country: str = Field(..., min_length=2, max_length=2)
    unit: str = Field("pcs", max_length=8)
    lead_time_days: int = Field(30, ge=0, le=3650)
    specs: dict[str, str] = {}
    skus: list[SkuIn] = Field([], max_length=100)


class ProductOut(Schema):
    id: int
    title: dict[str, str]
    description: dict[str, str]
    hs_code: str
    origin_country: str
    unit: str
    lead_time_days: int
    specs: dict[str, Any]
    is_active: bool
    created_at: datetime
    skus: list[SkuOut] = Field(..., alias="skus.all")


@router.get("/products", response=list[ProductOut], summary="The catalog's products")
@paginate(Pages)
def product_list(request: MemberRequest, q: str = "") -> Any:
    return selectors.product_list(search=q)


@router.post("/products", response={201: ProductOut}, summary="Add a product with its SKUs")
def product_create(request: MemberRequest, payload: ProductIn) -> Any:
    ensure_capability(request, Capability.SELL)
    data = payload.dict()
    skus = data.pop("skus")
    from django.db import transaction

    with transaction.atomic():
        product = services.product_create(actor=request.user, **data)
        for sku in skus:
            tiers = [
                Tier(t["currency"], Decimal(t["min_quantity"]), t["unit_price"])
                for t in sku.pop("tiers")
            ]
            services.sku_create(actor=request.user, product=product, tiers=tiers, **sku)
    return Status(201, get_object_or_404(Product.objects.all(), pk=product.pk))


@router.get("/products/{product_id}", response=ProductOut, summary="One product")
def product_get(request: MemberRequest, product_id: int) -> Any:
    if not 0 < product_id <= MAX_ID:
        raise NotFound()
    return get_object_or_404(Product.objects.all(), pk=product_id)
