"""Demo data of the compliance context: the Ningbo exporter's screening story.

Gulf Home Trading (a buyer) asks Ningbo Harbor to ship to its consignee "Green Leaf
Gen. Trading L.L.C." — a near-match of an OFAC SDN entity in Dubai, so an alert waits in
the review queue. A notify party in Oman with the same name as a listed Dubai company
was reviewed and cleared as a false positive. Every demo counterparty is screened.
Idempotent: a second run adds nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from seaward.core.tenancy import activate

NEAR_MATCH: dict[str, Any] = dict(
    name="Green Leaf Gen. Trading L.L.C.",
    is_consignee=True,
    country="AE",
    address_line1="Al Quoz Industrial Area 3, Warehouse 12",
    city="Dubai",
    notes="Consignee named by Gulf Home Trading LLC for the June order.",
)
FALSE_POSITIVE: dict[str, Any] = dict(
    name="Maxima Middle East Trading LLC",
    is_notify_party=True,
    country="OM",
    address_line1="Way 3011, Al Khuwair",
    city="Muscat",
    tax_id="OM1234567",
)
FALSE_POSITIVE_REASON = (
    "Different company: Maxima Middle East Trading LLC of Muscat, Oman (commercial "
    "registration 1234567, kitchenware distributor since 2009, trade licence checked). "
    "The listed entity is a Dubai / Seychelles company under the Syria program."
)


def load_demo() -> None:
    from seaward.compliance.models import Alert, ListSnapshot
    from seaward.compliance.services import alert_decide, party_screen_if_needed
    from seaward.organizations import services as org_services
    from seaward.organizations.models import Organization, Party, User

    ningbo = Organization.objects.filter(slug="ningbo-harbor").first()
    owner = User.objects.filter(email="owner@ningbo.demo").first()
    if ningbo is None or owner is None:
        return
    reviewer = User.objects.filter(email="ops@ningbo.demo").first() or owner
    lists_loaded = ListSnapshot.objects.filter(status=ListSnapshot.Status.ACTIVE).exists()
    with transaction.atomic(), activate(ningbo):
        for spec in (NEAR_MATCH, FALSE_POSITIVE):
            if not Party.objects.filter(name=spec["name"]).exists():
                org_services.party_create(actor=owner, **spec)
        if not lists_loaded:
            return  # nothing to screen against: `seaward load-reference` loads the lists
        for party in Party.objects.all():
            party_screen_if_needed(party=party, trigger="created")
        cleared = Alert.objects.filter(
            party__name=FALSE_POSITIVE["name"], status=Alert.Status.OPEN
        ).first()
        if cleared is not None:
            alert_decide(
                actor=reviewer,
                alert=cleared,
                decision=Alert.Status.FALSE_POSITIVE,
                reason=FALSE_POSITIVE_REASON,
            )
    for organization in Organization.objects.exclude(pk=ningbo.pk):
        with transaction.atomic(), activate(organization):
            for party in Party.objects.all():
                party_screen_if_needed(party=party, trigger="created")
