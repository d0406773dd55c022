"""Reads of the sales context."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from seaward.core.money import Money
from seaward.core.tenancy import require_organization
from seaward.sales.costing import CostBuildUp, build_up
from seaward.sales.models import Quotation, SalesOrder, TradeDocument
from seaward.sales.pricing import Instalment, line_total, payment_schedule
from seaward.sales.states import OrderState, QuotationState


def quotations_visible() -> QuerySet[Quotation]:
    """Every quotation the active organization may see: its own, and those sent to it."""
    return Quotation.objects.select_related("buyer", "organization")


def quotations_sold(
    *, state: str = "", search: str = "", current_only: bool = True
) -> QuerySet[Quotation]:
    """The active organization's own quotations (latest versions unless ``current_only`` is off)."""
    quotations = quotations_visible().filter(organization=require_organization())
    if current_only:
        quotations = quotations.exclude(state=QuotationState.SUPERSEDED)
    if state:
        quotations = quotations.filter(state=state)
    if search:
        quotations = quotations.filter(
            Q(number__icontains=search) | Q(buyer__name__icontains=search)
        )
    return quotations


def quotations_received() -> QuerySet[Quotation]:
    """Quotations addressed to the active organization as a buyer (sent ones only)."""
    return quotations_visible().filter(buyer_organization=require_organization())


def quotation_versions(quotation: Quotation) -> QuerySet[Quotation]:
    return Quotation.objects.filter(
        organization_id=quotation.organization_id, number=quotation.number
    ).order_by("-version")


def orders_sold(*, state: str = "") -> QuerySet[SalesOrder]:
    orders = SalesOrder.objects.owned().select_related("buyer", "quotation")
    return orders.filter(state=state) if state else orders


def orders_received() -> QuerySet[SalesOrder]:
    return SalesOrder.objects.filter(buyer_organization=require_organization()).select_related(
        "organization", "quotation"
    )


def orders_visible() -> QuerySet[SalesOrder]:
    return SalesOrder.objects.select_related("buyer", "quotation", "organization")


def documents_of(order: SalesOrder) -> QuerySet[TradeDocument]:
    return TradeDocument.objects.filter(order=order)


@dataclass(frozen=True)
class LineView:
    position: int
    sku_code: str
    description: str
    hs_code: str
    quantity: Decimal
    unit: str
    unit_price: Money
    total: Money


def lines_in(quotation: Quotation, language: str) -> list[LineView]:
    """The lines of a quotation with descriptions in ``language``."""
    return [
        LineView(
            line.position,
            line.sku_code,
            line.description_in(language),
            line.hs_code,
            line.quantity.normalize(),
            line.unit,
            Money(line.unit_price, quotation.currency),
            line_total(line.quantity, line.unit_price, quotation.currency),
        )
        for line in quotation.lines.all()
    ]


def cost_build_up(quotation: Quotation) -> CostBuildUp | None:
    """Seller's costs under the Incoterm, revenue and margin in the home currency.

    None when no exchange rate for the quote date is known.
    """
    if quotation.fx_rate is None:
        return None
    home = quotation.home_currency
    goods = sum((line.quantity * line.unit_cost for line in quotation.lines.all()), Decimal(0))
    costs = {
        name: Money(getattr(quotation, column), home)
        for name, column in Quotation.COST_FIELDS.items()
    }
    revenue = Money(quotation.total, quotation.currency).convert(quotation.fx_rate, home)
    return build_up(
        incoterm=quotation.incoterm, goods_cost=Money(goods, home), costs=costs, revenue=revenue
    )


def quotation_payment_plan(quotation: Quotation) -> list[Instalment]:
    """The deposit and balance the quotation's terms would ask for (due dates once ordered)."""
    return payment_schedule(
        terms=quotation.payment_terms,
        total=Money(quotation.total, quotation.currency),
        deposit_percent=quotation.deposit_percent,
        days=quotation.payment_days,
    )


def order_next_states(order: SalesOrder) -> list[OrderState]:
    from seaward.sales.states import order_next_states as next_states

    return next_states(order.state)
