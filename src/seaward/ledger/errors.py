"""Errors of the ledger context (postings, receivables, receipts, settlement, statements)."""

from __future__ import annotations

from seaward.core.errors import Conflict, InvalidInput, NotFound, gettext_noop


class UnbalancedEntry(InvalidInput):
    """A journal entry whose postings do not balance in some currency."""

    code = "unbalanced_entry"
    default_message = gettext_noop(
        "The entry does not balance in %(currency)s: off by %(difference)s."
    )


class InvalidPosting(InvalidInput):
    """A posting that breaks a rule of the ledger (currency, functional amount, rate)."""

    code = "invalid_posting"
    default_message = gettext_noop("Invalid posting: %(reason)s")


class AccountNotFound(NotFound):
    code = "account_not_found"
    default_message = gettext_noop("No such account: %(account)s.")


class EntryImmutable(Conflict):
    """Posted entries are never changed: correct them with a reversal."""

    code = "entry_immutable"
    default_message = gettext_noop("Posted entries cannot be changed; reverse them instead.")


class AlreadyReversed(Conflict):
    code = "already_reversed"
    default_message = gettext_noop("This entry has already been reversed.")


class DuplicateInvoice(Conflict):
    code = "duplicate_invoice"
    default_message = gettext_noop("Invoice %(number)s already has a receivable.")


class OverAllocation(InvalidInput):
    code = "over_allocation"
    default_message = gettext_noop("Cannot allocate %(amount)s: only %(available)s is available.")


class InsufficientFunds(InvalidInput):
    code = "insufficient_funds"
    default_message = gettext_noop("The account holds only %(available)s.")


class RateUnavailable(InvalidInput):
    code = "rate_unavailable"
    default_message = gettext_noop(
        "No exchange rate from %(from)s to %(to)s on %(date)s: enter the rate yourself."
    )


class UnbalancedStatement(Conflict):
    """Opening + entries ≠ closing: imported only when the user confirms."""

    code = "unbalanced_statement"
    default_message = gettext_noop(
        "The statement does not add up: closing balance differs by %(difference)s. "
        "Confirm to import it anyway."
    )


class LineAlreadyReconciled(Conflict):
    code = "line_already_reconciled"
    default_message = gettext_noop("This statement line is already reconciled.")


class NothingToMatch(InvalidInput):
    code = "nothing_to_match"
    default_message = gettext_noop("This statement line has no suggested match to confirm.")
