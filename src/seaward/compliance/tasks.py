"""Background screening (Django tasks API; the database worker in production)."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from seaward.core.tenancy import activate


@task()
def screen_party_task(organization_id: int, party_id: int, trigger: str) -> int:
    """Screen one counterparty (and its contacts) of one organization; returns alerts raised."""
    from seaward.compliance import services
    from seaward.organizations.models import Organization, Party

    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is None:
        return 0
    with activate(organization), transaction.atomic():
        # A savepoint: under the immediate backend a failure must not break the caller's
        # transaction (the party is saved either way; the gate screens it again later).
        party = Party.objects.filter(pk=party_id).first()
        if party is None:
            return 0  # deleted before the worker got to it
        record = services.party_screen_if_needed(party=party, trigger=trigger)
        return record.alert_count if record is not None else 0


@task()
def rescreen_after_list_update(snapshot_id: int) -> int:
    """Fan a list update out: one delta re-screening task per organization with parties."""
    from seaward.organizations.models import Party

    organizations = (
        Party.all_objects.order_by().values_list("organization_id", flat=True).distinct()
    )
    count = 0
    for organization_id in organizations:
        rescreen_organization_task.enqueue(snapshot_id, organization_id)
        count += 1
    return count


@task()
def rescreen_organization_task(snapshot_id: int, organization_id: int) -> int:
    """Re-screen one organization's parties against what a new list snapshot changed."""
    from seaward.compliance import services
    from seaward.compliance.models import ListSnapshot
    from seaward.organizations.models import Organization

    snapshot = ListSnapshot.objects.filter(pk=snapshot_id).first()
    organization = Organization.objects.filter(pk=organization_id).first()
    if snapshot is None or organization is None:
        return 0
    with activate(organization), transaction.atomic():
        return services.rescreen_delta(snapshot=snapshot)
