"""Writes of the fair context: events, exhibitors, samples, leads, sourcing requests,
matches, meetings and the organizer's schedule."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable
from datetime import date, time
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from seaward.catalog.models import Product as CatalogProduct
from seaward.catalog.texts import base_language
from seaward.core.errors import IllegalTransition, InvalidInput, NotFound, gettext_noop
from seaward.core.tenancy import activate, require_organization
from seaward.fair import matching, selectors
from seaward.fair.embedding_store import StoredEmbedder, matcher_product
from seaward.fair.models import (
    Event,
    EventKind,
    EventStatus,
    Exhibitor,
    Lead,
    LeadKind,
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
from seaward.fair.web_errors import (
    AlreadyRegistered,
    EventNotOpen,
    MeetingMove,
    NotTheOtherParty,
    SlotUnavailable,
)
from seaward.organizations.audit import audit_record
from seaward.organizations.models import Organization, User

CERTIFICATIONS = ("CE", "FCC", "ROHS", "UL", "FDA", "LFGB", "GS", "CCC", "REACH", "ISO9001")
MAX_MATCHES = 10

MEETING_MOVES: dict[str, frozenset[str]] = {
    MeetingStatus.REQUESTED: frozenset(
        {MeetingStatus.ACCEPTED, MeetingStatus.DECLINED, MeetingStatus.CANCELLED}
    ),
    MeetingStatus.ACCEPTED: frozenset({MeetingStatus.HELD, MeetingStatus.CANCELLED}),
    MeetingStatus.DECLINED: frozenset(),
    MeetingStatus.CANCELLED: frozenset(),
    MeetingStatus.HELD: frozenset(),
}


def _validated(instance: Any, exclude: list[str] | None = None) -> None:
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise InvalidInput(
            gettext_noop("%(field)s: %(message)s"),
            code="invalid_field",
            field=None if field == "__all__" else field,
            params={"field": field, "message": " ".join(str(m) for m in messages)},
            details={"errors": error.message_dict},
        ) from None


def _clean(text: str, limit: int) -> str:
    return str(text or "").replace("\x00", "").strip()[:limit]


def _zone(value: str, field: str = "time_zone") -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        raise InvalidInput(
            gettext_noop("Unknown time zone: %(zone)s"), field=field, params={"zone": value[:64]}
        ) from None
    return value


# --- events ------------------------
@transaction.atomic
def event_create(
    *,
    actor: User | None,
    name: str,
    kind: str,
    time_zone: str,
    starts_on: date,
    ends_on: date,
    description: str = "",
    day_starts_at: time | None = None,
    slot_minutes: int = 30,
    slots_per_day: int = 16,
    tables: int | None = None,
) -> Event:
    """An event of the active organization (a fair organizer), as a draft."""
    organizer = require_organization()
    if organizer.kind != Organization.Kind.FAIR_ORGANIZER:
        raise InvalidInput(
            gettext_noop("Only a fair organizer can create events."), code="fair_not_organizer"
        )
    event = Event(
        organization=organizer,
        name=_clean(name, 200),
        kind=kind,
        time_zone=_zone(time_zone),
        starts_on=starts_on,
        ends_on=ends_on,
        description=_clean(description, 5000),
        day_starts_at=day_starts_at or time(9, 0),
        slot_minutes=slot_minutes,
        slots_per_day=slots_per_day,
        tables=tables if kind == EventKind.HYBRID else None,
    )
    _validated(event)
    if ends_on < starts_on or (ends_on - starts_on).days > 30:
        raise InvalidInput(
            gettext_noop("The last day must be on or after the first, within 31 days."),
            field="ends_on",
        )
    event.save()
    audit_record(actor=actor, action="fair.event.create", obj=event)
    return event


@transaction.atomic
def event_publish(*, actor: User | None, event: Event) -> Event:
    event = Event.objects.owned().select_for_update().get(pk=event.pk)
    if event.status != EventStatus.DRAFT:
        raise IllegalTransition(params={"current": event.status, "target": EventStatus.PUBLISHED})
    event.status = EventStatus.PUBLISHED
    event.save(update_fields=["status"])
    audit_record(actor=actor, action="fair.event.publish", obj=event)
    return event


@transaction.atomic
def venue_add(
    *, actor: User | None, event: Event, city: str, country: str, hall: str = "", address: str = ""
) -> Venue:
    if not event.is_owned_by_active():
        raise NotFound()
    venue = Venue(
        event=event,
        city=_clean(city, 120),
        country=country.upper()[:2],
        hall=_clean(hall, 80),
        address=_clean(address, 300),
    )
    _validated(venue, exclude=["organization"])
    venue.save()
    audit_record(actor=actor, action="fair.venue.add", obj=venue)
    return venue


# --- exhibitors, products on show, samples ------------------------
def _open_event(event: Event) -> None:
    if event.status != EventStatus.PUBLISHED:
        raise EventNotOpen()


@transaction.atomic
def exhibitor_register(
    *,
    actor: User | None,
    event: Event,
    booth_number: str = "",
    venue: Venue | None = None,
    ships_to: Iterable[str] = (),
    time_zone: str = "",
    available_slots: Iterable[int] = (),
) -> Exhibitor:
    """Register the active organization (an exporter) to a published event."""
    organization = require_organization()
    _open_event(event)
    if venue is not None and venue.event_id != event.pk:
        raise InvalidInput(gettext_noop("That venue belongs to another event."), field="venue")
    countries = sorted({c.strip().upper()[:2] for c in ships_to if c and c.strip()})
    exhibitor = Exhibitor(
        event=event,
        venue=venue,
        booth_number=_clean(booth_number, 20),
        ships_to=countries,
        time_zone=_zone(time_zone or organization.time_zone),
        available_slots=_slots(event, available_slots),
    )
    try:
        with transaction.atomic():
            exhibitor.save()
    except IntegrityError:
        raise AlreadyRegistered() from None
    audit_record(actor=actor, action="fair.exhibitor.register", obj=exhibitor)
    return exhibitor


def _slots(event: Event, slots: Iterable[int]) -> list[int]:
    count = selectors.slot_count(event)
    return sorted({int(s) for s in slots if 0 <= int(s) < count})


@transaction.atomic
def participant_join(
    *, actor: User | None, event: Event, time_zone: str = "", available_slots: Iterable[int] = ()
) -> Participant:
    """The active organization (a buyer) takes part in an event, with its availability."""
    organization = require_organization()
    _open_event(event)
    participant, _created = Participant.objects.owned().update_or_create(
        event=event,
        organization=organization,
        defaults={
            "time_zone": _zone(time_zone or organization.time_zone),
            "available_slots": _slots(event, available_slots),
        },
    )
    return participant


@transaction.atomic
def show_product_add(
    *, actor: User | None, exhibitor: Exhibitor, product: CatalogProduct
) -> ShowProduct:
    """Put one of the exhibitor's catalog products on show; its embedding runs in the background."""
    if not exhibitor.is_owned_by_active() or not product.is_owned_by_active():
        raise NotFound()
    show, _created = ShowProduct.objects.owned().get_or_create(exhibitor=exhibitor, product=product)
    audit_record(actor=actor, action="fair.product.show", obj=show, object_repr=str(product))
    product_embed_enqueue(product)
    return show


