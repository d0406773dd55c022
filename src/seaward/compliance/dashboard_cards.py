"""The compliance context's dashboard card: open screening alerts."""

from __future__ import annotations

from django.http import HttpRequest

from seaward.compliance.models import Alert
from seaward.core.dashboard import Card


def alerts_card(request: HttpRequest) -> Card | None:
    organization = getattr(request, "organization", None)
    if organization is None or organization.kind != "exporter":
        return None
    alerts = Alert.objects.all()
    return Card(
        "compliance/cards/alerts.html",
        {
            "open": alerts.filter(status=Alert.Status.OPEN).count(),
            "blocked": alerts.filter(status=Alert.Status.TRUE_MATCH)
            .values("party")
            .distinct()
            .count(),
        },
        width=6,
    )
