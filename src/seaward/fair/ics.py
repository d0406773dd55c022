"""ICS invitations for accepted meetings (icalendar): one VEVENT in UTC."""

from __future__ import annotations

from icalendar import Calendar
from icalendar import Event as IcsEvent

from seaward.fair.models import Meeting


def meeting_ics(meeting: Meeting, *, organizer_email: str = "") -> bytes:
    """The invitation of a booked meeting; calendars show it in each reader's own zone."""
    calendar = Calendar()
    calendar.add("prodid", "-//Seaward//fair meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "REQUEST")
    entry = IcsEvent()
    entry.add("uid", f"meeting-{meeting.pk}-{meeting.visitor_token}@seaward")
    entry.add("summary", f"{meeting.event.name}: {meeting.exhibitor_organization.name}")
    if meeting.starts_at is not None and meeting.ends_at is not None:
        entry.add("dtstart", meeting.starts_at)
        entry.add("dtend", meeting.ends_at)
    entry.add("dtstamp", meeting.created_at)
    if meeting.video_url:
        entry.add("location", meeting.video_url)
        entry.add("url", meeting.video_url)
    description = meeting.message or ""
    if meeting.table:
        description = f"Table {meeting.table}\n{description}"
    entry.add("description", description)
    if organizer_email:
        entry.add("organizer", f"mailto:{organizer_email}")
    calendar.add_component(entry)
    return calendar.to_ical()
