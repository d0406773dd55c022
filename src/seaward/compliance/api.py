"""API of the compliance context: review queue, decisions, party status, ad-hoc screening."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from seaward.compliance import selectors, services
from seaward.compliance.models import Alert, ListSnapshot, ScreeningRecord
from seaward.compliance.names import MAX_NAME_CHARS
from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.apitypes import Pages
from seaward.core.errors import Forbidden
from seaward.organizations.models import Party
from seaward.organizations.roles import Capability, role_allows

router = Router(tags=["compliance"])


class HitOut(Schema):
    subject: int = 0
    list: str
    entity_id: str
    name: str
    matched_name: str
    score: float
    alert: bool
    explanation: dict[str, Any]


class ListVersionOut(Schema):
    snapshot: int
    list_id: str
    source: str
    published: str | None
    checksum: str
    entities: int
    delta_entries: int | None = None


class RecordOut(Schema):
    id: int
    kind: str
    trigger: str
    party_id: int | None
    created_at: datetime
    threshold: int
    subjects: list[dict[str, Any]]
    lists: list[ListVersionOut]
    hits: list[HitOut]
    alert_count: int
    delta_of_id: int | None


class EntryOut(Schema):
    list_id: str = Field(..., alias="snapshot.list_id")
    snapshot_id: int
    entity_id: str
    entity_type: str
    primary_name: str
    names: list[list[Any]]
    countries: list[str]
    birth_dates: list[str]
    identifiers: list[list[str]]
    programs: list[str]
    remarks: str
    entry_hash: str


class AlertOut(Schema):
    id: int
    status: str
    party_id: int
    contact_id: int | None
    subject: dict[str, Any]
    list_id: str
    entity_id: str
    listed_name: str
    matched_name: str
    score: float
    explanation: dict[str, Any]
    entry_hash: str
    reason: str
    decided_by_id: int | None
    decided_at: datetime | None
    created_at: datetime


class AlertDetailOut(AlertOut):
    entry: EntryOut


class DecisionIn(Schema):
    decision: Literal["true_match", "false_positive"]
    reason: str = Field("", max_length=services.MAX_REASON)


class CheckIn(Schema):
    name: str = Field(..., max_length=MAX_NAME_CHARS, description="Any name to screen")
    country: str = Field("", max_length=100, description="ISO 3166 alpha-2 or English name")
    type: str = Field("", max_length=20, description="person, organization, vessel or aircraft")
    birth_date: str = Field("", max_length=10, description="YYYY or YYYY-MM-DD")


class PartyStatusOut(Schema):
    party_id: int
    party: str
    status: str
    open_alerts: int
    true_matches: int
    screened_at: datetime | None
    lists: dict[str, int]
    last_record_id: int | None
    alerts: list[AlertOut]


class GateIn(Schema):
    party_ids: list[int] = Field(..., max_length=100)


class GateOut(Schema):
    passed: bool
    parties: list[int]


class SnapshotOut(Schema):
    id: int
    list_id: str
    source: str
    published: date | None
    status: str
    entity_count: int
    name_count: int
    counts: dict[str, int]
    checksum: str
    loaded_at: datetime
    previous_id: int | None
    added: int
    changed: int
    removed: int


class DiffOut(Schema):
    snapshot: int
    previous: int | None
    added: list[str]
    changed: list[str]
    removed: list[str]


def _snapshot_out(snapshot: ListSnapshot) -> dict[str, Any]:
    diff = getattr(snapshot, "diff", None)
    return {
        **{f: getattr(snapshot, f) for f in SnapshotOut.model_fields if hasattr(snapshot, f)},
        "added": len(diff.added) if diff else 0,
        "changed": len(diff.changed) if diff else 0,
        "removed": len(diff.removed) if diff else 0,
    }


@router.get(
    "/screening/alerts",
    response=list[AlertOut],
    summary="The review queue: screening alerts (open by default)",
)
@paginate(Pages)
def alert_list(request: MemberRequest, status: str = "open", q: str = "", list_id: str = "") -> Any:
    return selectors.alert_queue(status=status, search=q[:200], list_id=list_id[:40])


@router.get(
    "/screening/alerts/{alert_id}",
    response=AlertDetailOut,
    summary="One alert: the counterparty as screened, the list entry, the explanation",
)
def alert_get(request: MemberRequest, alert_id: int) -> Any:
    return get_object_or_404(Alert.objects.select_related("entry__snapshot"), pk=alert_id)


@router.post(
    "/screening/alerts/{alert_id}/decision",
    response=AlertOut,
    summary="Decide an alert: true match (blocks the party) or false positive (with a reason)",
)
def alert_decide(request: MemberRequest, alert_id: int, payload: DecisionIn) -> Any:
    alert = get_object_or_404(Alert.objects.all(), pk=alert_id)
    ensure_capability(request, Capability.REVIEW_SCREENING)
    return services.alert_decide(
        actor=request.user, alert=alert, decision=payload.decision, reason=payload.reason
    )


@router.post(
    "/screening/check",
    response=RecordOut,
    summary="Screen any name (ad-hoc); the record id opens its certificate",
)
def check(request: MemberRequest, payload: CheckIn) -> Any:
    return services.adhoc_screen(
        actor=request.user,
        name=payload.name,
        country=payload.country,
        entity_type=payload.type,
        birth_date=payload.birth_date,
    )


@router.get(
    "/screening/records/{record_id}",
    response=RecordOut,
    summary="A screening record: what was checked, when, against which list versions",
)
def record_get(request: MemberRequest, record_id: int) -> Any:
    return get_object_or_404(ScreeningRecord.objects.all(), pk=record_id)


@router.get(
    "/screening/parties/{party_id}",
    response=PartyStatusOut,
    summary="A counterparty's screening status: clear, pending, blocked or unscreened",
)
def party_get(request: MemberRequest, party_id: int) -> Any:
    party = get_object_or_404(Party.objects.all(), pk=party_id)
    view = selectors.party_screening(party)
    return {
        "party_id": party.pk,
        "party": party.name,
        "status": view.status.status,
        "open_alerts": view.status.open_alerts,
        "true_matches": view.status.true_matches,
        "screened_at": view.state.screened_at if view.state else None,
        "lists": view.state.snapshots if view.state else {},
        "last_record_id": view.state.last_record_id if view.state else None,
        "alerts": view.alerts,
    }


def _may_rescreen(request: MemberRequest) -> None:
    role = request.membership.role
    if not (
        role_allows(role, Capability.MANAGE_PARTIES)
        or role_allows(role, Capability.REVIEW_SCREENING)
    ):
        raise Forbidden()


@router.post(
    "/screening/parties/{party_id}/rescreen",
    response=RecordOut,
    summary="Screen a counterparty again now, against every list in force",
)
def party_rescreen(request: MemberRequest, party_id: int) -> Any:
    party = get_object_or_404(Party.objects.all(), pk=party_id)
    _may_rescreen(request)
    return services.screen_party(party=party, trigger="manual", actor=request.user)


@router.post(
    "/screening/gate",
    response=GateOut,
    summary="Check counterparties before a transaction: 409 screening_blocked names the party",
)
def gate(request: MemberRequest, payload: GateIn) -> Any:
    services.screening_gate(parties=payload.party_ids)
    return {"passed": True, "parties": payload.party_ids}


@router.get(
    "/screening/lists",
    response=list[SnapshotOut],
    summary="List snapshots (shared): versions in force and superseded, with diff counts",
)
@paginate(Pages)
def list_snapshots(request: MemberRequest, list_id: str = "", status: str = "") -> Any:
    snapshots = selectors.snapshot_list()
    if list_id:
        snapshots = snapshots.filter(list_id=list_id[:40])
    if status:
        snapshots = snapshots.filter(status=status[:12])
    return [_snapshot_out(s) for s in snapshots]


@router.get(
    "/screening/lists/diff",
    response=DiffOut,
    summary="The entity ids a snapshot added, changed and removed",
)
def list_diff(request: MemberRequest, snapshot: int) -> Any:
    found = get_object_or_404(selectors.snapshot_list(), pk=snapshot)
    diff = getattr(found, "diff", None)
    return {
        "snapshot": found.pk,
        "previous": found.previous_id,
        "added": diff.added if diff else [],
        "changed": diff.changed if diff else [],
        "removed": diff.removed if diff else [],
    }
