"""Writes and computations of the customs context.

Classification runs the pure classifier with the organization's confirmed decisions as
labelled examples; confirming a code records a ``ClassificationDecision`` and updates the
product's HS code through the catalog's service. Landed cost runs the pure engine on a
shipment whose destination is a UN/LOCODE port. Declarations snapshot an order's data set.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from seaward.catalog import services as catalog_services
from seaward.catalog.models import Sku
from seaward.core.errors import InvalidInput, gettext_noop
from seaward.customs import declaration, selectors
from seaward.customs.hs_classifier import default_classifier
from seaward.customs.hs_errors import HsError
from seaward.customs.hs_knowledge import SOURCE_CONFIRMED
from seaward.customs.hs_national import national_extensions
from seaward.customs.hs_nomenclature import load_nomenclature, normalise_code
from seaward.customs.hs_text import ProductInput
from seaward.customs.landed_cost import LandedCost, compute_from_json
from seaward.customs.models import ClassificationDecision, ExportDeclaration, LandedCostEstimate
from seaward.organizations.audit import audit_record
from seaward.organizations.models import User
from seaward.sales.models import Quotation, SalesOrder

TOP = 5
MAX_TEXT = 4000
MAX_NATIONAL_LINES = 12
LOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")
TRANSPORT_MODES = ("sea", "inland_waterway", "air", "road", "rail", "multimodal")
# Ports the landed-cost page offers first (any UN/LOCODE of a supported country works).
COMMON_PORTS = (
    ("ESVLC", "Valencia"),
    ("GBFXT", "Felixstowe"),
    ("USLAX", "Los Angeles"),
    ("DEHAM", "Hamburg"),
    ("NLRTM", "Rotterdam"),
    ("USNYC", "New York"),
)


# Catalog units the landed-cost engine does not know: a set or a carton is one article
# ("No." in the tariffs) for a specific duty per item.
ENGINE_UNITS = {"set": "pcs", "ctn": "pcs"}


class ClassificationInputError(InvalidInput):
    code = "hs_invalid_input"


def _hs_error(error: HsError, field: str) -> InvalidInput:
    return ClassificationInputError(
        gettext_noop("%(message)s"),
        code=error.code,
        field=field,
        params={"message": error.message},
    )


# -- classification ---------------------------------------------------------------------


@dataclass(frozen=True)
class ProductText:
    title: str = ""
    description: str = ""
    material: str = ""
    use: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)

    def text(self) -> str:
        return " ".join(part.strip() for part in (self.title, self.description) if part.strip())

    def all_attributes(self) -> dict[str, str]:
        attrs = {str(k)[:100]: str(v)[:500] for k, v in self.attributes.items() if str(v).strip()}
        if self.material.strip():
            attrs["material"] = self.material.strip()
        if self.use.strip():
            attrs["use"] = self.use.strip()
        return attrs

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": self.description,
            "material": self.material,
            "use": self.use,
            "attributes": dict(self.attributes),
        }


@dataclass
class CandidateView:
    code: str
    score: float
    path: list[dict[str, str]]
    why: dict[str, Any]
    learned_from: list[dict[str, Any]]
    national: dict[str, Any]

    @property
    def dotted(self) -> str:
        return f"{self.code[:4]}.{self.code[4:]}"

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "score": round(self.score, 4),
            "path": self.path,
            "why": self.why,
            "learned_from": self.learned_from,
            "national": self.national,
        }


def _national(code: str) -> dict[str, Any]:
    try:
        extensions = national_extensions(code)
    except HsError:
        return {"subheading": code, "us": [], "uk": []}
    data = extensions.as_dict()
    data["us"] = data["us"][:MAX_NATIONAL_LINES]  # type: ignore[index]
    data["uk"] = data["uk"][:MAX_NATIONAL_LINES]  # type: ignore[index]
    data["cn"] = declaration.cn_tariff_lines(code)[:MAX_NATIONAL_LINES]
    return data


def classify(*, product: ProductText, top: int = TOP) -> list[CandidateView]:
    """The ``top`` HS 2022 subheadings for ``product``, learning from confirmed decisions."""
    text = product.text()
    if not text:
        raise ClassificationInputError(
            gettext_noop("Give a title or a description of the product."), field="title"
        )
    if len(text) > MAX_TEXT:
        raise ClassificationInputError(
            gettext_noop("The text is too long (at most %(max)s characters)."),
            field="description",
            params={"max": MAX_TEXT},
        )
    learned = selectors.learning_examples()
    by_text: dict[tuple[str, str], list[selectors.LearnedExample]] = {}
    for item in learned:
        by_text.setdefault((item.example.text, item.example.code), []).append(item)
    try:
        result = default_classifier().classify(
            ProductInput(text, product.all_attributes()),
            top=top,
            confirmed=[item.example for item in learned],
        )
    except HsError as error:
        raise _hs_error(error, "title") from None
    views = []
    for candidate in result.codes:
        why = candidate.as_dict(explain=True)["why"]
        learned_from = [
            {"sku": item.sku_code, "text": evidence.text, "decision": item.decision_id}
            for evidence in candidate.evidence
            if evidence.source == SOURCE_CONFIRMED
            for item in by_text.get((evidence.text, evidence.code), [])
        ]
        views.append(
            CandidateView(
                code=candidate.code,
                score=float(candidate.score),
                path=[step.as_dict() for step in candidate.path],
                why=why,  # type: ignore[arg-type]
                learned_from=learned_from,
                national=_national(candidate.code),
            )
        )
    return views


def _checked_code(code: str) -> str:
    digits = normalise_code(code or "")
    if len(digits) != 6 or not load_nomenclature().exists(digits):
        raise ClassificationInputError(
            gettext_noop("%(code)s is not an HS 2022 subheading (six digits)."),
            code="hs_unknown_code",
            field="code",
            params={"code": code},
        )
    return digits


def _checked_national(national_code: str, code: str) -> str:
    digits = normalise_code(national_code or "")
    if digits and (len(digits) not in (8, 10) or not digits.startswith(code)):
        raise ClassificationInputError(
            gettext_noop("The national tariff line %(line)s is not under %(code)s."),
            code="hs_national_mismatch",
            field="national_code",
            params={"line": national_code, "code": code},
        )
    return digits


@transaction.atomic
def classification_confirm(
    *,
    actor: User | None,
    sku: Sku,
    code: str,
    product: ProductText,
    candidates: Sequence[Mapping[str, Any]] = (),
    national_code: str = "",
) -> ClassificationDecision:
    """Record that ``sku`` is ``code``; the product's HS code follows.

    A national line (8 or 10 digits) given as ``code`` confirms its subheading and the line.
    """
    given = normalise_code(code or "")
    if len(given) in (8, 10) and not national_code:
        national_code = given
    digits = _checked_code(given[:6] if len(given) in (8, 10) else code)
    national = _checked_national(national_code, digits)
    text = product.text() or sku.label_in("en") or sku.code
    shown = [
        {"code": str(c.get("code", ""))[:6], "score": float(c.get("score", 0) or 0)}
        for c in list(candidates)[:TOP]
    ]
    decision = ClassificationDecision(
        sku=sku,
        code=digits,
        national_code=national,
        text=text[:MAX_TEXT],
        attributes=product.all_attributes(),
        candidates=shown,
        decided_by=actor,
    )
    decision.save()
    before = sku.product.hs_code
    if before != digits:
        catalog_services.product_update(actor=actor, product=sku.product, hs_code=digits)
    audit_record(
        actor=actor,
        action="customs.classification_confirm",
        obj=decision,
        before={"hs_code": before},
        after={"hs_code": digits, "sku": sku.code, "national_code": national},
    )
    return decision


# -- landed cost -------------------------------------------------------------------------


@dataclass(frozen=True)
class CostLine:
    hs_code: str
    origin: str
    value: Decimal
    quantity: Decimal = Decimal(0)
    unit: str = "pcs"
    weight_kg: Decimal = Decimal(0)
    line_id: str = ""

    def as_json(self, index: int) -> dict[str, str]:
        return {
            "id": self.line_id or str(index + 1),
            "hs_code": self.hs_code,
            "origin": self.origin.upper(),
            "value": str(self.value),
            "quantity": str(self.quantity),
            "unit": ENGINE_UNITS.get(self.unit, self.unit),
            "weight_kg": str(self.weight_kg),
        }


@dataclass(frozen=True)
class CostRequest:
    destination_port: str
    currency: str
    incoterm: str
    transport_mode: str
    lines: tuple[CostLine, ...]
    on: date | None = None
    freight: Decimal = Decimal(0)
    insurance: Decimal | None = None
    origin_charges: Decimal = Decimal(0)
    destination_charges: Decimal = Decimal(0)
    containerised: bool = True


def latest_fx_date() -> date:
    """The last ECB fixing shipped (estimates default to it when today has none yet)."""
    from seaward.customs.fxrates import _history

    return min(_history().dates[-1], timezone.localdate())


def destination_country(port: str) -> str:
    """The country of a UN/LOCODE (its first two letters are the ISO 3166 code)."""
    code = (port or "").strip().upper().replace(" ", "")
    if not LOCODE.match(code):
        raise InvalidInput(
            gettext_noop("%(port)s is not a UN/LOCODE (five characters, like ESVLC)."),
            code="unknown_port",
            field="destination_port",
            params={"port": port},
        )
    from seaward.reference.models import Location

    # The UN/LOCODE table is optional reference data; when loaded, the port must be in it.
    if Location.objects.exists() and not Location.objects.filter(unlocode=code).exists():
        raise InvalidInput(
            gettext_noop("%(port)s is not in the UN/LOCODE list."),
            code="unknown_port",
            field="destination_port",
            params={"port": code},
        )
    return code[:2]


def lines_from_quotation(quotation: Quotation) -> tuple[CostLine, ...]:
    """Cost lines of a quotation: value at the quoted price, net weight from the cartons."""
    lines = []
    for line in selectors.quotation_lines(quotation):
        cartons = line.quantity / line.units_per_carton if line.units_per_carton else Decimal(0)
        lines.append(
            CostLine(
                hs_code=line.hs_code,
                origin=line.origin_country or quotation.organization.country,
                value=(line.quantity * line.unit_price).quantize(Decimal("0.01")),
                quantity=line.quantity,
                unit=line.unit,
                weight_kg=(cartons * line.carton_net_kg).quantize(Decimal("0.001")),
                line_id=line.sku_code or str(line.position),
            )
        )
    return tuple(lines)


def shipment_json(request: CostRequest) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "destination": destination_country(request.destination_port),
        "date": (request.on or latest_fx_date()).isoformat(),
        "currency": request.currency.upper(),
        "incoterm": request.incoterm.upper(),
        "named_place": request.destination_port.upper(),
        "transport_mode": request.transport_mode,
        "containerised": request.containerised,
        "freight": str(request.freight),
        "origin_charges": str(request.origin_charges),
        "destination_charges": str(request.destination_charges),
        "lines": [line.as_json(i) for i, line in enumerate(request.lines)],
    }
    if request.insurance is not None:
        raw["insurance"] = str(request.insurance)
    return raw


def _renamed(error: InvalidInput) -> InvalidInput:
    if error.field == "destination":
        error.field = "destination_port"
    return error


def landed_cost_compute(request: CostRequest) -> tuple[dict[str, Any], LandedCost]:
    """The engine's breakdown for ``request``; errors name the field (``lines[0].value``)."""
    raw = shipment_json(request)
    try:
        return raw, compute_from_json(raw)
    except InvalidInput as error:
        raise _renamed(error) from None


