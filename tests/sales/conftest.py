"""Sales fixtures: a Ningbo exporter with a catalog, a Spanish buyer on Seaward, its users."""

from __future__ import annotations

from decimal import Decimal

import pytest

from seaward.core.tenancy import activate


@pytest.fixture
def buyer_org(make_org):  # type: ignore[no-untyped-def]
    from seaward.organizations.models import Organization

    return make_org(
        "Cocinas Test",
        kind=Organization.Kind.BUYER,
        country="ES",
        home_currency="EUR",
        default_language="es",
    )


@pytest.fixture
def buyer_user(buyer_org, make_member):  # type: ignore[no-untyped-def]
    return make_member(buyer_org, "owner", language="en")


@pytest.fixture
def buyer_party(exporter, owner, buyer_org):  # type: ignore[no-untyped-def]
    from seaward.organizations import services

    with activate(exporter):
        return services.party_create(
            actor=owner,
            name="Cocinas Test S.L.",
            is_buyer=True,
            is_consignee=True,
            country="ES",
            city="Valencia",
            linked_organization=buyer_org,
        )


@pytest.fixture
def sku(exporter, owner):  # type: ignore[no-untyped-def]
    from seaward.catalog import services
    from seaward.catalog.pricing import Tier

    with activate(exporter):
        product = services.product_create(
            actor=owner,
            title={"en": "Stainless steel stock pot 24 cm", "zh": "不锈钢汤锅 24厘米"},
            hs_code="7323.93",
            origin_country="CN",
            unit="pcs",
        )
        return services.sku_create(
            actor=owner,
            product=product,
            code="SP-24",
            moq=100,
            unit_cost=Decimal("38.50"),
            units_per_carton=6,
            carton_length_cm=Decimal("52"),
            carton_width_cm=Decimal("27"),
            carton_height_cm=Decimal("54"),
            carton_net_kg=Decimal("9.6"),
            carton_gross_kg=Decimal("10.8"),
            tiers=[
                Tier("EUR", Decimal(100), Decimal("7.90")),
                Tier("EUR", Decimal(500), Decimal("7.20")),
                Tier("USD", Decimal(100), Decimal("8.60")),
            ],
        )


@pytest.fixture
def make_quotation(exporter, owner, buyer_party, sku):  # type: ignore[no-untyped-def]
    from seaward.sales import services

    def factory(quantity: str = "600", **fields):  # type: ignore[no-untyped-def]
        spec = dict(
            currency="EUR",
            incoterm="CIF",
            named_place="ESVLC",
            named_place_name="Valencia",
            payment_terms="tt",
            deposit_percent=Decimal(30),
            lead_time_days=35,
            costs={
                "inland": Decimal("800"),
                "freight": Decimal("9500"),
                "insurance": Decimal("90"),
            },
            fx_rate=Decimal("7.8"),
        )
        spec.update(fields)
        lines = spec.pop(
            "lines",
            [
                services.LineInput(quantity=Decimal(quantity), sku_id=sku.pk),
                services.LineInput(
                    quantity=Decimal(50),
                    description={"en": "Glass lids 24 cm", "zh": "玻璃锅盖 24厘米"},
                    unit_price=Decimal("1.35"),
                ),
            ],
        )
        with activate(exporter):
            return services.quotation_create(actor=owner, buyer=buyer_party, lines=lines, **spec)

    return factory


@pytest.fixture
def sent_quotation(make_quotation, exporter, owner):  # type: ignore[no-untyped-def]
    from seaward.sales import services

    quotation = make_quotation()
    with activate(exporter):
        return services.quotation_send(actor=owner, quotation=quotation)
