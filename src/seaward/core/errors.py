"""The domain error hierarchy shared by every context.

Pure Python (no Django import) so that pure core modules can raise them.
Each error carries a stable machine ``code``, a message template in English
(translated when rendered, with ``params`` interpolated afterwards, so the
catalogue holds one entry per template), an optional ``field`` naming the input
at fault, and ``details`` for machines. The API handler and the HTML views
render them in one shape each (see ``seaward.core.error_rendering``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar


def gettext_noop(message: str) -> str:
    """Mark a message template for extraction without translating it now."""
    return message


class DomainError(Exception):
    """Base of every error a person or a machine is meant to read."""

    code: ClassVar[str] = "domain_error"
    http_status: ClassVar[int] = 400
    default_message: ClassVar[str] = gettext_noop("The request could not be completed.")

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        field: str | None = None,
        params: Mapping[str, Any] | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        self.message_template = message or self.default_message
        if code is not None:
            self.code = code  # type: ignore[misc]  # an instance may refine its class's code
        self.field = field
        self.params = dict(params or {})
        self.details = dict(details or {})
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The message in English with its parameters filled in."""
        return self.render(lambda text: text)

    def render(self, translate: Any) -> str:
        """The message translated by ``translate`` then interpolated."""
        template = translate(self.message_template)
        if not self.params:
            return str(template)
        try:
            return str(template) % self.params
        except (KeyError, ValueError, TypeError):
            return str(template)

    def as_dict(self, translate: Any = None) -> dict[str, Any]:
        """The one JSON error shape: code, message, field, details."""
        return {
            "code": self.code,
            "message": self.render(translate or (lambda text: text)),
            "field": self.field,
            "details": self.details,
        }


class InvalidInput(DomainError):
    """Input that breaks a rule of the domain (HTTP 422)."""

    code = "invalid_input"
    http_status = 422
    default_message = gettext_noop("The input is not valid.")


class NotFound(DomainError):
    """An object that does not exist or is not visible to the caller (HTTP 404)."""

    code = "not_found"
    http_status = 404
    default_message = gettext_noop("Not found.")


class Conflict(DomainError):
    """A request that conflicts with the current state, such as an illegal transition (409)."""

    code = "conflict"
    http_status = 409
    default_message = gettext_noop("The request conflicts with the current state.")


class IllegalTransition(Conflict):
    """A state machine move that is not allowed from the current state."""

    code = "illegal_transition"
    default_message = gettext_noop("Cannot move from %(current)s to %(target)s.")


class Forbidden(DomainError):
    """The caller is known but their role does not allow the action (HTTP 403)."""

    code = "forbidden"
    http_status = 403
    default_message = gettext_noop("Your role does not allow this action.")


class CurrencyMismatch(InvalidInput):
    """Arithmetic or comparison across two currencies."""

    code = "currency_mismatch"
    default_message = gettext_noop("Cannot combine amounts in %(left)s and %(right)s.")


class UnknownCurrency(InvalidInput):
    """A currency code that is not an active ISO 4217 code."""

    code = "unknown_currency"
    default_message = gettext_noop("Unknown currency code: %(currency)s.")
