"""Demo: the Ningbo exporter keeps its bank's daily rates for the weeks after the ECB file ends."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from seaward.core.tenancy import activate
from seaward.organizations.models import Organization
from seaward.reference.models import EnteredFxRate

# Bank of China spot buying rates as the demo exporter would key them in (illustrative).
START_RATES = {"USD": Decimal("6.6480"), "EUR": Decimal("7.4290"), "AED": Decimal("1.8100")}
DAILY_DRIFT = {"USD": Decimal("0.0011"), "EUR": Decimal("-0.0017"), "AED": Decimal("0.0003")}
FIRST_DAY = date(2026, 11, 2)


def load_entered_rates(today: date | None = None) -> None:
    organization = Organization.objects.filter(slug="ningbo-harbor").first()
    if organization is None:
        return
    last = today or date.today()
    with activate(organization):
        day, step = FIRST_DAY, 0
        while day <= last:
            recent = day >= last - timedelta(days=30)
            if day.weekday() < 5 and recent:
                for currency, start in START_RATES.items():
                    EnteredFxRate.objects.get_or_create(
                        date=day,
                        base=currency,
                        quote="CNY",
                        defaults={
                            "rate": start + DAILY_DRIFT[currency] * step,
                            "source": "Bank of China Ningbo, spot buying rate",
                        },
                    )
            if day.weekday() < 5:
                step += 1
            day += timedelta(days=1)
