"""API of the fair: events, exhibitors, products on show, sourcing requests, matches,
leads and meetings."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from seaward.catalog.models import Product
from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.apitypes import ObjectId, Pages
from seaward.core.errors import InvalidInput
from seaward.fair import selectors, services
from seaward.fair.models import Event, EventStatus, Exhibitor, Meeting
from seaward.organizations.roles import Capability

router = Router(tags=["fair"])

Slot = Field(None, ge=0, le=100_000)


class EventIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    kind: str = Field(..., pattern="^(online|hybrid)$")
    time_zone: str = Field(..., min_length=1, max_length=64)
    starts_on: date
    ends_on: date
    slot_minutes: int = Field(30, ge=10, le=240)
    slots_per_day: int = Field(16, ge=1, le=48)
    tables: int | None = Field(None, ge=0, le=1000)
    description: str = Field("", max_length=5000)


class VenueOut(Schema):
    id: int
    city: str
    country: str
    hall: str


class EventOut(Schema):
    id: int
    name: str
    kind: str
    status: str
    time_zone: str
    starts_on: date
    ends_on: date
    slot_minutes: int
    slots_per_day: int
    tables: int | None
    organizer: str = Field(..., alias="organization.name")
    venues: list[VenueOut]

    @staticmethod
    def resolve_venues(event: Event) -> list[Any]:
        return list(selectors.venues_of(event))


class ExhibitorIn(Schema):
    booth_number: str = Field("", max_length=20)
    ships_to: list[str] = Field([], max_length=250)
    time_zone: str = Field("", max_length=64)


class ExhibitorOut(Schema):
    id: int
    event_id: int
    organization: str = Field(..., alias="organization.name")
    booth_number: str
    ships_to: list[str]
    time_zone: str


class ShowProductIn(Schema):
    product_id: ObjectId


class ShowProductOut(Schema):
    id: int
    exhibitor_id: int
    product_id: int
    title: dict[str, str] = Field(..., alias="product.title")
    exhibitor: str = Field(..., alias="exhibitor.organization.name")


class RequestIn(Schema):
    text: str = Field(..., min_length=1, max_length=4000)
    quantity: int = Field(..., ge=1, le=1_000_000_000)
    destination_country: str = Field(..., min_length=2, max_length=2)
    currency: str = Field("EUR", min_length=3, max_length=3)
    target_price: Decimal | None = Field(None, ge=0, lt=Decimal(10) ** 12, decimal_places=4)
    required_certifications: list[str] = Field([], max_length=20)
    deadline: date | None = None


class RequestOut(Schema):
    id: int
    event_id: int
    text: str
    quantity: int
    destination_country: str
    currency: str
    target_price: Decimal | None
    required_certifications: list[str]
    deadline: date | None
    matched_at: datetime | None


class MatchOut(Schema):
    rank: int
    score: float
    show_product_id: int
    product_id: int = Field(..., alias="show_product.product_id")
    title: dict[str, str] = Field(..., alias="show_product.product.title")
    exhibitor_id: int
    exhibitor: str = Field(..., alias="exhibitor.organization.name")
    explanation: dict[str, Any]


class LeadOut(Schema):
    id: int
    event_id: int
    kind: str
    name: str
    company: str
    email: str
    country: str
    language: str
    quantity: int | None
    message: str
    show_product_id: int | None
    created_at: datetime


class MeetingIn(Schema):
    exhibitor_id: ObjectId
    message: str = Field("", max_length=4000)
    priority: int = Field(2, ge=1, le=3)
    slot: int | None = Slot


class AcceptIn(Schema):
    slot: int | None = Slot


class MeetingOut(Schema):
    id: int
    event_id: int
    exhibitor_id: int
    exhibitor: str = Field(..., alias="exhibitor_organization.name")
    buyer_organization_id: int | None
    lead_id: int | None
    status: str
    priority: int
    message: str
    slot: int | None
    starts_at: datetime | None
    ends_at: datetime | None
    table: int | None
    video_url: str


# --- events ------------------------
@router.get("/fair/events", response=list[EventOut], summary="Published events and your own")
@paginate(Pages)
def event_list(request: MemberRequest) -> Any:
    return selectors.events_visible()


@router.post("/fair/events", response={201: EventOut}, summary="Create an event (organizers)")
def event_create(request: MemberRequest, payload: EventIn) -> Any:
    ensure_capability(request, Capability.MANAGE_ORGANIZATION)
    event = services.event_create(actor=request.user, **payload.dict())
    return Status(201, event)


@router.get("/fair/events/{event_id}", response=EventOut, summary="One event")
def event_get(request: MemberRequest, event_id: ObjectId) -> Any:
    return selectors.event_get(event_id)


@router.post("/fair/events/{event_id}/publish", response=EventOut, summary="Publish a draft event")
def event_publish(request: MemberRequest, event_id: ObjectId) -> Any:
    ensure_capability(request, Capability.MANAGE_ORGANIZATION)
    event = get_object_or_404(Event.objects.owned(), pk=event_id)
    return services.event_publish(actor=request.user, event=event)


@router.get("/fair/events/{event_id}/exhibitors", response=list[ExhibitorOut], summary="Exhibitors")
@paginate(Pages)
def exhibitor_list(request: MemberRequest, event_id: ObjectId) -> Any:
    return selectors.exhibitors_at(selectors.event_get(event_id))


@router.post(
    "/fair/events/{event_id}/exhibitors",
    response={201: ExhibitorOut},
    summary="Register your organization as an exhibitor",
)
def exhibitor_register(request: MemberRequest, event_id: ObjectId, payload: ExhibitorIn) -> Any:
    ensure_capability(request, Capability.SELL)
    event = selectors.event_get(event_id)
    exhibitor = services.exhibitor_register(actor=request.user, event=event, **payload.dict())
    return Status(201, exhibitor)


@router.get(
    "/fair/events/{event_id}/products",
    response=list[ShowProductOut],
    summary="Products on show at an event",
)
@paginate(Pages)
def products_on_show(request: MemberRequest, event_id: ObjectId) -> Any:
    return selectors.products_on_show(selectors.event_get(event_id))


@router.post(
    "/fair/events/{event_id}/products",
    response={201: ShowProductOut},
    summary="Put one of your products on show",
)
def product_show(request: MemberRequest, event_id: ObjectId, payload: ShowProductIn) -> Any:
    ensure_capability(request, Capability.SELL)
    event = selectors.event_get(event_id)
    exhibitor = selectors.exhibitor_of(event)
    if exhibitor is None:
        from seaward.fair.web_errors import NotAnExhibitor

        raise NotAnExhibitor()
    product = get_object_or_404(Product.objects.owned(), pk=payload.product_id)
    show = services.show_product_add(actor=request.user, exhibitor=exhibitor, product=product)
    return Status(201, show)


# --- sourcing requests and matches ------------------------
@router.get("/fair/requests", response=list[RequestOut], summary="Your sourcing requests")
@paginate(Pages)
def request_list(request: MemberRequest) -> Any:
    return selectors.requests_owned()


@router.post(
    "/fair/events/{event_id}/requests",
    response={201: RequestOut},
    summary="Post a sourcing request (RFQ); it is matched in the background",
)
def request_create(request: MemberRequest, event_id: ObjectId, payload: RequestIn) -> Any:
    ensure_capability(request, Capability.SELL)
    event = selectors.event_get(event_id)
    rfq = services.request_create(
        actor=request.user, event=event, language=request.LANGUAGE_CODE or "", **payload.dict()
    )
    return Status(201, rfq)


@router.get("/fair/requests/{request_id}", response=RequestOut, summary="One sourcing request")
def request_get(request: MemberRequest, request_id: ObjectId) -> Any:
    return get_object_or_404(selectors.requests_owned(), pk=request_id)


@router.get(
    "/fair/requests/{request_id}/matches",
    response=list[MatchOut],
    summary="Ranked, explained matches of a sourcing request",
)
def request_matches(request: MemberRequest, request_id: ObjectId) -> Any:
    rfq = get_object_or_404(selectors.requests_owned(), pk=request_id)
    return list(selectors.matches_for_request(rfq))


@router.get(
    "/fair/recommended-requests",
    response=list[MatchOut],
    summary="For exhibitors: sourcing requests that fit your products",
)
@paginate(Pages)
def requests_for_me(request: MemberRequest) -> Any:
    return selectors.requests_fitting_me()


# --- leads and meetings ------------------------
@router.get("/fair/leads", response=list[LeadOut], summary="Your fair leads")
@paginate(Pages)
def lead_list(request: MemberRequest) -> Any:
    return selectors.leads_owned()


@router.get("/fair/leads/{lead_id}", response=LeadOut, summary="One lead")
def lead_get(request: MemberRequest, lead_id: ObjectId) -> Any:
    return get_object_or_404(selectors.leads_owned(), pk=lead_id)


@router.get("/fair/meetings", response=list[MeetingOut], summary="Meetings you take part in")
@paginate(Pages)
def meeting_list(request: MemberRequest) -> Any:
    return selectors.meetings_visible()


@router.post("/fair/meetings", response={201: MeetingOut}, summary="Ask an exhibitor for a meeting")
def meeting_create(request: MemberRequest, payload: MeetingIn) -> Any:
    ensure_capability(request, Capability.SELL)
    exhibitor = get_object_or_404(
        Exhibitor.all_objects.filter(event__status=EventStatus.PUBLISHED), pk=payload.exhibitor_id
    )
    if exhibitor.organization_id == request.organization.pk:
        raise InvalidInput(code="fair_meet_yourself")
    services.participant_join(actor=request.user, event=exhibitor.event)
    meeting = services.meeting_request(
        actor=request.user,
        exhibitor=exhibitor,
        message=payload.message,
        priority=payload.priority,
        slot=payload.slot,
    )
    return Status(201, meeting)


@router.get("/fair/meetings/{meeting_id}", response=MeetingOut, summary="One meeting")
def meeting_get(request: MemberRequest, meeting_id: ObjectId) -> Any:
    return get_object_or_404(selectors.meetings_visible(), pk=meeting_id)


def _meeting(meeting_id: int) -> Meeting:
    return get_object_or_404(selectors.meetings_visible(), pk=meeting_id)


@router.post(
    "/fair/meetings/{meeting_id}/accept", response=MeetingOut, summary="Accept at a free slot"
)
def meeting_accept(request: MemberRequest, meeting_id: ObjectId, payload: AcceptIn) -> Any:
    ensure_capability(request, Capability.SELL)
    return services.meeting_accept(
        actor=request.user, meeting=_meeting(meeting_id), slot=payload.slot
    )


@router.post("/fair/meetings/{meeting_id}/decline", response=MeetingOut, summary="Decline")
def meeting_decline(request: MemberRequest, meeting_id: ObjectId) -> Any:
    ensure_capability(request, Capability.SELL)
    return services.meeting_decline(actor=request.user, meeting=_meeting(meeting_id))


@router.post("/fair/meetings/{meeting_id}/cancel", response=MeetingOut, summary="Cancel")
def meeting_cancel(request: MemberRequest, meeting_id: ObjectId) -> Any:
    ensure_capability(request, Capability.SELL)
    return services.meeting_cancel(actor=request.user, meeting=_meeting(meeting_id))
