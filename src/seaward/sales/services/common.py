"""Shared checks of the sales services: input cleaning, ownership, the buyer side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from seaward.core.errors import InvalidInput, NotFound, gettext_noop
from seaward.core.tenancy import current_organization
from seaward.sales.models import Quotation, SalesOrder

MAX_AMOUNT = Decimal(10) ** 12


@dataclass(frozen=True)
class LineInput:
    """One quotation line as typed: a catalog SKU (price from its tiers) or a free line."""

    quantity: Decimal
    sku_id: int | None = None
    description: Mapping[str, str] = field(default_factory=dict)
    unit_price: Decimal | None = None
    unit: str = ""
    hs_code: str = ""
    unit_cost: Decimal | None = None


def invalid(message: str, field_name: str, **params: Any) -> InvalidInput:
    return InvalidInput(message, field=field_name, params=params)


def checked_amount(value: Any, field_name: str, *, allow_none: bool = False) -> Decimal | None:
    if value is None and allow_none:
        return None
    amount = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if not amount.is_finite() or amount < 0 or amount >= MAX_AMOUNT:
        raise invalid(gettext_noop("%(field)s must be zero or more."), field_name, field=field_name)
    return amount


def clean_text(value: str, field_name: str, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit or "\x00" in text:
        raise invalid(
            gettext_noop("%(field)s is too long (at most %(limit)s characters)."),
            field_name,
            field=field_name,
            limit=limit,
        )
    return text


def require_owner(obj: Quotation | SalesOrder) -> None:
    """Only the seller's organization changes its quotations and orders (others: 404)."""
    if not obj.is_owned_by_active():
        raise NotFound()


def is_buyer_side(quotation: Quotation) -> bool:
    organization = current_organization()
    return (
        organization is not None
        and quotation.buyer_organization_id is not None
        and quotation.buyer_organization_id == organization.pk
        and not quotation.is_owned_by_active()
    )
