"""The sales journey in the browser: quotation → buyer portal → order → trade documents."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(make_org, make_member):  # type: ignore[no-untyped-def]
    from seaward.catalog import services as catalog
    from seaward.catalog.pricing import Tier
    from seaward.core.tenancy import activate
    from seaward.organizations import services as organizations
    from seaward.organizations.models import Organization

    exporter = make_org("Ningbo Journey Kitchenware", country="CN", city="Ningbo")
    seller = make_member(exporter, "sales", language="en")
    buyer_org = make_org(
        "Cocinas Journey", kind=Organization.Kind.BUYER, country="ES", home_currency="EUR"
    )
    buyer = make_member(buyer_org, "owner", language="en")
    with activate(exporter):
        organizations.party_create(
            actor=seller,
            name="Cocinas Journey S.L.",
            is_buyer=True,
            is_consignee=True,
            country="ES",
            city="Valencia",
            linked_organization=buyer_org,
        )
        product = catalog.product_create(
            actor=seller,
            title={"en": "Stainless steel stock pot 24 cm", "zh": "不锈钢汤锅 24厘米"},
            hs_code="732393",
            origin_country="CN",
        )
        catalog.sku_create(
            actor=seller,
            product=product,
            code="SP-24",
            moq=100,
            unit_cost=Decimal("38.50"),
            units_per_carton=6,
            carton_length_cm=Decimal(52),
            carton_width_cm=Decimal(27),
            carton_height_cm=Decimal(54),
            carton_net_kg=Decimal("9.6"),
            carton_gross_kg=Decimal("10.8"),
            tiers=[
                Tier("EUR", Decimal(100), Decimal("7.90")),
                Tier("EUR", Decimal(500), Decimal("7.20")),
            ],
        )
    return {"seller": seller, "buyer": buyer}


def _pdf_text(download) -> str:  # type: ignore[no-untyped-def]
    with open(download.path(), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_quotation_to_documents(page, story, monkeypatch):  # type: ignore[no-untyped-def]
    from seaward.core.errors import Conflict
    from seaward.sales import screening

    # The first screening is still under review, so the accepted order waits in draft.
    calls = {"n": 0}

    def gate(parties):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:
            raise Conflict(
                "%(party)s is waiting for a screening review.", params={"party": parties[0].name}
            )

    monkeypatch.setattr(screening, "gate", gate)

    # the exporter drafts a quotation in EUR, CIF Valencia, for the Spanish buyer
    sign_in(page, story["seller"].email)
    page.goto(page.base_url + "/quotations/new/")
    page.select_option("select[name=buyer]", label="Cocinas Journey S.L.")
    page.fill("input[name=currency]", "EUR")
    page.select_option("select[name=incoterm]", "CIF")
    page.fill("input[name=named_place]", "ESVLC")
    page.fill("input[name=named_place_name]", "Valencia")
    page.fill("input[name=cost_freight]", "9500")
    page.fill("input[name=fx_rate]", "7.8")
    page.select_option("select[name=lines-0-sku]", label="SP-24 — Stainless steel stock pot 24 cm")
    page.fill("input[name=lines-0-quantity]", "600")
    page.click("[data-testid=add-line]")
    page.wait_for_selector("input[name=lines-1-description]")
    page.fill("input[name=lines-1-description]", "Glass lids 24 cm")
    page.fill("input[name=lines-1-quantity]", "50")
    page.fill("input[name=lines-1-unit_price]", "1.35")
    page.click("[data-testid=save-quotation]")
    page.wait_for_url("**/quotations/*/")
    assert "€4,387.50" in page.locator("[data-testid=quotation-total]").inner_text()
    assert page.locator("[data-testid=margin]").count() == 1
    page.click("[data-testid=send-quotation]")
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()

    # the buyer sees it in English with EUR prices, and accepts
    sign_in(page, story["buyer"].email)
    page.goto(page.base_url + "/portal/quotations/")
    page.click("[data-testid=portal-quotations] a.mono")
    page.wait_for_url("**/portal/quotations/*/")
    lines = page.locator("[data-testid=quotation-lines]").inner_text()
    assert "Stainless steel stock pot 24 cm" in lines and "€7.20" in lines
    assert "CIF Valencia ESVLC" in page.locator("[data-testid=incoterm]").inner_text()
    page.click("[data-testid=accept-quotation]")
    page.wait_for_url("**/portal/orders/*/")
    page.context.clear_cookies()

    # the exporter confirms the order once screening is reviewed, and downloads the documents
    sign_in(page, story["seller"].email)
    page.goto(page.base_url + "/orders/")
    page.click("table a.mono")
    page.wait_for_url("**/orders/*/")
    assert "screening review" in page.locator("[data-testid=draft-reason]").inner_text()
    page.click("[data-testid=transition-confirmed]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-state=confirmed]").count() >= 1
    expected = {
        "proforma-invoice": ("Pro-forma Invoice", "形式发票"),
        "commercial-invoice": ("Commercial Invoice", "商业发票"),
        "packing-list": ("Packing List", "装箱单"),
    }
    for kind, (english, chinese) in expected.items():
        with page.expect_download() as info:
            page.click(f"[data-testid=doc-{kind}-bilingual]")
        text = _pdf_text(info.value)
        assert english in text and chinese in text
        assert "Cocinas Journey S.L." in text and "CIF Valencia (ESVLC)" in text
        if kind != "packing-list":
            assert "€4,387.50" in text
    assert not [e for e in page.console_errors if "Content Security Policy" in e]
