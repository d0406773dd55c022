"""The organizations context's dashboard cards."""

from __future__ import annotations

from django.http import HttpRequest

from seaward.core.dashboard import Card
from seaward.organizations.models import Party
from seaward.organizations.selectors import audit_list, members_of_active


def summary_card(request: HttpRequest) -> Card:
    parties = Party.objects.all()
    return Card(
        "organizations/cards/summary.html",
        {
            "buyers": parties.filter(is_buyer=True).count(),
            "parties": parties.count(),
            "members": members_of_active().count(),
        },
        width=12,
    )


def activity_card(request: HttpRequest) -> Card:
    return Card("organizations/cards/activity.html", {"entries": list(audit_list()[:8])})
