"""API of the customs context: HS classification, confirmations, landed cost, declarations."""

# No postponed annotations: ninja resolves the query parameters' types at import.
import datetime as dt
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.apitypes import ObjectId, Pages
from seaward.customs import selectors, services
from seaward.customs.forms import INCOTERMS
from seaward.customs.models import ClassificationDecision, LandedCostEstimate
from seaward.organizations.roles import Capability

router = Router(tags=["customs"])

MAX = Decimal(10) ** 12
Amount = Annotated[Decimal, Field(ge=-MAX, le=MAX, max_digits=20, decimal_places=6)]
Mode = Literal["sea", "inland_waterway", "air", "road", "rail", "multimodal"]
Short = Annotated[str, Field(max_length=500)]


class ProductIn(Schema):
    title: Short = ""
    description: Annotated[str, Field(max_length=3000)] = ""
    material: Annotated[str, Field(max_length=200)] = ""
    use: Annotated[str, Field(max_length=200)] = ""
    attributes: dict[Annotated[str, Field(max_length=100)], Short] = Field(
        default_factory=dict, max_length=50
    )

    def product(self) -> services.ProductText:
        return services.ProductText(
            title=self.title,
            description=self.description,
            material=self.material,
            use=self.use,
            attributes=self.attributes,
        )


class CandidateOut(Schema):
    code: str
    score: float
    path: list[dict[str, str]]
    why: dict[str, Any]
    learned_from: list[dict[str, Any]]
    national: dict[str, Any]


class ClassificationOut(Schema):
    codes: list[CandidateOut]


class ShownIn(Schema):
    code: Annotated[str, Field(max_length=12)]
    score: Annotated[float, Field(ge=0, le=1)] = 0


class ConfirmIn(ProductIn):
    sku_id: ObjectId
    code: Annotated[str, Field(max_length=14)]
    national_code: Annotated[str, Field(max_length=14)] = ""
    candidates: list[ShownIn] = Field(default_factory=list, max_length=10)


class DecisionOut(Schema):
    id: int
    sku_id: int
    sku_code: str = Field(..., alias="sku.code")
    code: str
    national_code: str
    text: str
    attributes: dict[str, str]
    candidates: list[dict[str, Any]]
    decided_by: str | None = None
    decided_at: datetime

    @staticmethod
    def resolve_decided_by(obj: ClassificationDecision) -> str | None:
        return obj.decided_by.email if obj.decided_by else None


class CostLineIn(Schema):
    hs_code: Annotated[str, Field(max_length=14)]
    origin: Annotated[str, Field(max_length=2)]
    value: Amount
    quantity: Amount = Decimal(0)
    unit: Annotated[str, Field(max_length=8)] = "pcs"
    weight_kg: Amount = Decimal(0)


class CostIn(Schema):
    destination_port: Annotated[str, Field(max_length=10, description="UN/LOCODE, e.g. ESVLC")]
    incoterm: Annotated[str, Field(max_length=3, description=", ".join(INCOTERMS))]
    transport_mode: Mode = "sea"
    currency: Annotated[str, Field(max_length=3)] = ""
    date: dt.date | None = None
    freight: Amount = Decimal(0)
    insurance: Amount | None = None
    destination_charges: Amount = Decimal(0)
    origin_charges: Amount = Decimal(0)
    containerised: bool = True
    quotation_id: ObjectId | None = None
    lines: list[CostLineIn] = Field(default_factory=list, max_length=200)
    save: bool = False
    name: Annotated[str, Field(max_length=120)] = ""


class EstimateOut(Schema):
    id: int
    name: str
    destination_port: str
    destination_country: str
    incoterm: str
    transport_mode: str
    currency: str
    quotation_id: int | None
    total: Decimal
    result_currency: str
    cbam: bool
    shipment: dict[str, Any]
    result: dict[str, Any]
    created_at: datetime


class CostOut(Schema):
    estimate_id: int | None
    shipment: dict[str, Any]
    result: dict[str, Any]


class DeclarationIn(Schema):
    transport_mode: Mode = "sea"


class DeclarationOut(Schema):
    id: int
    order_id: int
    transport_mode: str
    data: dict[str, Any]
    created_at: datetime


