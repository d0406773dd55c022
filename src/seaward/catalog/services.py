"""Writes of the catalog: products, SKUs and their price tiers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from seaward.catalog.errors import DuplicateSku, InvalidPriceTier, TitleRequired
from seaward.catalog.models import PriceTier, Product, Sku
from seaward.catalog.pricing import Tier
from seaward.catalog.texts import clean_texts
from seaward.core.errors import InvalidInput, gettext_noop
from seaward.core.money import normalize_currency
from seaward.core.tenancy import require_organization
from seaward.organizations.audit import audit_record
from seaward.organizations.models import User

PRODUCT_FIELDS = ("hs_code", "origin_country", "unit", "lead_time_days", "specs", "is_active")
SKU_FIELDS = (
    "moq",
    "unit_cost",
    "units_per_carton",
    "carton_length_cm",
    "carton_width_cm",
    "carton_height_cm",
    "carton_net_kg",
    "carton_gross_kg",
)
MAX_QUANTITY = 10**9
MAX_PRICE = Decimal(10) ** 12


def _validated(instance: Any, exclude: list[str] | None = None) -> None:
    try:
        instance.full_clean(exclude=exclude, validate_constraints=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise InvalidInput(
            gettext_noop("%(field)s: %(message)s"),
            code="invalid_field",
            field=None if field == "__all__" else field,
            params={"field": field, "message": " ".join(str(m) for m in messages)},
            details={"errors": error.message_dict},
        ) from None


def _texts(value: Mapping[str, str] | None, field: str) -> dict[str, str]:
    texts = clean_texts(value)
    for language, text in texts.items():
        if len(language) > 8 or len(text) > 4000 or "\x00" in text:
            raise InvalidInput(
                gettext_noop("%(field)s: text too long or not valid."),
                field=field,
                params={"field": field},
            )
    return texts


@transaction.atomic
def product_create(
    *,
    actor: User | None,
    title: Mapping[str, str],
    description: Mapping[str, str] | None = None,
    **fields: Any,
) -> Product:
    """Add a product to the active organization's catalog."""
    titles = _texts(title, "title")
    if not titles:
        raise TitleRequired(field="title")
    specs = {
        str(k).replace("\x00", "")[:100]: str(v).replace("\x00", "")[:500]
        for k, v in dict(fields.pop("specs", None) or {}).items()
    }
    product = Product(
        title=titles,
        specs=specs,
        description=_texts(description, "description"),
        **{k: v for k, v in fields.items() if k in PRODUCT_FIELDS},
    )
    product.hs_code = product.hs_code.replace(".", "").replace(" ", "")
    product.origin_country = (product.origin_country or "").upper()
    _validated(product, exclude=["organization"])
    product.save()
    audit_record(actor=actor, action="product.create", obj=product, after={"title": titles})
    return product


@transaction.atomic
def product_update(
    *,
    actor: User | None,
    product: Product,
    title: Mapping[str, str] | None = None,
    description: Mapping[str, str] | None = None,
    **fields: Any,
) -> Product:
    if title is not None:
        titles = _texts(title, "title")
        if not titles:
            raise TitleRequired(field="title")
        product.title = titles
    if description is not None:
        product.description = _texts(description, "description")
    for name, value in fields.items():
        if name in PRODUCT_FIELDS:
            setattr(product, name, value)
    product.hs_code = product.hs_code.replace(".", "").replace(" ", "")
    product.origin_country = (product.origin_country or "").upper()
    _validated(product, exclude=["organization"])
    product.save()
    audit_record(actor=actor, action="product.update", obj=product)
    return product


def _checked_tiers(tiers: Iterable[Tier]) -> list[Tier]:
    checked: list[Tier] = []
    seen: set[tuple[str, Decimal]] = set()
    for line, tier in enumerate(tiers, start=1):
        problem = ""
        try:
            currency = normalize_currency(tier.currency)
        except InvalidInput:
            currency, problem = tier.currency, f"unknown currency {tier.currency[:8]}"
        if not problem and not (1 <= tier.min_quantity <= MAX_QUANTITY):
            problem = "the quantity must be between 1 and 1,000,000,000"
        if not problem and tier.min_quantity != tier.min_quantity.to_integral_value():
            problem = "the quantity must be a whole number"
        if not problem and not (0 <= tier.unit_price < MAX_PRICE):
            problem = "the price must be zero or more"
        if not problem and (currency, tier.min_quantity) in seen:
            problem = "the same currency and quantity appear twice"
        if problem:
            raise InvalidPriceTier(field="tiers", params={"line": line, "problem": problem})
        seen.add((currency, tier.min_quantity))
        checked.append(Tier(currency, tier.min_quantity, tier.unit_price))
    return checked


@transaction.atomic
def sku_create(
    *,
    actor: User | None,
    product: Product,
    code: str,
    variant: Mapping[str, str] | None = None,
    tiers: Iterable[Tier] = (),
    **fields: Any,
) -> Sku:
    """Add a SKU (with its price tiers) to a product."""
    organization = require_organization()
    code = code.strip()
    if not code or "\x00" in code:
        raise InvalidInput(gettext_noop("Give the SKU a code."), field="code")
    if Sku.objects.owned().filter(code=code).exists():
        raise DuplicateSku(field="code", params={"code": code})
    sku = Sku(
        product=product,
        code=code,
        variant=_texts(variant, "variant"),
        cost_currency=organization.home_currency,
        **{k: v for k, v in fields.items() if k in SKU_FIELDS},
    )
    _validated(sku, exclude=["organization", "product"])
    checked = _checked_tiers(tiers)
    try:
        with transaction.atomic():
            sku.save()
    except IntegrityError:
        raise DuplicateSku(field="code", params={"code": code}) from None
    _save_tiers(sku, checked)
    audit_record(actor=actor, action="sku.create", obj=sku)
    return sku


@transaction.atomic
def sku_set_tiers(*, actor: User | None, sku: Sku, tiers: Iterable[Tier]) -> Sku:
    """Replace a SKU's price tiers."""
    checked = _checked_tiers(tiers)
    sku.price_tiers.all().delete()
    _save_tiers(sku, checked)
    audit_record(
        actor=actor,
        action="sku.set_tiers",
        obj=sku,
        after={"tiers": [[t.currency, str(t.min_quantity), str(t.unit_price)] for t in checked]},
    )
    return sku


def _save_tiers(sku: Sku, tiers: list[Tier]) -> None:
    PriceTier.objects.bulk_create(
        PriceTier(
            organization_id=sku.organization_id,
            sku=sku,
            currency=tier.currency,
            min_quantity=int(tier.min_quantity),
            unit_price=tier.unit_price,
        )
        for tier in tiers
    )
