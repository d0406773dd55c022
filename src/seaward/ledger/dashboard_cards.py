"""The ledger's dashboard card: cash, receivables and FX exposure at a glance."""

from __future__ import annotations

from django.http import HttpRequest

from seaward.core.dashboard import Card
from seaward.ledger import selectors
from seaward.organizations.roles import Capability, role_allows


def money_card(request: HttpRequest) -> Card | None:
    membership = getattr(request, "membership", None)
    if membership is None or not role_allows(membership.role, Capability.SEE_MONEY):
        return None
    return Card("ledger/cards/money.html", {"summary": selectors.money_summary()}, width=12)
