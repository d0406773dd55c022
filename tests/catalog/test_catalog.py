"""Catalog: multilingual texts, quantity price tiers, products and SKUs, the API."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seaward.catalog.pricing import Tier, parse_tiers, tier_price
from seaward.catalog.texts import base_language, clean_texts, pick
from seaward.core.tenancy import activate

TIERS = [
    Tier("USD", Decimal(100), Decimal("8.60")),
    Tier("USD", Decimal(1000), Decimal("7.95")),
    Tier("EUR", Decimal(100), Decimal("7.90")),
]


def test_the_highest_reached_tier_gives_the_price():
    assert tier_price(TIERS, "USD", Decimal(999)) == Decimal("8.60")
    assert tier_price(TIERS, "USD", Decimal(1000)) == Decimal("7.95")
    assert tier_price(TIERS, "EUR", Decimal(5000)) == Decimal("7.90")
    assert tier_price(TIERS, "USD", Decimal(99)) is None
    assert tier_price(TIERS, "JPY", Decimal(500)) is None


@given(st.integers(min_value=100, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_buying_more_never_raises_the_unit_price(quantity, more):
    low = tier_price(TIERS, "USD", Decimal(quantity))
    high = tier_price(TIERS, "USD", Decimal(quantity + more))
    assert low is not None and high is not None and high <= low


def test_typed_tiers_name_the_bad_line():
    parsed = parse_tiers("USD 100 8.60\n\nEUR lots 1\nEUR 5")
    assert parsed[0] == (1, Tier("USD", Decimal(100), Decimal("8.60")))
    assert parsed[1][0] == 3 and isinstance(parsed[1][1], str)
    assert parsed[2][0] == 4 and isinstance(parsed[2][1], str)


def test_texts_fall_back_through_english_then_chinese():
    texts = clean_texts({"zh-Hans": " 汤锅 ", "EN": "Stock pot", "es": ""})
    assert texts == {"zh": "汤锅", "en": "Stock pot"}
    assert pick(texts, "zh-hans") == "汤锅"
    assert pick(texts, "es") == "Stock pot"
    assert pick({"zh": "汤锅"}, "ar") == "汤锅"
    assert pick({}, "en") == ""
    assert base_language("es-ES") == "es"


@pytest.mark.django_db
def test_sku_codes_are_unique_per_organization(exporter, other_exporter, owner, outsider):
    from seaward.catalog import services
    from seaward.catalog.errors import DuplicateSku

    with activate(exporter):
        product = services.product_create(actor=owner, title={"en": "Pot"}, origin_country="CN")
        services.sku_create(actor=owner, product=product, code="P-1")
        with pytest.raises(DuplicateSku):
            services.sku_create(actor=owner, product=product, code="P-1")
    with activate(other_exporter):
        other = services.product_create(actor=outsider, title={"en": "Pot"}, origin_country="CN")
        services.sku_create(actor=outsider, product=other, code="P-1")


@pytest.mark.django_db
def test_a_product_needs_a_title_and_valid_tiers(exporter, owner):
    from seaward.catalog import services
    from seaward.catalog.errors import InvalidPriceTier, TitleRequired
    from seaward.catalog.models import Sku

    with activate(exporter):
        with pytest.raises(TitleRequired):
            services.product_create(actor=owner, title={"en": "  "}, origin_country="CN")
        product = services.product_create(actor=owner, title={"zh": "锅"}, origin_country="CN")
        with pytest.raises(InvalidPriceTier) as error:
            services.sku_create(
                actor=owner,
                product=product,
                code="P-2",
                tiers=[Tier("EUR", Decimal(1), Decimal(1)), Tier("ZZQ", Decimal(1), Decimal(1))],
            )
        assert error.value.params["line"] == 2
        assert not Sku.objects.exists()


@pytest.mark.django_db
def test_products_api(client, exporter, owner, other_exporter, outsider):
    from seaward.organizations import services as organizations

    with activate(exporter):
        token = organizations.api_token_create(user=owner, name="t").plaintext
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    body = {
        "title": {"en": "Electric kettle 1.7 L", "zh": "电热水壶 1.7升"},
        "hs_code": "8516.71",
        "origin_country": "CN",
        "skus": [
            {
                "code": "EK-17",
                "moq": 500,
                "units_per_carton": 8,
                "tiers": [{"currency": "USD", "min_quantity": 500, "unit_price": "9.40"}],
            }
        ],
    }
    created = client.post("/api/v1/products", body, content_type="application/json", **auth)
    assert created.status_code == 201, created.content
    product = created.json()
    assert product["hs_code"] == "851671"
    assert product["skus"][0]["tiers"] == [
        {"currency": "USD", "min_quantity": 500, "unit_price": "9.4000"}
    ]
    listing = client.get("/api/v1/products?q=kettle", **auth).json()
    assert [p["id"] for p in listing["items"]] == [product["id"]]
    with activate(other_exporter):
        other = organizations.api_token_create(user=outsider, name="t").plaintext
    other_auth = {"HTTP_AUTHORIZATION": f"Bearer {other}"}
    assert client.get(f"/api/v1/products/{product['id']}", **other_auth).status_code == 404
    duplicate = client.post("/api/v1/products", body, content_type="application/json", **auth)
    assert duplicate.status_code == 409