@router.post("/customs/classify", response=ClassificationOut)
def classify(request: MemberRequest, payload: ProductIn) -> dict[str, Any]:
    """Top 5 HS 2022 subheadings with confidence, path, why and national lines."""
    candidates = services.classify(product=payload.product())
    return {"codes": [c.as_dict() for c in candidates]}


@router.post("/customs/classifications", response={201: DecisionOut})
def classification_confirm(request: MemberRequest, payload: ConfirmIn) -> Status:
    """Confirm a subheading for a SKU: recorded, and the product's HS code follows."""
    ensure_capability(request, Capability.SELL)
    sku = selectors.sku(payload.sku_id)
    decision = services.classification_confirm(
        actor=request.user,
        sku=sku,
        code=payload.code,
        national_code=payload.national_code,
        product=payload.product(),
        candidates=[c.dict() for c in payload.candidates],
    )
    return Status(201, decision)


@router.get("/customs/classifications", response=list[DecisionOut])
@paginate(Pages)
def classification_list(request: MemberRequest, sku_id: ObjectId | None = None) -> Any:
    decisions = selectors.decisions()
    return decisions.filter(sku_id=sku_id) if sku_id else decisions


@router.get("/customs/classifications/{decision_id}", response=DecisionOut)
def classification_detail(request: MemberRequest, decision_id: ObjectId) -> Any:
    return get_object_or_404(selectors.decisions(), pk=decision_id)


@router.post("/customs/landed-cost", response={200: CostOut, 201: CostOut})
def landed_cost(request: MemberRequest, payload: CostIn) -> Status:
    """Landed cost of lines (or a quotation's lines) to a UN/LOCODE port; ``save`` keeps it."""
    quotation = None
    lines: tuple[services.CostLine, ...]
    if payload.quotation_id is not None:
        quotation = get_object_or_404(selectors.quotations_for_costing(), pk=payload.quotation_id)
        lines = services.lines_from_quotation(quotation)
    else:
        lines = tuple(
            services.CostLine(
                hs_code=line.hs_code,
                origin=line.origin,
                value=line.value,
                quantity=line.quantity,
                unit=line.unit,
                weight_kg=line.weight_kg,
            )
            for line in payload.lines
        )
    cost_request = services.CostRequest(
        destination_port=payload.destination_port,
        currency=payload.currency or (quotation.currency if quotation else ""),
        incoterm=payload.incoterm,
        transport_mode=payload.transport_mode,
        lines=lines,
        on=payload.date,
        freight=payload.freight,
        insurance=payload.insurance,
        origin_charges=payload.origin_charges,
        destination_charges=payload.destination_charges,
        containerised=payload.containerised,
    )
    if payload.save:
        ensure_capability(request, Capability.SELL)
        estimate = services.estimate_save(
            actor=request.user, request=cost_request, name=payload.name, quotation=quotation
        )
        return Status(
            201,
            {"estimate_id": estimate.pk, "shipment": estimate.shipment, "result": estimate.result},
        )
    raw, result = services.landed_cost_compute(cost_request)
    return Status(200, {"estimate_id": None, "shipment": raw, "result": result.as_dict()})


@router.get("/customs/landed-cost/estimates", response=list[EstimateOut])
@paginate(Pages)
def estimate_list(request: MemberRequest) -> Any:
    return selectors.estimates()


@router.get("/customs/landed-cost/estimates/{estimate_id}", response=EstimateOut)
def estimate_detail(request: MemberRequest, estimate_id: ObjectId) -> LandedCostEstimate:
    return get_object_or_404(selectors.estimates(), pk=estimate_id)


@router.get("/customs/declarations/orders/{order_id}")
def declaration_data(
    request: MemberRequest, order_id: ObjectId, transport_mode: Mode = "sea"
) -> dict[str, Any]:
    """The declaration data set of an order and its China customs export profile."""
    order = selectors.order(order_id)
    return services.declaration_data(order, transport_mode=transport_mode)


@router.post("/customs/declarations/orders/{order_id}", response={201: DeclarationOut})
def declaration_save(request: MemberRequest, order_id: ObjectId, payload: DeclarationIn) -> Status:
    ensure_capability(request, Capability.OPERATE)
    order = selectors.order(order_id)
    saved = services.declaration_save(
        actor=request.user, order=order, transport_mode=payload.transport_mode
    )
    return Status(201, saved)
