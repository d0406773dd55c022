"""Customs in the browser: classify a Chinese title, confirm a code, landed cost to Valencia."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KETTLE = "电热水壶 1.7升 不锈钢 2200瓦 自动断电"


@pytest.fixture
def story(make_org, make_member):  # type: ignore[no-untyped-def]
    from seaward.catalog import services as catalog
    from seaward.catalog.pricing import Tier
    from seaward.core.tenancy import activate

    exporter = make_org("Ningbo Customs Kitchenware", country="CN", city="Ningbo")
    seller = make_member(exporter, "sales", language="en")
    with activate(exporter):
        product = catalog.product_create(
            actor=seller,
            title={"en": "Electric kettle 1.7 L", "zh": "电热水壶 1.7升"},
            origin_country="CN",
        )
        sku = catalog.sku_create(
            actor=seller,
            product=product,
            code="EK-17",
            tiers=[Tier("USD", Decimal(1), Decimal("9.40"))],
        )
    return {"seller": seller, "sku": sku}


def test_classify_confirm_and_landed_cost_to_valencia(page, story) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, story["seller"].email)
    page.goto(page.base_url + "/customs/classify/")
    page.fill("input[name=title]", KETTLE)
    page.fill("input[name=material]", "不锈钢")
    page.click("[data-testid=classify-submit]")
    # The first classification loads the embedding model in the server process.
    page.wait_for_selector("[data-testid=candidate]", timeout=120_000)
    assert page.locator("[data-testid=candidate]").count() == 5
    assert page.locator("[data-testid=candidate] .breadcrumb-item").count() >= 5

    page.select_option("select[name=sku]", str(story["sku"].pk))
    radio = page.locator("input[name=code][value='851679']")
    if radio.count():
        radio.check()
    else:
        page.fill("input[name=other_code]", "8516.79")
    page.click("[data-testid=confirm-submit]")
    page.wait_for_url(f"**/customs/skus/{story['sku'].pk}/classifications/")
    assert page.locator("[data-testid=catalog-hs]").inner_text().strip() == "851679"
    assert "851679" in page.locator("[data-testid=decisions]").inner_text()

    # The next similar product learns from the confirmation.
    page.goto(page.base_url + "/customs/classify/")
    page.fill("input[name=title]", "不锈钢电热水壶 1.8升")
    page.click("[data-testid=classify-submit]")
    page.wait_for_selector("[data-testid=learned]", timeout=60_000)
    assert "EK-17" in page.locator("[data-testid=learned]").first.inner_text()

    page.goto(page.base_url + "/customs/landed-cost/")
    page.fill("input[name=destination_port]", "ESVLC")
    page.select_option("select[name=incoterm]", "CIF")
    page.select_option("select[name=transport_mode]", "sea")
    page.fill("input[name=currency]", "USD")
    page.fill("input[name=on]", "2025-06-02")
    page.fill("input[name=freight]", "800")
    page.fill("input[name=insurance]", "30")
    page.fill("input[name=line-0-hs_code]", "851679")
    page.fill("input[name=line-0-origin]", "CN")
    page.fill("input[name=line-0-value]", "12000")
    page.fill("input[name=line-0-quantity]", "500")
    page.fill("input[name=line-0-weight_kg]", "750")
    page.click("[data-testid=cost-compute]")
    page.wait_for_selector("[data-testid=cost-total]")
    assert "EUR" in page.locator("[data-testid=cost-total]").inner_text()
    components = page.locator("[data-testid=cost-components]").inner_text()
    assert "Customs duty" in components and "Import VAT" in components
    assert "85167" in components  # the tariff row the duty comes from

    # A sea-only rule with air transport: the error shows next to the Incoterm.
    page.select_option("select[name=transport_mode]", "air")
    page.click("[data-testid=cost-compute]")
    error = page.locator("[data-field-error=incoterm]")
    error.wait_for()
    assert "CIP" in error.inner_text()
    # The form answered 422 on purpose; anything else in the console is a defect.
    assert not [e for e in page.console_errors if "status of 422" not in e]
