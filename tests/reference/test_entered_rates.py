"""An organization's own FX rates: precedence over ECB, scoping, validation."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from seaward.core.errors import InvalidInput
from seaward.core.tenancy import activate
from seaward.reference import selectors, services
from seaward.reference.models import EnteredFxRate


@pytest.mark.django_db
def test_entered_rate_wins_for_its_organization_only(exporter, other_exporter, owner):
    day = date(2026, 11, 20)
    with activate(exporter):
        services.entered_fx_rate_set(
            actor=owner,
            on=day,
            base="usd",
            quote="CNY",
            rate=Decimal("7.1234"),
            source="Bank of China",
        )
        quote = selectors.fx_rate(day + timedelta(days=3), "USD", "CNY")
        assert (quote.rate, quote.source) == (Decimal("7.1234"), "user")
        inverse = selectors.fx_rate(day, "CNY", "USD")
        assert abs(inverse.rate * Decimal("7.1234") - 1) < Decimal("1e-12")
    with activate(other_exporter):
        assert selectors.entered_rates(day) == {}


@pytest.mark.django_db
def test_entered_rate_expires_after_the_fallback_window(active, owner):
    day = date(2026, 11, 1)
    services.entered_fx_rate_set(
        actor=owner, on=day, base="USD", quote="CNY", rate=Decimal("7.1"), source="bank"
    )
    assert selectors.entered_rates(day + timedelta(days=30)) == {}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("base", "quote", "rate", "source", "field"),
    [
        ("USD", "USD", Decimal(7), "bank", "quote"),
        ("USD", "CNY", Decimal(0), "bank", "rate"),
        ("USD", "CNY", Decimal(-1), "bank", "rate"),
        ("USD", "CNY", Decimal(7), "  ", "source"),
        ("XXY", "CNY", Decimal(7), "bank", "currency"),
    ],
)
def test_bad_rates_are_refused_and_nothing_is_written(
    active, owner, base, quote, rate, source, field
):
    with pytest.raises(InvalidInput) as error:
        services.entered_fx_rate_set(
            actor=owner, on=date(2026, 11, 2), base=base, quote=quote, rate=rate, source=source
        )
    assert error.value.field == field
    assert EnteredFxRate.objects.count() == 0


@pytest.mark.django_db
def test_entered_rates_through_the_api_and_the_page(owner_client, exporter):
    created = owner_client.post(
        "/api/v1/reference/fx/entered",
        {"date": "2026-11-20", "base": "EUR", "quote": "CNY", "rate": "8.05", "source": "BOC"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    listed = owner_client.get("/api/v1/reference/fx/entered").json()
    assert listed["count"] == 1 and listed["items"][0]["quote"] == "CNY"
    bad = owner_client.post(
        "/api/v1/reference/fx/entered",
        {"date": "2026-11-20", "base": "EUR", "quote": "CNY", "rate": "-1", "source": "x"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    page = owner_client.get("/reference/fx/")
    assert "1 EUR = 8.05 CNY" in page.content.decode()
