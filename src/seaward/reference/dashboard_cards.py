"""The reference context's dashboard card: today's rates into the home currency."""

from __future__ import annotations

from django.http import HttpRequest

from seaward.core.dashboard import Card
from seaward.core.errors import DomainError
from seaward.reference import selectors

CARD_CURRENCIES = ("USD", "EUR", "GBP", "JPY", "AED", "SAR")


def fx_card(request: HttpRequest) -> Card | None:
    organization = getattr(request, "organization", None)
    table = selectors.fx_latest()
    if organization is None or table.date is None:
        return None
    home = organization.home_currency
    quotes = []
    for code in CARD_CURRENCIES:
        if code == home:
            continue
        try:
            quotes.append(selectors.fx_rate(table.date, code, home))
        except DomainError:
            continue
    return Card("reference/cards/fx.html", {"home": home, "quotes": quotes, "date": table.date})
