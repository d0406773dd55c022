"""Errors of the compliance context (restricted-party screening)."""

from __future__ import annotations

from seaward.core.errors import InvalidInput, gettext_noop


class ComplianceError(InvalidInput):
    """Base of the screening errors."""

    code = "compliance_error"


class ListFileInvalid(ComplianceError):
    """A sanctions list file that cannot be read: bad layout, truncated, too large."""

    code = "list_file_invalid"
    default_message = gettext_noop("The list file is not valid: %(reason)s")

    def __init__(self, reason: str, *, where: str = "") -> None:
        text = f"{where}: {reason}" if where else reason
        super().__init__(params={"reason": text}, details={"where": where, "reason": reason})
        self.where = where
        self.reason = reason


class ScreeningInputInvalid(ComplianceError):
    """A screening request that cannot be answered: empty or oversized name, bad date."""

    code = "screening_input_invalid"
    default_message = gettext_noop("The screening input is not valid: %(reason)s")

    def __init__(self, reason: str, *, field: str | None = None) -> None:
        super().__init__(params={"reason": reason}, field=field, details={"reason": reason})
        self.reason = reason
