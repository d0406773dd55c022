"""Errors of the HS classification assistant.

They are ``InvalidInput`` domain errors (HTTP 422 in the API) with a stable
machine ``code``.
"""

from __future__ import annotations

from seaward.core.errors import InvalidInput


class HsError(InvalidInput):
    """Base of the HS assistant's errors: a stable ``code`` and a message."""

    code = "hs_error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message, details={k: str(v) for k, v in details.items()})


class EmptyProductText(HsError):
    code = "hs_empty_text"

    def __init__(self, where: str = "") -> None:
        suffix = f" ({where})" if where else ""
        super().__init__(f"product text is empty{suffix}: give a title or description")


class UnknownHsCode(HsError):
    code = "hs_unknown_code"

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown HS 2022 code: {code!r}", hs_code=code)


class BadClassificationInput(HsError):
    code = "hs_bad_input"
