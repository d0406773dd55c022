"""The logistics journey in the browser: plan a 40HC → step through the 3-D view → book the
shipment → record a milestone → the buyer follows it in the portal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(make_org, make_member, monkeypatch):  # type: ignore[no-untyped-def]
    from seaward.core.tenancy import activate
    from seaward.organizations import services as organizations
    from seaward.organizations.models import Organization
    from seaward.reference.models import ContainerType, Location

    for code, name, lat, lon in (
        ("CNNBO", "Ningbo", 29.87, 121.55),
        ("ESVLC", "Valencia", None, None),
    ):
        Location.objects.create(
            unlocode=code,
            country=code[:2],
            name=name,
            name_wo_diacritics=name,
            search_name=name.lower(),
            is_seaport=True,
            latitude=lat,
            longitude=lon,
        )
    ContainerType.objects.create(
        code="40HC",
        name="40' high cube",
        iso6346_size_type="45G1",
        iso668_designation="1AAA",
        teu=Decimal(2),
        ext_length_mm=12192,
        ext_width_mm=2438,
        ext_height_mm=2896,
        int_length_mm_typ=12032,
        int_width_mm_typ=2352,
        int_height_mm_typ=2698,
        door_width_mm_typ=2340,
        door_height_mm_typ=2585,
        capacity_m3_typ=Decimal(76),
        tare_kg_typ=3900,
        max_gross_kg_typ=30480,
        max_payload_kg_typ=26580,
    )
    # No sanctions lists in this database: the release gate passes every party.
    monkeypatch.setattr("seaward.compliance.services.screening_gate", lambda *, parties: None)
    exporter = make_org("Ningbo Journey Kitchenware", country="CN", city="Ningbo")
    operator = make_member(exporter, "operations", language="en")
    buyer_org = make_org("Cocinas Journey", kind=Organization.Kind.BUYER, country="ES")
    buyer = make_member(buyer_org, "owner", language="en")
    with activate(exporter):
        organizations.party_create(
            actor=operator,
            name="Cocinas Journey S.L.",
            is_buyer=True,
            is_consignee=True,
            country="ES",
            linked_organization=buyer_org,
        )
    return {"operator": operator, "buyer": buyer}


def test_plan_book_track(page, browser, live_server, story):  # type: ignore[no-untyped-def]
    sign_in(page, story["operator"].email)
    page.goto(page.base_url + "/loading-plans/new/")
    page.fill("input[name=name]", "Journey 40HC")
    page.fill("textarea[name=cartons]", "POT, 52, 27, 54, 10.8, 120, up\nPAN, 60, 32, 40, 12.9, 80")
    page.check("input[name=containers][value='40HC']")
    page.click("[data-testid=plan-submit]")
    page.wait_for_selector("[data-testid=plan-viewer][data-ready=true]")
    assert page.locator("[data-testid=plan-viewer] canvas").count() == 1
    assert page.inner_text("[data-testid=plan-counter]") == "200 / 200"
    page.click("#plan-first")
    assert page.inner_text("[data-testid=plan-counter]") == "0 / 200"
    page.click("[data-testid=plan-next]")
    page.click("[data-testid=plan-next]")
    assert page.inner_text("[data-testid=plan-counter]") == "2 / 200"
    assert page.inner_text("[data-testid=plan-current]").startswith("#2 ·")
    assert not page.console_errors

    page.click("[data-testid=book-from-plan]")
    page.select_option("select[name=buyer]", label="Cocinas Journey S.L.")
    page.fill("input[name=destination]", "ESVLC")
    page.fill("input[name=booking_number]", "JRN-0001")
    page.fill("input[name=carrier]", "MSC")
    page.click("[data-testid=shipment-submit]")
    page.wait_for_load_state()
    errors = page.locator(".invalid-feedback, [data-form-error]").all_inner_texts()
    assert not errors, errors
    assert "/shipments/" in page.url and "new" not in page.url, (
        page.url,
        page.inner_text("body")[:1500],
    )
    page.wait_for_selector("[data-testid=shipment-state]")
    assert page.inner_text("[data-testid=shipment-state]") == "Booked"
    assert "40HC" in page.inner_text("[data-testid=containers]")
    page.click("[data-testid=release]")
    page.wait_for_selector("text=Released: every party passed screening.")

    page.select_option("select[name=code]", "TRANSPORT:DEPA")
    page.select_option("select[name=classifier]", "ACT")
    page.fill("input[name=date_time]", "2026-06-03T08:00")
    page.fill("[data-testid=event-form] input[name=location]", "CNNBO")
    page.click("[data-testid=event-submit]")
    page.wait_for_selector("text=Milestone recorded.")
    assert page.inner_text("[data-testid=shipment-state]") == "In transit"
    number = page.inner_text("h1").split()[1]

    context = browser.new_context(locale="es-ES", viewport={"width": 1400, "height": 900})
    buyer_page = context.new_page()
    buyer_page.base_url = page.base_url
    sign_in(buyer_page, story["buyer"].email)
    buyer_page.goto(page.base_url + "/portal/shipments/")
    buyer_page.click(f"text={number}")
    buyer_page.wait_for_selector("[data-testid=timeline]")
    assert "DEPA" in buyer_page.inner_text("[data-testid=timeline]")
    assert "CNNBO" in buyer_page.inner_text("[data-testid=events]")
    assert buyer_page.locator("[data-testid=event-form]").count() == 0
    context.close()
