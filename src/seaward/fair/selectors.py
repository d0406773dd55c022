"""Reads of the fair context: events, slots in each party's time zone, matches, the funnel."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from seaward.core.tenancy import require_organization
from seaward.fair.models import (
    BOOKED,
    Event,
    EventStatus,
    Exhibitor,
    Lead,
    Meeting,
    MeetingStatus,
    Participant,
    RfqMatch,
    Sample,
    ShowProduct,
    SourcingRequest,
    Touch,
    Venue,
)

EXPLANATION_LABELS = {
    "semantic_title": _("the request means the same as the product title"),
    "semantic_description": _("the request matches the product description"),
    "semantic_category_level": _("the request matches the product category"),
    "shared_term": _("both mention the same term"),
    "moq_met": _("the quantity meets the minimum order"),
    "certifications_met": _("holds the required certifications"),
    "ships_to_destination": _("ships to your destination"),
}


# --- events ------------------------
def events_visible() -> QuerySet[Event]:
    """Published events (open to everyone signed in) and the organizer's own drafts."""
    organization = require_organization()
    return Event.all_objects.filter(
        Q(organization=organization) | Q(status__in=[EventStatus.PUBLISHED, EventStatus.CLOSED])
    ).select_related("organization")


def event_get(event_id: int) -> Event:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(events_visible(), pk=event_id)


def venues_of(event: Event) -> QuerySet[Venue]:
    """The venues of an event (public with the event, whoever owns them)."""
    return Venue.all_objects.filter(event=event).order_by("city", "hall")


def exhibitor_of(event: Event) -> Exhibitor | None:
    return Exhibitor.objects.owned().filter(event=event).first()


def participant_of(event: Event) -> Participant | None:
    return Participant.objects.owned().filter(event=event).first()


def exhibitors_at(event: Event) -> QuerySet[Exhibitor]:
    """Every exhibitor of a published event (or of one's own event)."""
    return Exhibitor.all_objects.filter(event=event).select_related("organization", "venue")


def products_on_show(event: Event) -> QuerySet[ShowProduct]:
    return ShowProduct.all_objects.filter(exhibitor__event=event).select_related(
        "product", "exhibitor__organization", "exhibitor__venue"
    )


def samples_of_exhibitor(exhibitor: Exhibitor) -> QuerySet[Sample]:
    return (
        Sample.objects.owned()
        .filter(show_product__exhibitor=exhibitor)
        .select_related("show_product__product")
    )


def sample_by_token(token: str) -> Sample | None:
    """A sample found by its public QR token (only for published events)."""
    return (
        Sample.all_objects.filter(
            token=token[:32],
            show_product__exhibitor__event__status=EventStatus.PUBLISHED,
        )
        .select_related(
            "show_product__product",
            "show_product__exhibitor__organization",
            "show_product__exhibitor__event",
            "show_product__exhibitor__venue",
        )
        .first()
    )


# --- slots ------------------------
@dataclass(frozen=True)
class SlotTime:
    index: int
    starts_at: datetime  # aware, UTC
    ends_at: datetime

    def local(self, zone: str) -> datetime:
        return self.starts_at.astimezone(zoneinfo.ZoneInfo(zone))


def slot_count(event: Event) -> int:
    return event.days * event.slots_per_day


def slot_time(event: Event, index: int) -> SlotTime:
    """Slot ``index`` of the event, counted day by day in the organizer's time zone."""
    day, position = divmod(index, event.slots_per_day)
    zone = zoneinfo.ZoneInfo(event.time_zone)
    start_local = datetime.combine(
        event.starts_on + timedelta(days=day), _as_time(event.day_starts_at), tzinfo=zone
    ) + timedelta(minutes=position * event.slot_minutes)
    start = start_local.astimezone(zoneinfo.ZoneInfo("UTC"))
    return SlotTime(index, start, start + timedelta(minutes=event.slot_minutes))


def _as_time(value: object) -> datetime.time:  # type: ignore[valid-type]
    if isinstance(value, str):
        return datetime.strptime(value[:5], "%H:%M").time()
    return value  # type: ignore[return-value]


def _available(slots: list[int] | None, count: int) -> set[int]:
    valid = {int(s) for s in (slots or []) if isinstance(s, int) and 0 <= s < count}
    return valid or set(range(count))


def busy_slots(
    event: Event, *, exhibitor: Exhibitor | None = None, buyer_key: Q | None = None
) -> set[int]:
    booked = Meeting.all_objects.filter(event=event, status__in=BOOKED, slot__isnull=False)
    taken: set[int] = set()
    if exhibitor is not None:
        taken |= set(booked.filter(exhibitor=exhibitor).values_list("slot", flat=True))
    if buyer_key is not None:
        taken |= set(booked.filter(buyer_key).values_list("slot", flat=True))
    return taken


