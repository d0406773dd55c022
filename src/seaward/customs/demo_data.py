"""Demo data of the customs context (idempotent).

Before the sales story (step 57): the Ningbo exporter's products carry confirmed HS codes.
Two corrections show why a confirmation matters: an electric kettle is not a "coffee or tea
maker" (8516.71) but an "other electro-thermic appliance" (8516.79), and a knife set in a
block is a set of assorted knives (8211.10), not table knives (8211.91).
After it (step 66): a CIF landed-cost estimate of the Valencia order, a DDP estimate to
Los Angeles, and the export declaration data of the confirmed Valencia order.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from seaward.core.tenancy import activate
from seaward.organizations.models import Organization, User

# SKU → (HS 2022 subheading, China tariff line or "", material, use)
CONFIRMED = {
    "NH-SP24": ("732393", "73239300", "stainless steel", "cooking"),
    "NH-FP28": ("732393", "73239300", "stainless steel", "frying"),
    "NH-KS05": ("821110", "", "stainless steel blades, wooden block", "kitchen"),
    "NH-EK17": ("851679", "", "stainless steel", "boiling water, domestic"),
    "NH-HB60": ("850940", "", "plastic, stainless steel", "mixing food, domestic"),
    "NH-RC18": ("851660", "", "aluminium, plastic", "cooking rice, domestic"),
}
VALENCIA_NAME = "Valencia CIF — cookware order"
LOS_ANGELES_NAME = "Los Angeles DDP — kettles and blenders"


def _owner() -> tuple[Organization | None, User | None]:
    organization = Organization.objects.filter(slug="ningbo-harbor").first()
    owner = User.objects.filter(email="owner@ningbo.demo").first()
    return organization, owner


def load_classifications() -> None:
    from seaward.customs import declaration, selectors, services
    from seaward.customs.models import ClassificationDecision

    organization, owner = _owner()
    if organization is None:
        return
    with transaction.atomic(), activate(organization):
        for sku in selectors.skus().filter(code__in=CONFIRMED):
            if ClassificationDecision.objects.filter(sku=sku).exists():
                continue
            code, national, material, use = CONFIRMED[sku.code]
            product = sku.product
            national_lines = {line["code"] for line in declaration.cn_tariff_lines(code)}
            services.classification_confirm(
                actor=owner,
                sku=sku,
                code=code,
                national_code=national if national in national_lines else "",
                product=services.ProductText(
                    title=f"{product.title_in('en')} / {product.title_in('zh')}",
                    material=material,
                    use=use,
                ),
            )


def load_estimates() -> None:
    from seaward.customs import selectors, services
    from seaward.customs.models import ExportDeclaration, LandedCostEstimate

    organization, owner = _owner()
    if organization is None:
        return
    with transaction.atomic(), activate(organization):
        if not LandedCostEstimate.objects.filter(name=VALENCIA_NAME).exists():
            order = selectors.orders().filter(quotation__named_place="ESVLC").first()
            if order is not None:
                services.estimate_save(
                    actor=owner,
                    name=VALENCIA_NAME,
                    quotation=order.quotation,
                    request=services.CostRequest(
                        destination_port="ESVLC",
                        currency=order.currency,
                        incoterm="CIF",
                        transport_mode="sea",
                        lines=services.lines_from_quotation(order.quotation),
                        freight=Decimal("1450"),
                        insurance=Decimal("38"),
                        destination_charges=Decimal("320"),
                    ),
                )
        if not LandedCostEstimate.objects.filter(name=LOS_ANGELES_NAME).exists():
            services.estimate_save(
                actor=owner,
                name=LOS_ANGELES_NAME,
                request=services.CostRequest(
                    destination_port="USLAX",
                    currency="USD",
                    incoterm="DDP",
                    transport_mode="sea",
                    lines=(
                        services.CostLine(
                            hs_code="8516.79.00",
                            origin="CN",
                            value=Decimal("9400"),
                            quantity=Decimal("1000"),
                            weight_kg=Decimal("1238"),
                            line_id="NH-EK17",
                        ),
                        services.CostLine(
                            hs_code="8509.40.00",
                            origin="CN",
                            value=Decimal("4920"),
                            quantity=Decimal("600"),
                            weight_kg=Decimal("660"),
                            line_id="NH-HB60",
                        ),
                    ),
                    freight=Decimal("2600"),
                    insurance=Decimal("45"),
                    destination_charges=Decimal("480"),
                ),
            )
        confirmed = selectors.orders().filter(quotation__named_place="ESVLC").first()
        if confirmed is not None and not ExportDeclaration.objects.filter(order=confirmed).exists():
            services.declaration_save(actor=owner, order=confirmed, transport_mode="sea")