def product_embed_enqueue(product: CatalogProduct) -> None:
    from seaward.fair.tasks import embed_product_task

    transaction.on_commit(lambda: embed_product_task.enqueue(product.organization_id, product.pk))


@transaction.atomic
def sample_add(*, actor: User | None, show_product: ShowProduct, label: str = "") -> Sample:
    if not show_product.is_owned_by_active():
        raise NotFound()
    sample = Sample.objects.create(show_product=show_product, label=_clean(label, 80))
    audit_record(actor=actor, action="fair.sample.add", obj=sample)
    return sample


# --- the public side: scans and leads ------------------------
def touch_record(*, sample: Sample, kind: str, language: str) -> None:
    """Count a visit or a scan of a sample's public page (owned by the exhibitor)."""
    event = sample.show_product.exhibitor.event
    Touch.all_objects.create(
        organization_id=sample.organization_id,
        event=event,
        sample=sample,
        kind=kind,
        language=base_language(language)[:10],
    )


@transaction.atomic
def lead_from_sample(
    *,
    sample: Sample,
    kind: str,
    name: str,
    email: str,
    company: str = "",
    phone: str = "",
    country: str = "",
    language: str = "en",
    time_zone: str = "UTC",
    quantity: int | None = None,
    message: str = "",
    slot: int | None = None,
    buyer_organization: Organization | None = None,
) -> Lead:
    """A visitor's quote or meeting request from a booth sample: a lead for the exporter."""
    show = sample.show_product
    exhibitor = show.exhibitor
    with activate(exhibitor.organization):
        lead = Lead(
            organization=exhibitor.organization,
            event=exhibitor.event,
            show_product=show,
            sample=sample,
            kind=kind,
            name=_clean(name, 200),
            company=_clean(company, 200),
            email=_clean(email, 254),
            phone=_clean(phone, 40),
            country=_clean(country, 2).upper(),
            language=base_language(language)[:10],
            time_zone=_zone(time_zone or "UTC"),
            quantity=quantity,
            message=_clean(message, 4000),
            buyer_organization=buyer_organization,
        )
        _validated(lead, exclude=["organization", "event", "buyer_organization"])
        lead.save()
        audit_record(actor=None, action="fair.lead.create", obj=lead)
        if kind == LeadKind.MEETING:
            meeting = Meeting.objects.create(
                organization=exhibitor.organization,
                event=exhibitor.event,
                exhibitor=exhibitor,
                exhibitor_organization=exhibitor.organization,
                buyer_organization=buyer_organization,
                lead=lead,
                buyer_time_zone=lead.time_zone,
                message=lead.message,
                slot=_proposed_slot(exhibitor, slot),
            )
            audit_record(actor=None, action="fair.meeting.request", obj=meeting)
    return lead


