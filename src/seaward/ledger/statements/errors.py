"""Why a bank statement file is rejected.

Every rejection names where the fault is (a line for SWIFT files, an element path
for XML) so an operator can find it, and carries a stable ``code``.
"""

from __future__ import annotations

from typing import ClassVar

from seaward.core.errors import InvalidInput, gettext_noop


class StatementRejected(InvalidInput):
    """Base of every reason a bank statement file is not imported."""

    code: ClassVar[str] = "statement_rejected"
    default_message: ClassVar[str] = gettext_noop("The bank statement file was rejected.")

    def __init__(self, message: str, *, where: str | None = None, code: str | None = None) -> None:
        details = {"where": where} if where else {}
        text = f"{where}: {message}" if where else message
        # No params: DomainError renders the concrete text as it is, never %-formatted.
        super().__init__(text, code=code, details=details)
        self.where = where
        self.reason = message


class NotAStatement(StatementRejected):
    """The file is not an MT940/MT942 or camt.052/053/054 bank statement."""

    code = "not_a_statement"


class MalformedStatement(StatementRejected):
    """The file claims to be a statement but its structure is broken."""

    code = "malformed_statement"


class StatementTooLarge(StatementRejected):
    """The file exceeds the size or complexity limits."""

    code = "statement_too_large"


class UnsafeStatement(StatementRejected):
    """The XML uses constructs refused for untrusted input (DTDs, entities)."""

    code = "unsafe_statement"
