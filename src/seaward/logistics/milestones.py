"""Shipment milestones in the DCSA Track & Trace event model (pure, no Django).

DCSA splits what happens to a shipment into three kinds of event: *shipment* events
(documents: booking received, confirmed, B/L issued …), *transport* events (a vessel or
train arrives at or departs from a location) and *equipment* events (a container is gated
out empty, stuffed, gated in, loaded, discharged, gated out full …). Each carries a
classifier: PLN (planned), EST (estimated) or ACT (actual).

This module holds the vocabulary, validates one event, parses a CSV of events with per-row
errors, and decides what an event means for the shipment (its ETA and its state).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from seaward.core.errors import InvalidInput, gettext_noop

SHIPMENT = "SHIPMENT"
TRANSPORT = "TRANSPORT"
EQUIPMENT = "EQUIPMENT"
EVENT_TYPES = (SHIPMENT, TRANSPORT, EQUIPMENT)
CLASSIFIERS = ("PLN", "EST", "ACT")

SHIPMENT_CODES = {
    "RECE": gettext_noop("Booking received"),
    "CONF": gettext_noop("Booking confirmed"),
    "PENU": gettext_noop("Pending update"),
    "REJE": gettext_noop("Booking rejected"),
    "CANC": gettext_noop("Booking cancelled"),
    "ISSU": gettext_noop("Bill of lading issued"),
    "SURR": gettext_noop("Bill of lading surrendered"),
    "RELS": gettext_noop("Cargo released"),
}
TRANSPORT_CODES = {
    "DEPA": gettext_noop("Departed"),
    "ARRI": gettext_noop("Arrived"),
}
EQUIPMENT_CODES = {
    "GTOT": gettext_noop("Gate out"),
    "STUF": gettext_noop("Stuffed"),
    "GTIN": gettext_noop("Gate in"),
    "LOAD": gettext_noop("Loaded"),
    "DISC": gettext_noop("Discharged"),
    "STRP": gettext_noop("Stripped"),
    "PICK": gettext_noop("Picked up"),
    "DROP": gettext_noop("Dropped off"),
    "INSP": gettext_noop("Inspected"),
}
CODES = {SHIPMENT: SHIPMENT_CODES, TRANSPORT: TRANSPORT_CODES, EQUIPMENT: EQUIPMENT_CODES}
EMPTY_INDICATORS = ("EMPTY", "LADEN")
# The ordinary life of a full container load, in order: what a timeline shows as the path.
TYPICAL_PATH = (
    ("EQUIPMENT", "GTOT", "EMPTY"),
    ("EQUIPMENT", "STUF", "LADEN"),
    ("EQUIPMENT", "GTIN", "LADEN"),
    ("EQUIPMENT", "LOAD", "LADEN"),
    ("TRANSPORT", "DEPA", ""),
    ("TRANSPORT", "ARRI", ""),
    ("EQUIPMENT", "DISC", "LADEN"),
    ("EQUIPMENT", "GTOT", "LADEN"),
)
CSV_COLUMNS = (
    "shipment",
    "event_type",
    "classifier",
    "code",
    "date_time",
    "location",
    "container",
    "empty_indicator",
    "vessel",
    "voyage",
    "description",
)
MAX_CSV_ROWS = 5000
_LOCODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{3}$")


class InvalidEvent(InvalidInput):
    """A milestone event that breaks the DCSA model's rules."""

    code = "invalid_event"
    default_message = gettext_noop("The event is not valid: %(reason)s")


class InvalidEventFile(InvalidInput):
    """A CSV of events with one or more bad rows: nothing is written."""

    code = "invalid_event_file"
    default_message = gettext_noop("%(count)s row(s) of the file have errors; nothing was saved.")


@dataclass(frozen=True)
class EventInput:
    """One event as entered, imported or posted, before it is tied to a shipment."""

    event_type: str
    classifier: str
    code: str
    date_time: datetime
    location: str = ""
    container: str = ""
    empty_indicator: str = ""
    vessel: str = ""
    voyage: str = ""
    description: str = ""
    shipment: str = ""  # a reference naming the shipment (CSV and API only)


def label(event_type: str, code: str) -> str:
    return CODES.get(event_type, {}).get(code, code)


