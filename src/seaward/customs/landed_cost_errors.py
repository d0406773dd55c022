"""Errors of the Incoterms engine, tariff rate parsing and landed cost.

They are ``InvalidInput`` domain errors (HTTP 422 in the API) with a stable
machine ``code``, a message and the input ``field`` at fault.
"""

from __future__ import annotations

from seaward.core.errors import InvalidInput


class CustomsError(InvalidInput):
    """Base: a stable ``code``, a message and the offending input ``field``."""

    code = "customs_error"

    def __init__(self, message: str, *, field: str = "", **details: object) -> None:
        super().__init__(
            message, field=field or None, details={k: str(v) for k, v in details.items()}
        )

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class InvalidShipment(CustomsError):
    """The shipment input is malformed (missing field, negative value, bad unit...)."""

    code = "landed_cost_invalid_input"


class UnknownCountry(CustomsError):
    code = "landed_cost_unknown_country"


class UnsupportedDestination(CustomsError):
    code = "landed_cost_unsupported_destination"


class UnknownTariffLine(CustomsError):
    """No tariff line for the code in the destination's tariff (or it is ambiguous)."""

    code = "tariff_unknown_line"


class UnmappedTariffLine(CustomsError):
    """A UK/EU line is HS 2017 and has no known HS 2022 correspondence."""

    code = "tariff_unmapped_hs2017"


class RateParseError(CustomsError):
    """A duty rate text matches no form of the rate grammar."""

    code = "tariff_rate_unparsed"

    def __init__(self, text: str, reason: str = "", *, field: str = "") -> None:
        why = f" ({reason})" if reason else ""
        super().__init__(f"cannot parse duty rate text {text!r}{why}", field=field, text=text)
        self.text = text


class RateNotComputable(CustomsError):
    """The rate parses but needs facts the shipment does not give (content, strength...)."""

    code = "tariff_rate_not_computable"

    def __init__(self, text: str, reason: str, *, field: str = "") -> None:
        super().__init__(f"duty rate {text!r} cannot be computed: {reason}", field=field, text=text)
        self.text = text


class FxRateUnavailable(CustomsError):
    code = "fx_rate_unavailable"


class UnknownIncoterm(CustomsError):
    code = "incoterm_unknown"


class IncotermModeMismatch(CustomsError):
    """A sea-and-inland-waterway-only rule was chosen with another transport mode."""

    code = "incoterm_mode_mismatch"
