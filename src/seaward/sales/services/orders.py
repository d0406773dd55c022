"""Sales order services: one per state transition, and the trade documents they issue."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from seaward.core.money import Money
from seaward.organizations.audit import audit_record
from seaward.organizations.models import User
from seaward.sales import screening
from seaward.sales.errors import (
    DocumentNotAvailable,
    UnknownDocumentKind,
)
from seaward.sales.models import DocumentKind, SalesOrder, TradeDocument
from seaward.sales.numbering import next_number
from seaward.sales.pricing import payment_schedule
from seaward.sales.services.common import (
    clean_text,
    require_owner,
)
from seaward.sales.states import (
    ORDER_COMMITTED,
    OrderState,
    check_order_move,
)


# --- sales orders ----------------------------------------
def _set_state(order: SalesOrder, target: OrderState) -> None:
    check_order_move(order.state, target)
    order.state = target
    order.state_changed_at = timezone.now()


def confirm_order(actor: User | None, order: SalesOrder) -> SalesOrder:
    _set_state(order, OrderState.CONFIRMED)
    screening.gate([order.buyer, order.consignee, order.notify_party])
    quotation = order.quotation
    today = timezone.localdate()
    ship_by = today + timedelta(days=quotation.lead_time_days)
    schedule = payment_schedule(
        terms=quotation.payment_terms,
        total=Money(order.total, order.currency),
        deposit_percent=quotation.deposit_percent,
        days=quotation.payment_days,
        confirmed_on=today,
        ship_by=ship_by,
    )
    order.deposit_amount, order.deposit_due = Decimal(0), None
    for instalment in schedule:
        if instalment.label == "deposit":
            order.deposit_amount, order.deposit_due = instalment.amount.amount, instalment.due
        else:
            order.balance_amount, order.balance_due = instalment.amount.amount, instalment.due
    order.ship_by = ship_by
    order.confirmed_at = timezone.now()
    order.draft_reason = ""
    order.save()
    audit_record(
        actor=actor,
        action="order.confirm",
        obj=order,
        after={"deposit_due": order.deposit_due, "balance_due": order.balance_due},
    )
    return order


def _locked(order: SalesOrder) -> SalesOrder:
    require_owner(order)
    return SalesOrder.objects.select_for_update().select_related("quotation").get(pk=order.pk)


@transaction.atomic
def order_confirm(*, actor: User | None, order: SalesOrder) -> SalesOrder:
    """Confirm a draft order once the screening gate passes (its error names the party)."""
    return confirm_order(actor, _locked(order))


def _simple(action: str, target: OrderState):  # type: ignore[no-untyped-def]
    @transaction.atomic
    def service(*, actor: User | None, order: SalesOrder, **details: Any) -> SalesOrder:
        order = _locked(order)
        _set_state(order, target)
        for name in ("container_number", "seal_number"):
            if details.get(name):
                setattr(
                    order,
                    name,
                    clean_text(str(details[name]), name, 30 if name == "seal_number" else 11),
                )
        if target == OrderState.SHIPPED:
            order.shipped_at = timezone.now()
        order.save()
        audit_record(actor=actor, action=action, obj=order, after={"state": target.value})
        return order

    service.__name__ = action.replace(".", "_")
    service.__doc__ = f"Move a sales order to {target.value}."
    return service


order_start_production = _simple("order.start_production", OrderState.IN_PRODUCTION)
order_mark_ready = _simple("order.mark_ready", OrderState.READY_TO_SHIP)
order_ship = _simple("order.ship", OrderState.SHIPPED)
order_deliver = _simple("order.deliver", OrderState.DELIVERED)
order_close = _simple("order.close", OrderState.CLOSED)
order_cancel = _simple("order.cancel", OrderState.CANCELLED)

ORDER_TRANSITIONS = {
    OrderState.CONFIRMED: order_confirm,
    OrderState.IN_PRODUCTION: order_start_production,
    OrderState.READY_TO_SHIP: order_mark_ready,
    OrderState.SHIPPED: order_ship,
    OrderState.DELIVERED: order_deliver,
    OrderState.CLOSED: order_close,
    OrderState.CANCELLED: order_cancel,
}


def order_transition(
    *, actor: User | None, order: SalesOrder, to: str, **details: Any
) -> SalesOrder:
    """Move an order to state ``to`` through that move's own service (409 when illegal)."""
    require_owner(order)
    target = OrderState(to) if to in OrderState.__members__.values() else None
    if target is None or target not in ORDER_TRANSITIONS:
        check_order_move(order.state, to)  # raises: no move leads there
    assert target is not None
    # The service re-checks the move against the row it locks, not this possibly stale copy.
    service = ORDER_TRANSITIONS[target]
    if service is order_confirm:
        return order_confirm(actor=actor, order=order)
    return service(actor=actor, order=order, **details)  # type: ignore[no-any-return]


# --- trade documents ----------------------------------------
@transaction.atomic
def document_issue(*, actor: User | None, order: SalesOrder, kind: str) -> TradeDocument:
    """The order's document of ``kind``, issued (numbered) on first request by the seller."""
    from seaward.sales import ledger_seam

    try:
        kind = DocumentKind(kind)
    except ValueError:
        raise UnknownDocumentKind(params={"kind": kind[:40]}) from None
    existing = TradeDocument.objects.filter(order=order, kind=kind).first()
    if existing is not None:
        return existing
    require_owner(order)  # a buyer reads issued documents; only the seller issues them
    order = _locked(order)
    existing = TradeDocument.objects.filter(order=order, kind=kind).first()
    if existing is not None:
        return existing
    if order.state not in ORDER_COMMITTED:
        raise DocumentNotAvailable(params={"kind": DocumentKind(kind).label})
    document = TradeDocument.objects.create(
        order=order,
        kind=kind,
        number=next_number(order.organization, kind.value, timezone.localdate().year),
        currency=order.currency,
        total=order.total,
        buyer_organization=order.buyer_organization,
        issued_by=actor if actor and actor.is_authenticated else None,
    )
    if kind == DocumentKind.COMMERCIAL_INVOICE:
        document.receivable_posted = ledger_seam.post_invoice_receivable(
            actor=actor,
            document=document,
            amount=Money(order.total, order.currency),
            due=order.balance_due,
        )
        document.save(update_fields=["receivable_posted", "receivable_error"])
    audit_record(actor=actor, action="document.issue", obj=document, after={"kind": kind.value})
    return document
