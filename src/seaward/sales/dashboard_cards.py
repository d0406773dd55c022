"""Dashboard cards of the sales context: the seller's pipeline, the buyer's inbox."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest

from seaward.core.dashboard import Card
from seaward.sales import selectors


def pipeline_card(request: HttpRequest) -> Card | None:
    organization = getattr(request, "organization", None)
    if organization is None or organization.kind != "exporter":
        return None
    quotations = dict(
        selectors.quotations_sold().values_list("state").annotate(n=Count("id")).order_by()
    )
    orders = dict(selectors.orders_sold().values_list("state").annotate(n=Count("id")).order_by())
    return Card(
        "sales/cards/pipeline.html",
        {"quotations": sorted(quotations.items()), "orders": sorted(orders.items())},
    )


def buyer_card(request: HttpRequest) -> Card | None:
    organization = getattr(request, "organization", None)
    if organization is None or organization.kind != "buyer":
        return None
    return Card(
        "sales/cards/buyer.html",
        {
            "open_quotations": selectors.quotations_received().filter(state="sent").count(),
            "orders": selectors.orders_received().count(),
        },
    )
