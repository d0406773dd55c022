"""API of the sales context: quotations (seller and buyer side), orders, trade documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.apitypes import MAX_ID, Pages
from seaward.core.errors import NotFound
from seaward.core.money import Money, minor_units
from seaward.organizations.models import Party
from seaward.organizations.roles import Capability, role_allows
from seaward.sales import rendering, selectors, services
from seaward.sales.costing import INCOTERMS
from seaward.sales.models import Quotation, SalesOrder
from seaward.sales.pricing import PaymentTerms
from seaward.sales.states import OrderState

router = Router(tags=["sales"])

ORDER_FIELDS = [
    "id",
    "number",
    "state",
    "draft_reason",
    "quotation_id",
    "buyer_reference",
    "currency",
    "total",
    "deposit_amount",
    "deposit_due",
    "balance_amount",
    "balance_due",
    "ship_by",
    "container_number",
    "seal_number",
]

Amount = Field(Decimal(0), ge=0, lt=Decimal(10) ** 12, decimal_places=4)
IncotermCode = Literal[INCOTERMS]  # type: ignore[valid-type]
Language = Literal["en", "zh", "es", "bilingual"]


class DocumentKindPath(StrEnum):
    PROFORMA_INVOICE = "proforma-invoice"
    COMMERCIAL_INVOICE = "commercial-invoice"
    PACKING_LIST = "packing-list"


class CostsIn(Schema):
    inland: Decimal = Amount
    export_clearance: Decimal = Amount
    freight: Decimal = Amount
    insurance: Decimal = Amount
    duty: Decimal = Amount
    import_vat: Decimal = Amount


class LineIn(Schema):
    sku_id: int | None = Field(None, description="A catalog SKU: its price comes from its tiers.")
    description: dict[str, str] = Field({}, description='Free line: {"en": …, "zh": …}')
    quantity: Decimal = Field(..., gt=0, lt=Decimal(10) ** 9, decimal_places=3)
    unit_price: Decimal | None = Field(None, ge=0, lt=Decimal(10) ** 12, decimal_places=4)
    unit: str = Field("", max_length=8)
    hs_code: str = Field("", max_length=12)
    unit_cost: Decimal | None = Field(None, ge=0, lt=Decimal(10) ** 12, decimal_places=4)


class QuotationIn(Schema):
    buyer_id: int
    consignee_id: int | None = None
    notify_party_id: int | None = None
    currency: str = Field(..., min_length=3, max_length=3)
    incoterm: IncotermCode  # type: ignore[valid-type]
    named_place: str = Field(..., min_length=5, max_length=6, description="UN/LOCODE, e.g. ESVLC")
    payment_terms: PaymentTerms = PaymentTerms.TT
    deposit_percent: Decimal = Field(Decimal(30), ge=0, le=100, decimal_places=2)
    payment_days: int = Field(0, ge=0, le=365)
    quote_date: date | None = Field(None, ge=date(2000, 1, 1), le=date(2999, 12, 31))
    valid_until: date | None = Field(None, ge=date(2000, 1, 1), le=date(2999, 12, 31))
    lead_time_days: int = Field(30, ge=0, le=3650)
    packing: str = Field("", max_length=300)
    notes: str = Field("", max_length=4000)
    language: Language | Literal[""] = ""
    costs: CostsIn = CostsIn()
    fx_rate: Decimal | None = Field(None, gt=0, lt=Decimal(10) ** 9, decimal_places=12)
    lines: list[LineIn] = Field(..., min_length=1, max_length=500)


class LineOut(Schema):
    position: int
    sku_code: str
    description: str
    hs_code: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    total: Decimal


class CostLineOut(Schema):
    cost: str
    amount: Decimal
    borne_by_seller: bool


class CostBuildUpOut(Schema):
    currency: str
    fx_rate: Decimal
    fx_date: date | None
    fx_source: str
    lines: list[CostLineOut]
    total_cost: Decimal
    revenue: Decimal
    margin: Decimal
    margin_percent: Decimal | None


class QuotationOut(Schema):
    id: int
    number: str
    version: int
    state: str
    seller: str
    buyer: str
    buyer_id: int | None
    consignee_id: int | None = None
    notify_party_id: int | None = None
    previous_id: int | None = Field(None, description="The version this one revises.")
    currency: str
    incoterm: str
    named_place: str
    named_place_name: str
    payment_terms: str
    deposit_percent: Decimal
    payment_days: int
    quote_date: date
    valid_until: date
    lead_time_days: int
    packing: str
    notes: str
    language: str
    total: Decimal
    buyer_message: str
    sent_at: datetime | None
    lines: list[LineOut]
    cost_build_up: CostBuildUpOut | None = Field(
        None, description="The seller's costs and margin (seller side, with money rights)."
    )


class OrderOut(Schema):
    id: int
    number: str
    state: str
    draft_reason: str
    quotation_id: int
    seller: str
    buyer: str
    buyer_reference: str
    currency: str
    total: Decimal
    deposit_amount: Decimal
    deposit_due: date | None
    balance_amount: Decimal
    balance_due: date | None
    ship_by: date | None
    container_number: str
    seal_number: str
    next_states: list[str]
    documents: list[str]


class AcceptIn(Schema):
    buyer_reference: str = Field("", max_length=60)


class ChangesIn(Schema):
    message: str = Field(..., min_length=1, max_length=4000)


class TransitionIn(Schema):
    to: OrderState
    container_number: str = Field("", max_length=11)
    seal_number: str = Field("", max_length=30)


def _minor(amount: Decimal, currency: str) -> Decimal:
    """An amount at its currency's minor units (JPY 0, EUR 2, KWD 3 decimals)."""
    return Money(amount, currency).rounded().amount


