"""Fixtures of the logistics app tests: a few ports, container types, parties, a buyer org."""

from __future__ import annotations

from decimal import Decimal

import pytest


@pytest.fixture
def ports(db):  # type: ignore[no-untyped-def]
    from seaward.reference.models import ContainerType, Location, LocationAlias

    ningbo = Location.objects.create(
        unlocode="CNNBO",
        country="CN",
        name="Ningbo",
        name_wo_diacritics="Ningbo",
        search_name="ningbo",
        is_seaport=True,
        latitude=29.87,
        longitude=121.55,
    )
    Location.objects.create(
        unlocode="ESVLC",
        country="ES",
        name="Valencia",
        name_wo_diacritics="Valencia",
        search_name="valencia",
        is_seaport=True,
        latitude=39.45,
        longitude=-0.32,
    )
    shanghai = Location.objects.create(
        unlocode="CNSHG",
        country="CN",
        name="Shanghai",
        name_wo_diacritics="Shanghai",
        search_name="shanghai",
        is_seaport=True,
        latitude=31.23,
        longitude=121.47,
    )
    LocationAlias.objects.create(
        alias="CNSHA", search_alias="cnsha", kind="code", location=shanghai
    )
    LocationAlias.objects.create(alias="CNNGB", search_alias="cnngb", kind="code", location=ningbo)
    for code, name, size, teu, length, height in (
        ("20GP", "20' general purpose", "22G1", "1", 5898, 2393),
        ("40GP", "40' general purpose", "42G1", "2", 12032, 2393),
        ("40HC", "40' high cube", "45G1", "2", 12032, 2698),
    ):
        ContainerType.objects.create(
            code=code,
            name=name,
            iso6346_size_type=size,
            iso668_designation="1A",
            teu=Decimal(teu),
            ext_length_mm=length + 160,
            ext_width_mm=2438,
            ext_height_mm=height + 200,
            int_length_mm_typ=length,
            int_width_mm_typ=2352,
            int_height_mm_typ=height,
            door_width_mm_typ=2340,
            door_height_mm_typ=height - 100,
            capacity_m3_typ=Decimal(67),
            tare_kg_typ=3800,
            max_gross_kg_typ=30480,
            max_payload_kg_typ=26680,
        )


@pytest.fixture
def buyer_org(make_org):  # type: ignore[no-untyped-def]
    return make_org("Cocinas Test", kind="buyer", country="ES")


@pytest.fixture
def parties(exporter, owner, buyer_org):  # type: ignore[no-untyped-def]
    from seaward.core.tenancy import activate
    from seaward.organizations.models import Party

    with activate(exporter):
        buyer = Party.objects.create(
            name="Cocinas Test S.L.",
            is_buyer=True,
            is_consignee=True,
            country="ES",
            linked_organization=buyer_org,
        )
        notify = Party.objects.create(name="Levante Test", is_notify_party=True, country="ES")
    return {"buyer": buyer, "notify": notify}


@pytest.fixture
def clear_screening(monkeypatch):  # type: ignore[no-untyped-def]
    """No sanctions lists in the test database: the gate lets every party through."""
    calls: list[list[object]] = []
    monkeypatch.setattr(
        "seaward.compliance.services.screening_gate",
        lambda *, parties: calls.append(list(parties)),
    )
    return calls


@pytest.fixture
def order(exporter, owner, parties):  # type: ignore[no-untyped-def]
    """A confirmed sales order of the buyer: 1200 pots (12 a carton) and 600 pans (20 a carton)."""
    from seaward.catalog import services as catalog
    from seaward.catalog.pricing import Tier
    from seaward.core.tenancy import activate
    from seaward.sales import services as sales

    with activate(exporter):
        product = catalog.product_create(
            actor=owner, title={"en": "Stock pot"}, origin_country="CN"
        )
        skus = [
            catalog.sku_create(
                actor=owner,
                product=product,
                code=code,
                tiers=[Tier("EUR", Decimal(1), Decimal("5"))],
                units_per_carton=per,
                carton_length_cm=Decimal(length),
                carton_width_cm=Decimal(w),
                carton_height_cm=Decimal(h),
                carton_net_kg=Decimal(kg) - 1,
                carton_gross_kg=Decimal(kg),
            )
            for code, per, length, w, h, kg in (
                ("POT-24", 12, 60, 40, 45, 14),
                ("PAN-28", 20, 50, 50, 30, 16),
            )
        ]
        quotation = sales.quotation_create(
            actor=owner,
            buyer=parties["buyer"],
            currency="EUR",
            incoterm="CIF",
            named_place="ESVLC",
            lines=[
                sales.LineInput(quantity=Decimal(1200), sku_id=skus[0].pk),
                sales.LineInput(quantity=Decimal(600), sku_id=skus[1].pk),
            ],
        )
        sales.quotation_send(actor=owner, quotation=quotation)
        return sales.quotation_accept(actor=owner, quotation=quotation)
