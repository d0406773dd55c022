"""Errors of the screening workflow: the gate, alert decisions, list imports."""

from __future__ import annotations

from seaward.core.errors import Conflict, InvalidInput, gettext_noop


class ScreeningBlocked(Conflict):
    """A blocked or not yet reviewed counterparty stops a quotation, order or shipment."""

    code = "screening_blocked"
    default_message = gettext_noop(
        "%(party)s is blocked: a reviewer confirmed a match on a restricted-party list."
    )


UNREVIEWED_MESSAGE = gettext_noop(
    "%(party)s cannot be used yet: a screening alert on it is waiting for review."
)


class AlertAlreadyDecided(Conflict):
    """A decision on an alert that is no longer open."""

    code = "alert_already_decided"
    default_message = gettext_noop("This alert is already closed (%(status)s).")


class DecisionInvalid(InvalidInput):
    """A reviewer's decision that cannot be recorded as given."""

    code = "decision_invalid"
    default_message = gettext_noop("The decision is not valid: %(reason)s")


class UnknownList(InvalidInput):
    """A list id that is not one of the supported lists."""

    code = "unknown_list"
    default_message = gettext_noop("Unknown list %(list)s. Known lists: %(known)s.")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(field="list", **kwargs)  # type: ignore[arg-type]
