"""Demo catalog: the Ningbo exporter's kitchenware and small appliances (idempotent)."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from seaward.catalog import services
from seaward.catalog.models import Sku
from seaward.catalog.pricing import Tier
from seaward.core.tenancy import activate
from seaward.organizations.models import Organization

D = Decimal
# (sku, en, zh, es, hs, unit, moq, cost CNY, units/carton, carton cm, net, gross, tiers)
PRODUCTS = [
    (
        "NH-SP24",
        "Stainless steel stock pot 24 cm with glass lid",
        "不锈钢汤锅 24厘米 带玻璃盖",
        "Olla de acero inoxidable 24 cm con tapa de vidrio",
        "732393",
        "pcs",
        300,
        "38.50",
        6,
        ("52", "27", "54"),
        "9.6",
        "10.8",
        [("USD", 300, "8.60"), ("USD", 1000, "7.95"), ("EUR", 300, "7.90"), ("EUR", 1000, "7.30")],
    ),
    (
        "NH-FP28",
        "Non-stick frying pan 28 cm, induction base",
        "不粘煎锅 28厘米 电磁炉适用",
        "Sartén antiadherente 28 cm, base de inducción",
        "732393",
        "pcs",
        500,
        "27.80",
        10,
        ("60", "32", "40"),
        "11.5",
        "12.9",
        [("USD", 500, "6.10"), ("USD", 2000, "5.65"), ("EUR", 500, "5.60"), ("EUR", 2000, "5.20")],
    ),
    (
        "NH-KS05",
        "Kitchen knife set, 5 pieces with wooden block",
        "厨房刀具五件套 带木刀座",
        "Juego de cuchillos de cocina, 5 piezas con taco",
        "821191",
        "set",
        200,
        "52.00",
        4,
        ("48", "30", "36"),
        "8.2",
        "9.4",
        [("USD", 200, "11.80"), ("EUR", 200, "10.90")],
    ),
    (
        "NH-EK17",
        "Electric kettle 1.7 L, stainless steel, 2200 W",
        "电热水壶 1.7升 不锈钢 2200瓦",
        "Hervidor eléctrico 1,7 L, acero inoxidable, 2200 W",
        "851671",
        "pcs",
        500,
        "41.00",
        8,
        ("58", "38", "50"),
        "9.9",
        "11.6",
        [("USD", 500, "9.40"), ("USD", 3000, "8.70"), ("EUR", 500, "8.70"), ("EUR", 3000, "8.05")],
    ),
    (
        "NH-HB60",
        "Hand blender 600 W with whisk and beaker",
        "手持搅拌机 600瓦 配打蛋器和量杯",
        "Batidora de mano 600 W con varilla y vaso",
        "850940",
        "pcs",
        500,
        "36.50",
        12,
        ("62", "40", "36"),
        "13.2",
        "15.0",
        [("USD", 500, "8.20"), ("EUR", 500, "7.60")],
    ),
    (
        "NH-RC18",
        "Rice cooker 1.8 L with steamer basket",
        "电饭煲 1.8升 带蒸笼",
        "Arrocera 1,8 L con cesta de vapor",
        "851660",
        "pcs",
        300,
        "58.00",
        4,
        ("60", "40", "38"),
        "10.4",
        "12.0",
        [("USD", 300, "12.90"), ("EUR", 300, "11.90")],
    ),
]


@transaction.atomic
def load() -> None:
    exporter = Organization.objects.filter(slug="ningbo-harbor").first()
    if exporter is None:
        return
    with activate(exporter):
        for code, en, zh, es, hs, unit, moq, cost, per, dims, net, gross, tiers in PRODUCTS:
            if Sku.objects.owned().filter(code=code).exists():
                continue
            product = services.product_create(
                actor=None,
                title={"en": en, "zh": zh, "es": es},
                hs_code=hs,
                origin_country="CN",
                unit=unit,
                lead_time_days=35,
            )
            services.sku_create(
                actor=None,
                product=product,
                code=code,
                moq=moq,
                unit_cost=D(cost),
                units_per_carton=per,
                carton_length_cm=D(dims[0]),
                carton_width_cm=D(dims[1]),
                carton_height_cm=D(dims[2]),
                carton_net_kg=D(net),
                carton_gross_kg=D(gross),
                tiers=[Tier(c, D(q), D(p)) for c, q, p in tiers],
            )