@transaction.atomic
def estimate_save(
    *,
    actor: User | None,
    request: CostRequest,
    name: str = "",
    quotation: Quotation | None = None,
) -> LandedCostEstimate:
    """Compute and keep a landed-cost estimate (nothing is kept if the input is wrong)."""
    raw, result = landed_cost_compute(request)
    port = request.destination_port.strip().upper()
    estimate = LandedCostEstimate(
        name=(name or f"{request.incoterm.upper()} {port}")[:120],
        destination_port=port,
        destination_country=raw["destination"],
        incoterm=request.incoterm.upper(),
        transport_mode=request.transport_mode,
        currency=request.currency.upper(),
        quotation=quotation,
        shipment=raw,
        result=result.as_dict(),
        total=result.total,
        result_currency=result.currency,
        cbam=bool(result.cbam),
        created_by=actor,
    )
    estimate.save()
    audit_record(
        actor=actor,
        action="customs.estimate_save",
        obj=estimate,
        after={"total": str(result.total), "currency": result.currency},
    )
    return estimate


# -- declarations ------------------------------------------------------------------------


def declaration_data(order: SalesOrder, *, transport_mode: str = "sea") -> dict[str, Any]:
    """The generic data set and the China profile of ``order``."""
    if transport_mode not in TRANSPORT_MODES:
        raise InvalidInput(
            gettext_noop("Unknown transport mode %(mode)s."),
            field="transport_mode",
            params={"mode": transport_mode},
        )
    data = selectors.declaration_input(order, transport_mode=transport_mode)
    return {"data_set": declaration.build(data), "china": declaration.china_profile(data)}


@transaction.atomic
def declaration_save(
    *, actor: User | None, order: SalesOrder, transport_mode: str = "sea"
) -> ExportDeclaration:
    """Keep the declaration data of ``order`` as prepared now."""
    data = declaration_data(order, transport_mode=transport_mode)
    if data["data_set"]["missing"]:
        raise InvalidInput(
            gettext_noop("Lines without an HS code: %(lines)s. Classify the products first."),
            code="declaration_incomplete",
            field="lines",
            params={"lines": ", ".join(data["data_set"]["missing"])},
        )
    saved = ExportDeclaration(
        order=order, transport_mode=transport_mode, data=data, created_by=actor
    )
    saved.save()
    audit_record(actor=actor, action="customs.declaration_save", obj=saved)
    return saved