def _price(amount: Decimal, currency: str) -> Decimal:
    """A unit price at least at the currency's minor units, keeping finer stated decimals."""
    stated = amount.normalize()
    exponent = min(int(stated.as_tuple().exponent), -minor_units(currency))
    return amount.quantize(Decimal(1).scaleb(exponent))


def _language(request: MemberRequest, fallback: str) -> str:
    from seaward.catalog.texts import base_language

    return base_language(getattr(request, "LANGUAGE_CODE", "") or fallback)


def quotation_out(request: MemberRequest, quotation: Quotation) -> dict[str, Any]:
    owned = quotation.is_owned_by_active()
    language = quotation.language if owned else _language(request, quotation.language)
    if language == "bilingual":
        language = "en"
    data: dict[str, Any] = {
        name: getattr(quotation, name)
        for name in [
            "id",
            "number",
            "version",
            "state",
            "currency",
            "incoterm",
            "named_place",
            "named_place_name",
            "payment_terms",
            "deposit_percent",
            "payment_days",
            "quote_date",
            "valid_until",
            "lead_time_days",
            "packing",
            "notes",
            "language",
            "total",
            "buyer_message",
            "sent_at",
        ]
    }
    data["total"] = _minor(quotation.total, quotation.currency)
    data.update(
        seller=quotation.organization.name,
        buyer=quotation.buyer.name,
        buyer_id=quotation.buyer_id if owned else None,
        consignee_id=quotation.consignee_id if owned else None,
        notify_party_id=quotation.notify_party_id if owned else None,
        previous_id=quotation.previous_id,
        lines=[
            {
                **vars(line),
                "unit_price": _price(line.unit_price.amount, quotation.currency),
                "total": line.total.amount,
            }
            for line in selectors.lines_in(quotation, language)
        ],
        cost_build_up=None,
    )
    membership = getattr(request, "membership", None)
    if owned and membership and role_allows(membership.role, Capability.SEE_MONEY):
        built = selectors.cost_build_up(quotation)
        if built is not None:
            data["cost_build_up"] = {
                "currency": quotation.home_currency,
                "fx_rate": quotation.fx_rate,
                "fx_date": quotation.fx_date,
                "fx_source": quotation.fx_source,
                "lines": [
                    {
                        "cost": c.cost,
                        "amount": c.amount.amount,
                        "borne_by_seller": c.borne_by_seller,
                    }
                    for c in built.lines
                ],
                "total_cost": built.total_cost.amount,
                "revenue": built.revenue.amount,
                "margin": built.margin.amount,
                "margin_percent": built.margin_percent,
            }
    return data