def common_free_slots(meeting: Meeting) -> list[SlotTime]:
    """Slots when both parties are available and neither is booked."""
    event = meeting.event
    count = slot_count(event)
    slots = _available(meeting.exhibitor.available_slots, count)
    buyer_key: Q | None = None
    if meeting.buyer_organization_id:
        participant = Participant.all_objects.filter(
            event=event, organization_id=meeting.buyer_organization_id
        ).first()
        if participant is not None:
            slots &= _available(participant.available_slots, count)
        buyer_key = Q(buyer_organization_id=meeting.buyer_organization_id)
    elif meeting.lead_id:
        buyer_key = Q(lead_id=meeting.lead_id)
    slots -= busy_slots(event, exhibitor=meeting.exhibitor, buyer_key=buyer_key)
    return [slot_time(event, s) for s in sorted(slots)]


def exhibitor_free_slots(exhibitor: Exhibitor) -> list[SlotTime]:
    event = exhibitor.event
    slots = _available(exhibitor.available_slots, slot_count(event))
    slots -= busy_slots(event, exhibitor=exhibitor)
    return [slot_time(event, s) for s in sorted(slots)]


# --- leads, requests, matches, meetings ------------------------
def leads_owned() -> QuerySet[Lead]:
    return Lead.objects.owned().select_related("event", "show_product__product")


def requests_owned() -> QuerySet[SourcingRequest]:
    return SourcingRequest.objects.owned().select_related("event")


def matches_for_request(request: SourcingRequest) -> QuerySet[RfqMatch]:
    return RfqMatch.objects.filter(request=request).select_related(
        "show_product__product", "exhibitor__organization"
    )


def requests_fitting_me() -> QuerySet[RfqMatch]:
    """For an exhibitor: the sourcing requests whose matches name its products."""
    return (
        RfqMatch.objects.filter(exhibitor__organization=require_organization())
        .select_related("request__event", "request__organization", "show_product__product")
        .order_by("-request__created_at", "rank")
    )


def meetings_visible() -> QuerySet[Meeting]:
    return Meeting.objects.select_related(
        "event", "exhibitor", "exhibitor_organization", "buyer_organization", "lead", "organization"
    ).order_by("starts_at", "-created_at")


def meeting_by_token(token: str) -> Meeting | None:
    return (
        Meeting.all_objects.filter(visitor_token=token[:32])
        .select_related("event", "exhibitor_organization", "lead")
        .first()
    )


# --- funnel ------------------------
@dataclass(frozen=True)
class Funnel:
    visits: int
    scans: int
    leads: int
    meetings_requested: int
    meetings_held: int
    quotes: int | None
    orders: int | None


def event_funnel(event: Event) -> Funnel:
    """The funnel of one event, across its exhibitors (for its organizer)."""
    touches = Touch.all_objects.filter(event=event)
    meetings = Meeting.all_objects.filter(event=event)
    leads = Lead.all_objects.filter(event=event)
    quotes, orders = _sales_after(event, leads)
    return Funnel(
        visits=touches.count(),
        scans=touches.filter(kind=Touch.Kind.SCAN).count(),
        leads=leads.count(),
        meetings_requested=meetings.count(),
        # A booked meeting whose time has passed counts as held until someone says otherwise.
        meetings_held=meetings.filter(
            Q(status=MeetingStatus.HELD) | Q(status=MeetingStatus.ACCEPTED, ends_at__lt=now())
        ).count(),
        quotes=quotes,
        orders=orders,
    )


def _sales_after(event: Event, leads: QuerySet[Lead]) -> tuple[int | None, int | None]:
    """Quotations and orders each exhibitor made to buyers met at the event (sales selectors)."""
    try:
        from seaward.sales import selectors as sales
    except ImportError:  # pragma: no cover  (sales is optional for the fair)
        return None, None
    from seaward.core.tenancy import activate

    buyers = set(
        leads.exclude(buyer_organization=None).values_list("buyer_organization", flat=True)
    )
    buyers |= set(
        Meeting.all_objects.filter(event=event)
        .exclude(buyer_organization=None)
        .values_list("buyer_organization", flat=True)
    )
    if not buyers:
        return 0, 0
    quotes = orders = 0
    for exhibitor in exhibitors_at(event):
        with activate(exhibitor.organization):
            quotes += (
                sales.quotations_sold()
                .filter(
                    buyer__linked_organization__in=buyers,
                    created_at__date__gte=event.starts_on,
                )
                .count()
            )
            orders += (
                sales.orders_sold()
                .filter(
                    buyer__linked_organization__in=buyers,
                    created_at__date__gte=event.starts_on,
                )
                .count()
            )
    return quotes, orders
