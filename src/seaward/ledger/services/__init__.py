"""Write services of the ledger context (each under ``transaction.atomic``).

Other contexts call these; ``receivable_post`` / ``receivable_post_invoice`` are the
seam through which sales posts invoice receivables.
"""

from seaward.ledger.services.journal import (
    account_create,
    account_for,
    entries_post,
    entry_post,
    entry_reverse,
    home_currency,
    reference_rate,
)
from seaward.ledger.services.statements import (
    ImportResult,
    line_confirm,
    statement_import,
    statement_reconcile,
)
from seaward.ledger.services.trade import (
    receipt_allocate,
    receipt_record,
    receivable_post,
    receivable_post_invoice,
    revaluation_run,
    settlement_post,
)

__all__ = [
    "ImportResult",
    "account_create",
    "account_for",
    "entries_post",
    "entry_post",
    "entry_reverse",
    "home_currency",
    "line_confirm",
    "receipt_allocate",
    "receipt_record",
    "receivable_post",
    "receivable_post_invoice",
    "reference_rate",
    "revaluation_run",
    "settlement_post",
    "statement_import",
    "statement_reconcile",
]