def _proposed_slot(exhibitor: Exhibitor, slot: int | None) -> int | None:
    if slot is None:
        return None
    free = {s.index for s in selectors.exhibitor_free_slots(exhibitor)}
    return slot if slot in free else None


# --- sourcing requests and matching ------------------------
@transaction.atomic
def request_create(
    *,
    actor: User | None,
    event: Event,
    text: str,
    quantity: int,
    destination_country: str,
    currency: str = "EUR",
    target_price: Decimal | None = None,
    required_certifications: Iterable[str] = (),
    deadline: date | None = None,
    language: str = "",
) -> SourcingRequest:
    """A buyer's sourcing request to an event; it is matched right after it is saved."""
    _open_event(event)
    request = SourcingRequest(
        event=event,
        text=_clean(text, 4000),
        language=base_language(language or "")[:10],
        quantity=quantity,
        destination_country=(destination_country or "").upper()[:2],
        currency=(currency or "").upper()[:3],
        target_price=target_price,
        required_certifications=sorted(
            {c.strip().upper()[:20] for c in required_certifications if c and c.strip()}
        ),
        deadline=deadline,
    )
    if not request.text:
        raise InvalidInput(gettext_noop("Say what you are looking for."), field="text")
    _validated(request, exclude=["organization"])
    request.save()
    audit_record(actor=actor, action="fair.request.create", obj=request)
    from seaward.fair.tasks import match_request_task

    organization_id = request.organization_id
    transaction.on_commit(lambda: match_request_task.enqueue(organization_id, request.pk))
    return request


def _event_catalog(event: Event) -> tuple[matching.Catalog, dict[str, ShowProduct]]:
    shows = list(selectors.products_on_show(event))
    moq: dict[int, int] = {}
    from seaward.catalog.models import Sku

    for product_id, value in Sku.all_objects.filter(
        product_id__in=[s.product_id for s in shows]
    ).values_list("product_id", "moq"):
        moq[product_id] = min(value, moq.get(product_id, value))
    products = [
        matcher_product(
            s.product,
            key=str(s.pk),
            exhibitor_id=str(s.exhibitor_id),
            moq=moq.get(s.product_id),
            ships_to=s.exhibitor.ships_to or None,
        )
        for s in shows
    ]
    embedder = StoredEmbedder.for_products([s.product_id for s in shows])
    return matching.Catalog(products, embedder=embedder), {str(s.pk): s for s in shows}


@transaction.atomic
def request_match(*, request: SourcingRequest, top: int = MAX_MATCHES) -> list[RfqMatch]:
    """Match one sourcing request against the event's products on show; store the ranking."""
    catalog, shows = _event_catalog(request.event)
    query = matching.SourcingRequest(
        id=str(request.pk),
        text=request.text,
        quantity=request.quantity,
        destination_country=request.destination_country or None,
        required_certifications=frozenset(request.required_certifications or ()),
    )
    result = matching.match_one(catalog, query, top=top)
    RfqMatch.all_objects.filter(request=request).delete()
    rows = []
    for rank, match in enumerate(result.matches, start=1):
        show = shows[match.product_id]
        rows.append(
            RfqMatch.all_objects.create(
                organization_id=request.organization_id,
                request=request,
                show_product=show,
                exhibitor=show.exhibitor,
                rank=rank,
                score=match.score,
                explanation={
                    **matching.explanation_as_data(match.explanation),
                    "excluded": {str(k): v for k, v in result.excluded},
                },
            )
        )
    request.matched_at = timezone.now()
    request.save(update_fields=["matched_at"])
    return rows


# --- meetings ------------------------
def _check_move(meeting: Meeting, target: str) -> None:
    if target not in MEETING_MOVES[meeting.status]:
        raise MeetingMove(params={"current": meeting.status, "target": target})


