"""Domain errors of the fair's web layer (events, leads, meetings)."""

from __future__ import annotations

from seaward.core.errors import Conflict, Forbidden, IllegalTransition, InvalidInput, gettext_noop


class EventNotOpen(Conflict):
    code = "fair_event_not_open"
    default_message = gettext_noop("This event is not open for registration.")


class AlreadyRegistered(Conflict):
    code = "fair_already_registered"
    default_message = gettext_noop("Your organization is already registered to this event.")


class NotAnExhibitor(Conflict):
    code = "fair_not_an_exhibitor"
    default_message = gettext_noop("Register your organization as an exhibitor first.")


class SlotUnavailable(Conflict):
    code = "fair_slot_unavailable"
    default_message = gettext_noop(
        "That slot is not available for both parties any more; choose another."
    )


class NotTheOtherParty(Forbidden):
    code = "fair_not_the_other_party"
    default_message = gettext_noop("Only the invited party can answer a meeting request.")


class MeetingMove(IllegalTransition):
    code = "fair_illegal_meeting_move"


class BadFairInput(InvalidInput):
    code = "fair_bad_input"
    default_message = gettext_noop("%(field)s: %(problem)s")
