"""Shared pieces of the ledger API modules: lookups, bounds and capability checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404
from ninja import Field

from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.apitypes import MAX_ID, Pages  # noqa: F401  (re-exported to the API modules)
from seaward.core.errors import InvalidInput, gettext_noop
from seaward.core.money import to_decimal
from seaward.organizations.roles import Capability

M = TypeVar("M", bound=Model)
EARLIEST, LATEST = date(1990, 1, 1), date(2200, 12, 31)
AmountText = Field(..., min_length=1, max_length=40, description="decimal string, e.g. 9965.00")


def get_or_404(queryset: QuerySet[M], pk: int) -> M:
    if not 0 < pk <= MAX_ID:
        raise Http404
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def checked_day(value: date, field: str) -> date:
    if not EARLIEST <= value <= LATEST:
        raise InvalidInput(gettext_noop("The date is out of range."), field=field)
    return value


def checked_rate(value: str | None, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    rate = to_decimal(value, field=field)
    if rate <= 0 or rate >= Decimal("1e9"):
        raise InvalidInput(gettext_noop("A rate must be positive."), field=field)
    return rate


def can_see(request: MemberRequest) -> None:
    ensure_capability(request, Capability.SEE_MONEY)


def can_manage(request: MemberRequest) -> None:
    ensure_capability(request, Capability.MANAGE_MONEY)