def order_out(order: SalesOrder) -> dict[str, Any]:
    owned = order.is_owned_by_active()
    amounts = {
        name: _minor(getattr(order, name), order.currency)
        for name in ("total", "deposit_amount", "balance_amount")
    }
    return {
        **{name: getattr(order, name) for name in ORDER_FIELDS},
        **amounts,
        "seller": order.organization.name,
        "buyer": order.buyer.name,
        "next_states": [s.value for s in selectors.order_next_states(order)] if owned else [],
        "documents": [d.kind for d in selectors.documents_of(order)],
    }


def _party_or_none(party_id: int | None, field: str) -> Party | None:
    if party_id is None:
        return None
    party = Party.objects.owned().filter(pk=party_id).first()
    if party is None:
        from seaward.core.errors import InvalidInput, gettext_noop

        raise InvalidInput(gettext_noop("Unknown party."), field=field)
    return party


def _quotation(quotation_id: int) -> Quotation:
    if not 0 < quotation_id <= MAX_ID:
        raise NotFound()
    return get_object_or_404(selectors.quotations_visible(), pk=quotation_id)


def _order(order_id: int) -> SalesOrder:
    if not 0 < order_id <= MAX_ID:
        raise NotFound()
    return get_object_or_404(selectors.orders_visible(), pk=order_id)


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


class _MappedPage:
    """A queryset whose page slice is turned into output dicts only when it is taken."""

    def __init__(self, queryset: QuerySet[Any], convert: Callable[[Any], dict[str, Any]]) -> None:
        self.queryset, self.convert = queryset, convert

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, page: slice) -> list[dict[str, Any]]:
        return [self.convert(item) for item in self.queryset[page]]


@router.get("/quotations", response=list[QuotationOut], summary="Quotations sent or received")
@paginate(Pages)
def quotation_list(request: MemberRequest, state: str = "") -> Any:
    quotations = selectors.quotations_visible().prefetch_related("lines")
    state = state.replace("\x00", "")
    if state:
        quotations = quotations.filter(state=state)
    return _MappedPage(quotations, lambda quotation: quotation_out(request, quotation))


@router.post("/quotations", response={201: QuotationOut}, summary="Draft a quotation")
def quotation_create(request: MemberRequest, payload: QuotationIn) -> Any:
    ensure_capability(request, Capability.SELL)
    data = payload.dict()
    buyer = _party_or_none(data.pop("buyer_id"), "buyer_id")
    lines = [services.LineInput(**line) for line in data.pop("lines")]
    quotation = services.quotation_create(
        actor=request.user,
        buyer=buyer,  # type: ignore[arg-type]
        consignee=_party_or_none(data.pop("consignee_id"), "consignee_id"),
        notify_party=_party_or_none(data.pop("notify_party_id"), "notify_party_id"),
        lines=lines,
        **data,
    )
    return Status(201, quotation_out(request, quotation))


@router.get("/quotations/{quotation_id}", response=QuotationOut, summary="One quotation")
def quotation_get(request: MemberRequest, quotation_id: int) -> Any:
    return quotation_out(request, _quotation(quotation_id))


@router.post("/quotations/{quotation_id}/send", response=QuotationOut, summary="Send to the buyer")
def quotation_send(request: MemberRequest, quotation_id: int) -> Any:
    quotation = _quotation(quotation_id)
    if not quotation.is_owned_by_active():
        raise NotFound()
    ensure_capability(request, Capability.SELL)
    return quotation_out(request, services.quotation_send(actor=request.user, quotation=quotation))


