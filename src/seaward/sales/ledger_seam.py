"""The seam to the ledger: receivables of issued invoices.

The ledger context will provide ``seaward.ledger.services.receivable_post(...)``. Until it
does, issuing an invoice posts nothing and :func:`post_invoice_receivable` returns False
(see docs/adr/0015-sales-seams.md). The import is made at call time.
"""

from __future__ import annotations

import importlib
import importlib.util
from datetime import date
from typing import Any

LEDGER_SERVICES = "seaward.ledger.services"


def post_invoice_receivable(
    *,
    actor: Any,
    document: Any,
    amount: Any,
    due: date | None,
) -> bool:
    """Post the receivable of an issued commercial invoice; False while the ledger is absent."""
    try:
        if importlib.util.find_spec(LEDGER_SERVICES) is None:
            return False
    except ImportError:
        return False
    module = importlib.import_module(LEDGER_SERVICES)
    post = getattr(module, "receivable_post", None)
    if post is None:
        return False
    # The invoice stands even when the ledger cannot post yet (e.g. no rate for the day):
    # the document records why, and finance posts the receivable once the cause is fixed.
    from django.db import transaction

    from seaward.core.errors import DomainError

    try:
        with transaction.atomic():
            post(actor=actor, source=document, amount=amount, due=due)
    except DomainError as error:
        document.receivable_error = error.message[:300]
        return False
    return True
