"""Write services of the sales context (each under ``transaction.atomic``).

Quotations (draft, send, revise, withdraw, accept, request changes), sales orders (one
service per state transition, see ``sales.states``) and the trade documents they issue.
"""

from seaward.sales.services.common import LineInput
from seaward.sales.services.orders import (
    ORDER_TRANSITIONS,
    document_issue,
    order_cancel,
    order_close,
    order_confirm,
    order_deliver,
    order_mark_ready,
    order_ship,
    order_start_production,
    order_transition,
)
from seaward.sales.services.quotations import (
    DOCUMENT_LANGUAGES,
    quotation_accept,
    quotation_create,
    quotation_request_changes,
    quotation_revise,
    quotation_send,
    quotation_update,
    quotation_withdraw,
)

__all__ = [
    "DOCUMENT_LANGUAGES",
    "ORDER_TRANSITIONS",
    "LineInput",
    "document_issue",
    "order_cancel",
    "order_close",
    "order_confirm",
    "order_deliver",
    "order_mark_ready",
    "order_ship",
    "order_start_production",
    "order_transition",
    "quotation_accept",
    "quotation_create",
    "quotation_request_changes",
    "quotation_revise",
    "quotation_send",
    "quotation_update",
    "quotation_withdraw",
]
