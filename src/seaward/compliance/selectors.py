"""Reads of the screening workflow: the review queue, party status, lists and diffs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from seaward.compliance.models import Alert, ListDiff, ListEntry, ListSnapshot, PartyScreening
from seaward.compliance.models import ScreeningRecord as Record
from seaward.compliance.services import PartyStatus, party_status
from seaward.organizations.models import Party

DIFF_SAMPLE = 200


def alert_queue(*, status: str = "open", search: str = "", list_id: str = "") -> QuerySet[Alert]:
    """The review queue: open alerts first-raised first; other statuses newest first."""
    alerts = Alert.objects.select_related("party", "contact", "entry", "decided_by")
    if status in Alert.Status.values:
        alerts = alerts.filter(status=status)
    if search:
        alerts = alerts.filter(
            Q(party__name__icontains=search)
            | Q(listed_name__icontains=search)
            | Q(matched_name__icontains=search)
        )
    if list_id:
        alerts = alerts.filter(list_id=list_id)
    if status == Alert.Status.OPEN:
        return alerts.order_by("-score", "created_at", "pk")
    return alerts.order_by("-created_at", "-pk")


def alert_counts() -> dict[str, int]:
    rows = Alert.objects.values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(Alert.Status.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


@dataclass(frozen=True)
class PartyScreeningView:
    party: Party
    status: PartyStatus
    state: PartyScreening | None
    alerts: list[Alert]
    records: list[Record]


def party_screening(party: Party, *, records: int = 10) -> PartyScreeningView:
    return PartyScreeningView(
        party=party,
        status=party_status(party),
        state=PartyScreening.objects.filter(party=party).select_related("last_record").first(),
        alerts=list(
            Alert.objects.filter(party=party).select_related("contact", "decided_by", "entry")
        ),
        records=list(Record.objects.filter(party=party)[:records]),
    )


def records_of(party: Party) -> QuerySet[Record]:
    return Record.objects.filter(party=party)


def snapshot_list() -> QuerySet[ListSnapshot]:
    return ListSnapshot.objects.select_related("diff").order_by("list_id", "-loaded_at", "-pk")


def active_snapshots() -> list[ListSnapshot]:
    return list(snapshot_list().filter(status=ListSnapshot.Status.ACTIVE))


@dataclass(frozen=True)
class DiffView:
    snapshot: ListSnapshot
    diff: ListDiff | None
    added: list[ListEntry]
    changed: list[tuple[ListEntry | None, ListEntry]]
    removed: list[ListEntry]


def snapshot_diff(snapshot: ListSnapshot, *, sample: int = DIFF_SAMPLE) -> DiffView:
    """The entries a snapshot added, changed (before, after) and removed; the first ``sample``."""
    diff = ListDiff.objects.filter(snapshot=snapshot).first()
    if diff is None:
        return DiffView(snapshot, None, [], [], [])
    mine = ListEntry.objects.filter(snapshot=snapshot)
    added = list(mine.filter(entity_id__in=diff.added[:sample]))
    after = {e.entity_id: e for e in mine.filter(entity_id__in=diff.changed[:sample])}
    before: dict[str, ListEntry] = {}
    removed: list[ListEntry] = []
    if diff.previous_id:
        old = ListEntry.objects.filter(snapshot_id=diff.previous_id)
        before = {e.entity_id: e for e in old.filter(entity_id__in=diff.changed[:sample])}
        removed = list(old.filter(entity_id__in=diff.removed[:sample]))
    changed = [(before.get(k), after[k]) for k in diff.changed[:sample] if k in after]
    return DiffView(snapshot, diff, added, changed, removed)


def lists_summary() -> list[dict[str, Any]]:
    """The lists in force, for the certificate and the API."""
    return [
        {
            "snapshot": s.pk,
            "list_id": s.list_id,
            "source": s.source,
            "published": s.published,
            "entities": s.entity_count,
            "loaded_at": s.loaded_at,
            "checksum": s.checksum,
        }
        for s in active_snapshots()
    ]
