"""Writes of the reference context that belong to one organization: its own FX rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from seaward.core.errors import InvalidInput, gettext_noop
from seaward.core.money import normalize_currency
from seaward.core.tenancy import require_organization
from seaward.organizations.audit import audit_record
from seaward.organizations.models import User
from seaward.reference.models import EnteredFxRate


@transaction.atomic
def entered_fx_rate_set(
    *, actor: User, on: date, base: str, quote: str, rate: Decimal, source: str
) -> EnteredFxRate:
    """Record (or correct) the organization's own rate 1 ``base`` = ``rate`` ``quote`` on ``on``."""
    base_code = normalize_currency(base)
    quote_code = normalize_currency(quote)
    if base_code == quote_code:
        raise InvalidInput(gettext_noop("Choose two different currencies."), field="quote")
    if not isinstance(rate, Decimal) or not rate.is_finite() or rate <= 0:
        raise InvalidInput(gettext_noop("A rate must be a positive number."), field="rate")
    if rate >= Decimal(10) ** 12:
        raise InvalidInput(gettext_noop("This rate is too large."), field="rate")
    if not source.strip():
        raise InvalidInput(gettext_noop("Say where the rate comes from."), field="source")
    existing = EnteredFxRate.objects.filter(date=on, base=base_code, quote=quote_code).first()
    before = {"rate": str(existing.rate), "source": existing.source} if existing else None
    entry, _ = EnteredFxRate.objects.update_or_create(
        organization=require_organization(),
        date=on,
        base=base_code,
        quote=quote_code,
        defaults={"rate": rate, "source": source.strip()[:200]},
    )
    audit_record(
        actor=actor,
        action="fx_rate.enter",
        obj=entry,
        before=before,
        after={"rate": str(rate), "source": entry.source},
    )
    return entry