@router.post(
    "/quotations/{quotation_id}/revise",
    response={201: QuotationOut},
    summary="Make a new draft version of a sent quotation",
)
def quotation_revise(request: MemberRequest, quotation_id: int) -> Any:
    quotation = _quotation(quotation_id)
    if not quotation.is_owned_by_active():
        raise NotFound()
    ensure_capability(request, Capability.SELL)
    new = services.quotation_revise(actor=request.user, quotation=quotation)
    return Status(201, quotation_out(request, new))


@router.post(
    "/quotations/{quotation_id}/accept",
    response={201: OrderOut},
    summary="Accept a quotation (buyer side): creates the sales order",
)
def quotation_accept(request: MemberRequest, quotation_id: int, payload: AcceptIn) -> Any:
    quotation = _quotation(quotation_id)
    ensure_capability(request, Capability.SELL)
    order = services.quotation_accept(
        actor=request.user, quotation=quotation, buyer_reference=payload.buyer_reference
    )
    return Status(201, order_out(order))


@router.post(
    "/quotations/{quotation_id}/request-changes",
    response=QuotationOut,
    summary="Ask the seller for changes (buyer side)",
)
def quotation_request_changes(request: MemberRequest, quotation_id: int, payload: ChangesIn) -> Any:
    quotation = _quotation(quotation_id)
    ensure_capability(request, Capability.SELL)
    quotation = services.quotation_request_changes(
        actor=request.user, quotation=quotation, message=payload.message
    )
    return quotation_out(request, quotation)


@router.get(
    "/quotations/{quotation_id}/document.pdf",
    response={200: None},
    summary="The quotation as PDF (?lang=en|zh|es|bilingual)",
    openapi_extra={
        "responses": {
            200: {
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
            }
        }
    },
)
def quotation_pdf(request: MemberRequest, quotation_id: int, lang: Language | None = None) -> Any:
    quotation = _quotation(quotation_id)
    language = lang or quotation.language
    return _pdf(rendering.quotation_pdf(quotation, language), f"{quotation}-{language}.pdf")


@router.get("/orders", response=list[OrderOut], summary="Sales orders, sold or bought")
@paginate(Pages)
def order_list(request: MemberRequest, state: str = "") -> Any:
    orders = selectors.orders_visible()
    state = state.replace("\x00", "")
    if state:
        orders = orders.filter(state=state)
    return _MappedPage(orders, order_out)


@router.get("/orders/{order_id}", response=OrderOut, summary="One sales order")
def order_get(request: MemberRequest, order_id: int) -> Any:
    return order_out(_order(order_id))


@router.post(
    "/orders/{order_id}/transition",
    response=OrderOut,
    summary="Move an order to another state (409 when the move is not allowed)",
)
def order_transition(request: MemberRequest, order_id: int, payload: TransitionIn) -> Any:
    order = _order(order_id)
    if not order.is_owned_by_active():
        raise NotFound()
    operational = {
        OrderState.IN_PRODUCTION,
        OrderState.READY_TO_SHIP,
        OrderState.SHIPPED,
        OrderState.DELIVERED,
    }
    membership = request.membership
    if not (
        role_allows(membership.role, Capability.SELL)
        or (payload.to in operational and role_allows(membership.role, Capability.OPERATE))
    ):
        ensure_capability(request, Capability.SELL)
    order = services.order_transition(
        actor=request.user,
        order=order,
        to=payload.to.value,
        container_number=payload.container_number,
        seal_number=payload.seal_number,
    )
    return order_out(order)


@router.get(
    "/orders/{order_id}/documents/{kind}.pdf",
    response={200: None},
    summary="A trade document of the order as PDF (?lang=en|zh|es|bilingual)",
    openapi_extra={
        "responses": {
            200: {
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
            }
        }
    },
)
def order_document(
    request: MemberRequest, order_id: int, kind: DocumentKindPath, lang: Language | None = None
) -> Any:
    order = _order(order_id)
    document = services.document_issue(actor=request.user, order=order, kind=kind.value)
    language = lang or order.quotation.language
    return _pdf(rendering.document_pdf(document, language), f"{document.number}-{language}.pdf")
