"""Reads of the customs context: decisions, estimates, and the sales facts a declaration needs.

Sales rows are read only through ``seaward.sales.selectors`` querysets (tenant-scoped).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404

from seaward.catalog.models import Sku
from seaward.customs import declaration
from seaward.customs.hs_classifier import ConfirmedExample
from seaward.customs.models import ClassificationDecision, ExportDeclaration, LandedCostEstimate
from seaward.organizations.models import Party
from seaward.sales import selectors as sales_selectors
from seaward.sales.models import Quotation, QuotationLine, SalesOrder

MAX_LEARNING_EXAMPLES = 500  # the organization's most recent confirmations, one per SKU


def decisions() -> QuerySet[ClassificationDecision]:
    return ClassificationDecision.objects.select_related("sku__product", "decided_by")


def decisions_of(sku: Sku) -> QuerySet[ClassificationDecision]:
    return decisions().filter(sku=sku)


def skus() -> QuerySet[Sku]:
    return Sku.objects.owned().select_related("product").order_by("code")


def sku(pk: int) -> Sku:
    found = skus().filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class LearnedExample:
    example: ConfirmedExample
    sku_code: str
    decision_id: int


def learning_examples() -> list[LearnedExample]:
    """The latest confirmed decision of each SKU, as labelled examples for the classifier."""
    seen: set[int] = set()
    examples = []
    rows = (
        ClassificationDecision.objects.owned()
        .select_related("sku")
        .only("id", "sku_id", "sku__code", "code", "text")
    )
    for row in rows[: MAX_LEARNING_EXAMPLES * 4]:
        if row.sku_id in seen:
            continue
        seen.add(row.sku_id)
        examples.append(LearnedExample(ConfirmedExample(row.text, row.code), row.sku.code, row.pk))
        if len(examples) >= MAX_LEARNING_EXAMPLES:
            break
    return examples


def estimates() -> QuerySet[LandedCostEstimate]:
    return LandedCostEstimate.objects.select_related("created_by", "quotation")


def quotations_for_costing() -> QuerySet[Quotation]:
    return sales_selectors.quotations_sold()


def quotation_lines(quotation: Quotation) -> QuerySet[QuotationLine]:
    return QuotationLine.objects.filter(quotation=quotation).order_by("position")


def orders() -> QuerySet[SalesOrder]:
    return sales_selectors.orders_sold().select_related("consignee", "organization")


def order(pk: int) -> SalesOrder:
    found = orders().filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def declarations() -> QuerySet[ExportDeclaration]:
    return ExportDeclaration.objects.select_related("order", "created_by")


def _party(party: Party | None) -> declaration.DeclarationParty | None:
    if party is None:
        return None
    address = ", ".join(
        part for part in (party.address_line1, party.postal_code, party.city) if part
    )
    return declaration.DeclarationParty(
        name=party.name,
        legal_name=party.legal_name,
        country=party.country,
        address=address,
        tax_id=party.tax_id,
    )


def _elements(line: QuotationLine) -> dict[str, str]:
    specs = line.sku.product.specs if line.sku_id and line.sku else {}
    elements = {
        key: str(specs[source])
        for key, source in (("material", "material"), ("use", "use"), ("brand", "brand"))
        if specs.get(source)
    }
    elements["model"] = line.sku_code
    return elements


def _national_code(line: QuotationLine) -> str:
    if not line.sku_id:
        return ""
    latest = decisions_of(line.sku).filter(code=line.hs_code).first() if line.sku else None
    return latest.national_code if latest else ""


def declaration_input(
    order: SalesOrder, *, transport_mode: str = "sea"
) -> declaration.DeclarationInput:
    """The facts of ``order`` that its export declaration needs."""
    quotation = order.quotation
    organization = order.organization
    lines = []
    for line in quotation_lines(quotation).select_related("sku__product"):
        cartons = line.quantity / line.units_per_carton if line.units_per_carton else Decimal(0)
        lines.append(
            declaration.DeclarationLine(
                position=line.position,
                sku=line.sku_code,
                description=line.description_in("en"),
                description_local=line.description_in("zh"),
                hs_code=(line.hs_code or "")[:6],
                quantity=line.quantity,
                unit=line.unit,
                unit_price=line.unit_price,
                origin=line.origin_country or organization.country,
                net_kg=(cartons * line.carton_net_kg).quantize(Decimal("0.001")),
                gross_kg=(cartons * line.carton_gross_kg).quantize(Decimal("0.001")),
                national_code=_national_code(line),
                elements=_elements(line),
            )
        )
    consignee = order.consignee or order.buyer
    consignor = declaration.DeclarationParty(
        name=organization.name,
        legal_name=organization.legal_name,
        country=organization.country,
        address=organization.city,
    )
    named_place = quotation.named_place
    c_or_d = quotation.incoterm.upper() in declaration.C_GROUP_DESTINATION
    return declaration.DeclarationInput(
        reference=order.number,
        on=(order.confirmed_at or order.created_at).date(),
        consignor=consignor,
        consignee=_party(consignee) or consignor,
        buyer=_party(order.buyer),
        incoterm=quotation.incoterm,
        named_place=named_place,
        named_place_name=quotation.named_place_name,
        transport_mode=transport_mode,
        currency=order.currency,
        lines=tuple(lines),
        destination_country=(named_place[:2] if c_or_d else consignee.country).upper(),
        loading_port="" if c_or_d else named_place,
        destination_port=named_place if c_or_d else "",
        destination_port_name=quotation.named_place_name if c_or_d else "",
        marks=order.shipping_marks,
        container=order.container_number,
        domestic_source=organization.city,
    )
