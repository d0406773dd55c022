"""Domain errors of the logistics context."""

from __future__ import annotations

from seaward.core.errors import InvalidInput, gettext_noop


class LogisticsError(InvalidInput):
    """Base of the logistics context's input errors."""

    code = "logistics_error"


class InvalidLoadingInput(LogisticsError):
    """A loading request or packing instance that is malformed."""

    code = "invalid_loading_input"
    default_message = gettext_noop("The loading input is not valid.")


class CartonTooLarge(LogisticsError):
    """A carton that fits no offered container in any allowed orientation."""

    code = "carton_too_large"
    default_message = gettext_noop(
        "Carton %(carton)s (%(size)s) fits in none of the containers offered (%(containers)s)."
    )


class CartonTooHeavy(LogisticsError):
    """A carton heavier than the payload of every offered container."""

    code = "carton_too_heavy"
    default_message = gettext_noop(
        "Carton %(carton)s weighs %(weight)s kg, more than the payload of every container offered."
    )


class UnknownContainerType(LogisticsError):
    """A container type code absent from the reference data."""

    code = "unknown_container_type"
    default_message = gettext_noop("Unknown container type: %(code)s.")


class InvalidContainerNumber(LogisticsError):
    """A container number that is malformed or whose ISO 6346 check digit is wrong."""

    code = "invalid_container_number"
    default_message = gettext_noop("%(number)s is not a valid container number: %(reason)s.")
