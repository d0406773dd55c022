"""The state machines of quotations and sales orders: every allowed move is listed here.

Pure Python. Services call :func:`check_quotation_move` / :func:`check_order_move`
before changing a state; any move not in these tables raises ``IllegalTransition``
(HTTP 409).
"""

from __future__ import annotations

from enum import StrEnum

from seaward.core.errors import IllegalTransition


class QuotationState(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    CHANGES_REQUESTED = "changes_requested"
    ACCEPTED = "accepted"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


class OrderState(StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    IN_PRODUCTION = "in_production"
    READY_TO_SHIP = "ready_to_ship"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CLOSED = "closed"
    CANCELLED = "cancelled"


Q = QuotationState
O = OrderState  # noqa: E741  (short alias keeps the table readable)

QUOTATION_MOVES: dict[QuotationState, frozenset[QuotationState]] = {
    Q.DRAFT: frozenset({Q.SENT, Q.WITHDRAWN}),
    # A sent quote is superseded when the seller revises it (a new version is drafted).
    Q.SENT: frozenset({Q.ACCEPTED, Q.CHANGES_REQUESTED, Q.SUPERSEDED, Q.WITHDRAWN}),
    Q.CHANGES_REQUESTED: frozenset({Q.SUPERSEDED, Q.WITHDRAWN}),
    Q.ACCEPTED: frozenset(),
    Q.SUPERSEDED: frozenset(),
    Q.WITHDRAWN: frozenset(),
}

ORDER_MOVES: dict[OrderState, frozenset[OrderState]] = {
    O.DRAFT: frozenset({O.CONFIRMED, O.CANCELLED}),
    O.CONFIRMED: frozenset({O.IN_PRODUCTION, O.CANCELLED}),
    O.IN_PRODUCTION: frozenset({O.READY_TO_SHIP, O.CANCELLED}),
    O.READY_TO_SHIP: frozenset({O.SHIPPED, O.CANCELLED}),
    O.SHIPPED: frozenset({O.DELIVERED}),
    O.DELIVERED: frozenset({O.CLOSED}),
    O.CLOSED: frozenset(),
    O.CANCELLED: frozenset(),
}

# The states in which a sale is committed (documents and shipping can follow).
ORDER_COMMITTED = frozenset(
    {O.CONFIRMED, O.IN_PRODUCTION, O.READY_TO_SHIP, O.SHIPPED, O.DELIVERED, O.CLOSED}
)


def _check(current: str, target: str, moves: dict, kind: type[StrEnum]) -> None:  # type: ignore[type-arg]
    try:
        source, goal = kind(current), kind(target)
    except ValueError:
        raise IllegalTransition(
            params={"current": current, "target": target},
            field="to",
            details={"current": current, "target": target, "allowed": []},
        ) from None
    if goal not in moves[source]:
        raise IllegalTransition(
            params={"current": current, "target": target},
            field="to",
            details={
                "current": current,
                "target": target,
                "allowed": sorted(str(s) for s in moves[source]),
            },
        )


def check_quotation_move(current: str, target: str) -> None:
    """Raise ``IllegalTransition`` unless a quotation may move from ``current`` to ``target``."""
    _check(current, target, QUOTATION_MOVES, QuotationState)


def check_order_move(current: str, target: str) -> None:
    """Raise ``IllegalTransition`` unless an order may move from ``current`` to ``target``."""
    _check(current, target, ORDER_MOVES, OrderState)


def order_next_states(current: str) -> list[OrderState]:
    return sorted(ORDER_MOVES[OrderState(current)], key=list(OrderState).index)