def clean_event(raw: EventInput) -> EventInput:
    """The event normalised (upper-case codes), or ``InvalidEvent`` naming the fault."""
    event_type = raw.event_type.strip().upper()
    classifier = raw.classifier.strip().upper()
    code = raw.code.strip().upper()
    location = raw.location.strip().upper().replace(" ", "")
    container = raw.container.strip().upper().replace(" ", "")
    empty = raw.empty_indicator.strip().upper()
    if event_type not in EVENT_TYPES:
        raise InvalidEvent(
            params={
                "reason": f"event type {raw.event_type!r} (use SHIPMENT, TRANSPORT or EQUIPMENT)"
            },
            field="event_type",
        )
    if classifier not in CLASSIFIERS:
        raise InvalidEvent(
            params={"reason": f"classifier {raw.classifier!r} (use PLN, EST or ACT)"},
            field="classifier",
        )
    if code not in CODES[event_type]:
        raise InvalidEvent(
            params={
                "reason": f"code {raw.code!r} is not a {event_type} event "
                f"({', '.join(sorted(CODES[event_type]))})"
            },
            field="code",
        )
    if event_type == SHIPMENT and classifier != "ACT":
        raise InvalidEvent(
            params={"reason": "shipment events are always actual (ACT)"}, field="classifier"
        )
    if location and not _LOCODE.match(location):
        raise InvalidEvent(
            params={"reason": f"location {raw.location!r} is not a UN/LOCODE"}, field="location"
        )
    if event_type == EQUIPMENT:
        if empty not in EMPTY_INDICATORS:
            raise InvalidEvent(
                params={"reason": "an equipment event says EMPTY or LADEN"},
                field="empty_indicator",
            )
    else:
        empty = ""
    if raw.date_time.tzinfo is None:
        raise InvalidEvent(params={"reason": "the time needs a time zone"}, field="date_time")
    return EventInput(
        event_type=event_type,
        classifier=classifier,
        code=code,
        date_time=raw.date_time,
        location=location,
        container=container,
        empty_indicator=empty,
        vessel=raw.vessel.strip()[:100],
        voyage=raw.voyage.strip()[:40],
        description=raw.description.strip()[:500],
        shipment=raw.shipment.strip()[:60],
    )


def parse_time(text: str) -> datetime:
    """An ISO 8601 time; without an offset it is read as UTC (forwarders' feeds are UTC)."""
    value = text.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidEvent(
            params={"reason": f"time {text!r} is not ISO 8601 (2026-06-01T08:00:00+08:00)"},
            field="date_time",
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass
class ParsedFile:
    events: list[tuple[int, EventInput]] = field(default_factory=list)
    errors: list[dict[str, object]] = field(default_factory=list)


def parse_csv(text: str) -> ParsedFile:
    """Rows of a CSV of events (header row with CSV_COLUMNS); every bad row is reported."""
    out = ParsedFile()
    try:
        return _parse_rows(text, out)
    except csv.Error as error:
        out.errors.append({"row": 0, "message": f"not a readable CSV file: {error}"})
        return out


def _parse_rows(text: str, out: ParsedFile) -> ParsedFile:
    # newline="" lets the csv module see bare carriage returns (old Mac line ends).
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [
        c for c in ("shipment", "event_type", "classifier", "code", "date_time") if c not in header
    ]
    if missing:
        out.errors.append({"row": 1, "message": f"missing column(s): {', '.join(missing)}"})
        return out
    reader.fieldnames = header
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_CSV_ROWS:
            out.errors.append({"row": number, "message": f"more than {MAX_CSV_ROWS} rows"})
            break
        values = {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)}
        if not any(values.values()):
            continue
        try:
            event = clean_event(
                EventInput(
                    event_type=values.get("event_type", ""),
                    classifier=values.get("classifier", ""),
                    code=values.get("code", ""),
                    date_time=parse_time(values.get("date_time", "")),
                    location=values.get("location", ""),
                    container=values.get("container", ""),
                    empty_indicator=values.get("empty_indicator", ""),
                    vessel=values.get("vessel", ""),
                    voyage=values.get("voyage", ""),
                    description=values.get("description", ""),
                    shipment=values.get("shipment", ""),
                )
            )
        except InvalidEvent as error:
            out.errors.append({"row": number, "message": error.message, "field": error.field})
            continue
        if not event.shipment:
            out.errors.append(
                {"row": number, "message": "no shipment reference", "field": "shipment"}
            )
            continue
        out.events.append((number, event))
    return out


@dataclass(frozen=True)
class Effect:
    """What an event changes on its shipment."""

    eta: datetime | None = None
    etd: datetime | None = None
    state: str | None = None


def effect_of(event: EventInput, *, origin: str, destination: str) -> Effect:
    """ETA/ETD from estimated or actual departure and arrival; the state an actual event implies.

    Arrival at the destination port (or, with no location given, any arrival) sets the ETA;
    departure from the origin the ETD. An actual departure puts the shipment in transit, an
    actual arrival or discharge at the destination makes it arrived, a full gate-out at the
    destination delivered.
    """
    at_destination = not event.location or event.location == destination
    at_origin = not event.location or event.location == origin
    eta = etd = None
    state = None
    if event.event_type == TRANSPORT and event.classifier in ("EST", "ACT", "PLN"):
        if event.code == "ARRI" and at_destination:
            eta = event.date_time
        if event.code == "DEPA" and at_origin:
            etd = event.date_time
    if event.classifier == "ACT":
        if (event.code == "DEPA" and at_origin) or (event.code == "LOAD" and at_origin):
            state = "in_transit"
        elif (event.code in ("ARRI", "DISC") and at_destination and event.location) or (
            event.code == "ARRI" and not event.location
        ):
            state = "arrived"
        elif (
            event.code == "GTOT"
            and event.empty_indicator == "LADEN"
            and event.location == destination
        ):
            state = "delivered"
    return Effect(eta=eta, etd=etd, state=state)
