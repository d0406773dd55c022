"""Background tasks of the ledger (Django tasks API, database worker by default)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django_tasks import task

from seaward.core.tenancy import activate


@task()
def revaluation_run_task(
    organization_id: int, period_end: str, rates: dict[str, str], user_id: int | None
) -> int:
    """Revalue an organization's open foreign balances at a period end; returns its id."""
    from seaward.ledger import services
    from seaward.organizations.models import Organization, User

    organization = Organization.objects.get(pk=organization_id)
    actor = User.objects.filter(pk=user_id).first() if user_id else None
    with activate(organization):
        revaluation = services.revaluation_run(
            period_end=date.fromisoformat(period_end),
            user_rates={currency: Decimal(value) for currency, value in rates.items()},
            actor=actor,
        )
    return int(revaluation.pk)


@task()
def statement_reconcile_task(organization_id: int, statement_id: int) -> tuple[int, int]:
    """Re-run matching on a statement's open lines (e.g. after new invoices were posted)."""
    from seaward.ledger import services
    from seaward.ledger.models import BankStatement
    from seaward.organizations.models import Organization

    organization = Organization.objects.get(pk=organization_id)
    with activate(organization):
        statement = BankStatement.objects.get(pk=statement_id)
        return services.statement_reconcile(statement=statement, actor=None)