@transaction.atomic
def meeting_request(
    *,
    actor: User | None,
    exhibitor: Exhibitor,
    message: str = "",
    priority: int = 2,
    slot: int | None = None,
    buyer_organization: Organization | None = None,
) -> Meeting:
    """Ask for a 1:1 meeting: a buyer asks an exhibitor, or an exhibitor asks a buyer."""
    organization = require_organization()
    event = exhibitor.event
    _open_event(event)
    if organization.pk == exhibitor.organization_id:
        if buyer_organization is None or buyer_organization.pk == organization.pk:
            raise InvalidInput(gettext_noop("Choose the buyer to meet."), field="buyer")
        buyer = buyer_organization
    else:
        buyer = organization
    participant = Participant.all_objects.filter(event=event, organization=buyer).first()
    if priority not in (1, 2, 3):
        raise InvalidInput(gettext_noop("Priority is 1, 2 or 3."), field="priority")
    meeting = Meeting.objects.create(
        event=event,
        exhibitor=exhibitor,
        exhibitor_organization=exhibitor.organization,
        buyer_organization=buyer,
        buyer_time_zone=participant.time_zone if participant else buyer.time_zone,
        message=_clean(message, 4000),
        priority=priority,
        slot=_proposed_slot(exhibitor, slot),
    )
    audit_record(actor=actor, action="fair.meeting.request", obj=meeting)
    return meeting


def meeting_can_answer(meeting: Meeting, organization: Organization) -> bool:
    """Whether ``organization`` is the side that accepts or declines ``meeting``."""
    if meeting.status != MeetingStatus.REQUESTED:
        return False
    with activate(organization):
        try:
            _answering_party(meeting)
        except NotTheOtherParty:
            return False
    return True


def _answering_party(meeting: Meeting) -> None:
    """Only the invited side answers: the exhibitor for a buyer's request, and back."""
    organization = require_organization()
    if meeting.lead_id and not meeting.buyer_organization_id:
        # A booth visitor's request: the visitor has no account; the exhibitor answers it.
        if organization.pk != meeting.exhibitor_organization_id:
            raise NotTheOtherParty()
        return
    if meeting.organization_id == organization.pk:
        raise NotTheOtherParty()
    if organization.pk not in (meeting.exhibitor_organization_id, meeting.buyer_organization_id):
        raise NotTheOtherParty()


@transaction.atomic
def meeting_accept(*, actor: User | None, meeting: Meeting, slot: int | None = None) -> Meeting:
    """Accept a meeting at a slot free for both parties; sends invitations and a reminder."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _answering_party(meeting)
    _check_move(meeting, MeetingStatus.ACCEPTED)
    chosen = slot if slot is not None else meeting.slot
    free = {s.index for s in selectors.common_free_slots(meeting)}
    if chosen is None or chosen not in free:
        raise SlotUnavailable(field="slot")
    return _book(actor=actor, meeting=meeting, slot=chosen, table=None)


def _book(*, actor: User | None, meeting: Meeting, slot: int, table: int | None) -> Meeting:
    times = selectors.slot_time(meeting.event, slot)
    meeting.status = MeetingStatus.ACCEPTED
    meeting.slot = slot
    meeting.table = table
    meeting.starts_at = times.starts_at
    meeting.ends_at = times.ends_at
    meeting.video_url = meeting.video_url or f"https://meet.jit.si/seaward-{meeting.visitor_token}"
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError:
        raise SlotUnavailable(field="slot") from None
    audit_record(
        actor=actor,
        action="fair.meeting.accept",
        obj=meeting,
        object_repr=f"meeting {meeting.pk} @ {times.starts_at:%Y-%m-%d %H:%M} UTC",
    )
    from seaward.fair.tasks import meeting_invite_task, meeting_remind_task

    meeting_id = meeting.pk
    transaction.on_commit(lambda: meeting_invite_task.enqueue(meeting_id))
    transaction.on_commit(lambda: meeting_remind_task.enqueue(meeting_id))
    return meeting


@transaction.atomic
def meeting_decline(*, actor: User | None, meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _answering_party(meeting)
    _check_move(meeting, MeetingStatus.DECLINED)
    meeting.status = MeetingStatus.DECLINED
    meeting.save(update_fields=["status"])
    audit_record(actor=actor, action="fair.meeting.decline", obj=meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, actor: User | None, meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_move(meeting, MeetingStatus.CANCELLED)
    meeting.status = MeetingStatus.CANCELLED
    meeting.save(update_fields=["status"])
    audit_record(actor=actor, action="fair.meeting.cancel", obj=meeting)
    return meeting


@transaction.atomic
def meeting_mark_held(*, actor: User | None, meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_move(meeting, MeetingStatus.HELD)
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status"])
    audit_record(actor=actor, action="fair.meeting.held", obj=meeting)
    return meeting
