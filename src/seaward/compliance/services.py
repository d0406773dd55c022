"""Writes of the screening workflow: screening counterparties, alerts, decisions, the gate.

Other contexts call three functions here:

* ``party_screen_enqueue(party, trigger=…)`` after a counterparty (or one of its
  contacts) is created or changed: screens it in the background;
* ``screening_gate(parties=…)`` before a quotation, an order confirmation or a shipment
  release: raises ``ScreeningBlocked`` (409) naming a blocked or unreviewed party;
* ``screen_party(party=…)`` to screen now (the gate does it for a party not yet screened).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from seaward.compliance.entities import Identifier
from seaward.compliance.errors import ScreeningInputInvalid
from seaward.compliance.matching import Query
from seaward.compliance.models import Alert, ListEntry, ListSnapshot, PartyScreening
from seaward.compliance.models import ScreeningRecord as Record
from seaward.compliance.names import normalize
from seaward.compliance.queries import clean_name, make_query
from seaward.compliance.snapshots import LoadedIndex, active_index, delta_index
from seaward.compliance.workflow_errors import (
    UNREVIEWED_MESSAGE,
    AlertAlreadyDecided,
    DecisionInvalid,
    ScreeningBlocked,
)
from seaward.core.errors import NotFound
from seaward.core.tenancy import require_organization
from seaward.organizations.audit import audit_record
from seaward.organizations.models import Party, User

MAX_REASON = 2000
ALERT_FIELDS = ["status", "reason"]


# --- subjects: who is screened ------------------------------------------------------------
@dataclass(frozen=True)
class Subject:
    """One name screened: a party's name or legal name, a contact, or an ad-hoc name."""

    key: str  # "party:12", "contact:7", "adhoc"
    role: str  # name | legal_name | contact | adhoc
    name: str
    query: Query
    party_id: int | None = None
    contact_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "role": self.role,
            "name": self.name,
            "country": self.query.country or None,
            "type": self.query.entity_type,
            "birth_date": self.query.birth_date or None,
            "party_id": self.party_id,
            "contact_id": self.contact_id,
        }


def _identifiers(party: Party) -> tuple[Identifier, ...]:
    found = []
    if party.swift_bic.strip():
        found.append(Identifier("swift", party.swift_bic.strip().upper()))
    tax = "".join(ch for ch in party.tax_id if ch.isalnum()).upper()
    if tax:
        found.append(Identifier("tax", tax))
    return tuple(found)


def _subject(key: str, role: str, raw: str, **facts: Any) -> Subject | None:
    try:
        name = clean_name(raw)
    except ScreeningInputInvalid:
        return None  # nothing a list could match (punctuation only, control characters)
    party_id = facts.pop("party_id", None)
    contact_id = facts.pop("contact_id", None)
    return Subject(key, role, name, Query(name=name, **facts), party_id, contact_id)


def party_subjects(party: Party) -> list[Subject]:
    """Everything about a party that is screened: its names and its contacts' names."""
    country = party.country.upper()
    ids = _identifiers(party)
    entity_type = "organization" if party.is_bank else None
    subjects = [
        _subject(
            f"party:{party.pk}",
            "name",
            party.name,
            entity_type=entity_type,
            country=country,
            identifiers=ids,
            party_id=party.pk,
        )
    ]
    if party.legal_name.strip() and normalize(party.legal_name) != normalize(party.name):
        subjects.append(
            _subject(
                f"party:{party.pk}",
                "legal_name",
                party.legal_name,
                entity_type=entity_type,
                country=country,
                identifiers=ids,
                party_id=party.pk,
            )
        )
    for contact in party.contacts.all().order_by("pk"):
        subjects.append(
            _subject(
                f"contact:{contact.pk}",
                "contact",
                contact.name,
                # A contact's nationality is unknown: the party's country is no evidence.
                entity_type="person",
                party_id=party.pk,
                contact_id=contact.pk,
            )
        )
    return [s for s in subjects if s is not None]


def party_fingerprint(party: Party) -> str:
    """A hash of what screening reads from a party: a change of it needs a new screening."""
    parts = [party.name, party.legal_name, party.country, party.swift_bic, party.tax_id]
    parts += [f"{c.pk}:{c.name}" for c in party.contacts.all().order_by("pk")]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


# --- screening ------------------------------------------------------------------------------
def _threshold() -> int:
    return int(require_organization().screening_threshold)


def _hits(subjects: Sequence[Subject], loaded: LoadedIndex, threshold: int) -> list[dict[str, Any]]:
    hits = []
    for position, subject in enumerate(subjects):
        for hit in loaded.index.screen(subject.query, threshold=threshold):
            hits.append({"subject": position, **hit.as_dict()})
    return hits


def _hit_key(subject: Subject, list_id: str, entity_id: str, entry_hash: str) -> str:
    raw = "|".join((subject.key, normalize(subject.name), list_id, entity_id, entry_hash))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _open_alert(
    party: Party, subject: Subject, hit: dict[str, Any], entry: ListEntry, record: Record
) -> tuple[Alert | None, str]:
    """Raise (or re-open) the alert of one hit; None when a decision already covers it."""
    key = _hit_key(subject, hit["list"], hit["entity_id"], entry.entry_hash)
    existing = Alert.objects.filter(hit_key=key).first()
    if existing is not None:
        if existing.status != Alert.Status.WITHDRAWN:
            return None, key  # decided (or open) on this very entry version: no new alert
        existing.status = Alert.Status.OPEN
        existing.record = record
        existing.score = Decimal(str(hit["score"]))
        existing.save(update_fields=["status", "record", "score"])
        audit_record(actor=None, action="screening.alert_reopen", obj=existing)
        return existing, key
    same_entity = Alert.objects.filter(
        party=party,
        contact_id=subject.contact_id,
        list_id=hit["list"],
        entity_id=hit["entity_id"],
    )
    if same_entity.filter(status=Alert.Status.TRUE_MATCH).exists():
        return None, key  # already blocked on this entity: a new version changes nothing
    alert = Alert(
        party=party,
        contact_id=subject.contact_id,
        subject=subject.as_dict(),
        entry=entry,
        list_id=hit["list"],
        entity_id=hit["entity_id"],
        entry_hash=entry.entry_hash,
        hit_key=key,
        listed_name=str(hit["name"])[:1000],
        matched_name=str(hit["matched_name"])[:1000],
        score=Decimal(str(hit["score"])),
        explanation=hit["explanation"],
        record=record,
    )
    try:
        with transaction.atomic():
            alert.save()
    except IntegrityError:
        return None, key  # raised by a concurrent screening of the same party
    for older in same_entity.filter(status=Alert.Status.OPEN).exclude(pk=alert.pk):
        _withdraw(older, note="superseded by an alert on the changed list entry")
    audit_record(
        actor=None,
        action="screening.alert_raise",
        obj=alert,
        after={"score": str(alert.score), "list": alert.list_id, "entity_id": alert.entity_id},
    )
    return alert, key


def _withdraw(alert: Alert, *, note: str) -> None:
    alert.status = Alert.Status.WITHDRAWN
    alert.reason = note
    alert.save(update_fields=["status", "reason"])
    audit_record(
        actor=None,
        action="screening.alert_withdraw",
        obj=alert,
        before={"status": Alert.Status.OPEN},
        after={"status": Alert.Status.WITHDRAWN, "reason": note},
    )


def _raise_alerts(
    party: Party, subjects: Sequence[Subject], loaded: LoadedIndex, record: Record
) -> set[str]:
    keys: set[str] = set()
    raised = 0
    for hit in record.hits:
        if not hit["alert"]:
            continue
        snapshot_id = loaded.snapshot_of(hit["list"])
        entry = ListEntry.objects.filter(
            snapshot_id=snapshot_id, entity_id=hit["entity_id"]
        ).first()
        if entry is None:
            continue
        alert, key = _open_alert(party, subjects[hit["subject"]], hit, entry, record)
        keys.add(key)
        raised += alert is not None
    if raised:
        Record.objects.filter(pk=record.pk).update(alert_count=raised)
        record.alert_count = raised
    return keys


@transaction.atomic
def screen_party(
    *, party: Party, trigger: str = Record.Trigger.CHANGED, actor: User | None = None
) -> Record:
    """Screen a party and its contacts against every list in force; raise its alerts."""
    party = Party.objects.select_for_update().get(pk=party.pk)
    subjects = party_subjects(party)
    loaded = active_index()
    threshold = _threshold()
    record = Record.objects.create(
        kind=Record.Kind.PARTY,
        trigger=trigger,
        party=party,
        subjects=[s.as_dict() for s in subjects],
        hits=_hits(subjects, loaded, threshold),
        lists=[r.as_dict() for r in loaded.refs],
        threshold=threshold,
        actor=actor if actor is not None and actor.is_authenticated else None,
    )
    keys = _raise_alerts(party, subjects, loaded, record)
    # A full screening is the truth about the party now: an open alert it no longer
    # produces (the name was corrected, a contact removed) is withdrawn.
    stale = Alert.objects.filter(party=party, status=Alert.Status.OPEN).exclude(hit_key__in=keys)
    for alert in stale:
        _withdraw(alert, note="no longer found when the counterparty was screened again")
    PartyScreening.objects.update_or_create(
        party=party,
        defaults={
            "fingerprint": party_fingerprint(party),
            "snapshots": {r.list_id: r.snapshot for r in loaded.refs},
            "screened_at": record.created_at,
            "last_record": record,
        },
    )
    return record


def party_screening_is_current(party: Party) -> bool:
    """True when the party was screened as it is now, against every list in force."""
    state = PartyScreening.objects.filter(party=party).first()
    if state is None or state.fingerprint != party_fingerprint(party):
        return False
    in_force = dict(
        ListSnapshot.objects.filter(status=ListSnapshot.Status.ACTIVE).values_list("list_id", "pk")
    )
    return {k: int(v) for k, v in state.snapshots.items()} == in_force


def party_screen_if_needed(*, party: Party, trigger: str) -> Record | None:
    """Screen a party unless its screening is current (a save that changed nothing screened)."""
    if party_screening_is_current(party):
        return None
    return screen_party(party=party, trigger=trigger)


def party_screen_enqueue(party: Party, *, trigger: str = Record.Trigger.CHANGED) -> None:
    """Screen ``party`` (and its contacts) in the background; call after a create or change.

    Call it inside the service's transaction: the database task backend stores the task
    with the change (both or neither); the immediate backend (tests) screens at once.
    """
    from seaward.compliance.tasks import screen_party_task

    screen_party_task.enqueue(party.organization_id, party.pk, str(trigger))


@transaction.atomic
def rescreen_delta(*, snapshot: ListSnapshot) -> int:
    """Screen the active organization's parties against what ``snapshot`` added or changed.

    Open alerts on entries the snapshot removed are withdrawn. Returns the alerts raised.
    """
    organization = require_organization()
    loaded, size = delta_index(snapshot)
    threshold = int(organization.screening_threshold)
    raised = 0
    diff = getattr(snapshot, "diff", None)
    if diff is not None and diff.removed:
        removed = Alert.objects.filter(
            list_id=snapshot.list_id, entity_id__in=diff.removed, status=Alert.Status.OPEN
        )
        for alert in removed:
            _withdraw(alert, note="the list entry was removed from the list")
    for party in Party.objects.all().prefetch_related("contacts"):
        subjects = party_subjects(party)
        hits = _hits(subjects, loaded, threshold) if size else []
        record = Record.objects.create(
            kind=Record.Kind.PARTY,
            trigger=Record.Trigger.LIST_UPDATE,
            party=party,
            subjects=[s.as_dict() for s in subjects],
            hits=hits,
            lists=[{**r.as_dict(), "delta_entries": size} for r in loaded.refs],
            threshold=threshold,
            delta_of=snapshot,
        )
        if hits:
            before = Alert.objects.filter(party=party).count()
            _raise_alerts(party, subjects, loaded, record)
            raised += Alert.objects.filter(party=party).count() - before
        state = PartyScreening.objects.filter(party=party).first()
        if state is not None:
            state.snapshots = {**state.snapshots, snapshot.list_id: snapshot.pk}
            state.screened_at = timezone.now()
            state.last_record = record
            state.save(update_fields=["snapshots", "screened_at", "last_record"])
    return raised


# --- ad-hoc screening ---------------------------------------------------------------------------
@transaction.atomic
def adhoc_screen(
    *,
    actor: User | None,
    name: str,
    country: str = "",
    entity_type: str = "",
    birth_date: str = "",
) -> Record:
    """Screen any name (no alert is raised); the record is the certificate's content."""
    query = make_query(name, country=country, entity_type=entity_type, birth_date=birth_date)
    subject = Subject("adhoc", "adhoc", query.name, query)
    loaded = active_index()
    threshold = _threshold()
    hits = _hits([subject], loaded, threshold)
    return Record.objects.create(
        kind=Record.Kind.ADHOC,
        trigger=Record.Trigger.ADHOC,
        subjects=[subject.as_dict()],
        hits=hits,
        lists=[r.as_dict() for r in loaded.refs],
        threshold=threshold,
        alert_count=sum(1 for h in hits if h["alert"]),
        actor=actor if actor is not None and actor.is_authenticated else None,
    )


# --- decisions ------------------------------------------------------------------------------------
@transaction.atomic
def alert_decide(*, actor: User, alert: Alert, decision: str, reason: str = "") -> Alert:
    """Record a reviewer's decision: true match (the party is blocked) or false positive."""
    if decision not in Alert.DECISIONS:
        raise DecisionInvalid(
            field="decision",
            params={"reason": "choose true_match or false_positive"},
        )
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise DecisionInvalid(
            field="reason", params={"reason": f"the reason is longer than {MAX_REASON} characters"}
        )
    if decision == Alert.Status.FALSE_POSITIVE and not reason:
        raise DecisionInvalid(field="reason", params={"reason": "say why this is a false positive"})
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != Alert.Status.OPEN:
        raise AlertAlreadyDecided(params={"status": alert.status})
    before = {"status": alert.status, "reason": alert.reason}
    alert.status = decision
    alert.reason = reason
    alert.decided_by = actor
    alert.decided_at = timezone.now()
    alert.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action="screening.alert_decide",
        obj=alert,
        before=before,
        after={
            "status": alert.status,
            "reason": reason,
            "party": alert.party_id,
            "list": alert.list_id,
            "entity_id": alert.entity_id,
            "entry_hash": alert.entry_hash,
        },
    )
    return alert


# --- the gate ------------------------------------------------------------------------------
@dataclass(frozen=True)
class PartyStatus:
    status: str  # clear | pending | blocked | unscreened
    open_alerts: int
    true_matches: int

    @property
    def badge(self) -> str:
        return {"blocked": "danger", "pending": "warning", "clear": "success"}.get(
            self.status, "secondary"
        )

    @property
    def label(self) -> Any:
        from django.utils.translation import gettext_lazy

        return {
            "blocked": gettext_lazy("Blocked"),
            "pending": gettext_lazy("Waiting for review"),
            "clear": gettext_lazy("Clear"),
            "unscreened": gettext_lazy("Not screened yet"),
        }[self.status]


def party_status(party: Party) -> PartyStatus:
    """Where a party stands: blocked (a true match), pending (open alerts), clear, unscreened."""
    alerts = Alert.objects.filter(party=party)
    matches = alerts.filter(status=Alert.Status.TRUE_MATCH).count()
    pending = alerts.filter(status=Alert.Status.OPEN).count()
    if matches:
        status = "blocked"
    elif pending:
        status = "pending"
    elif not PartyScreening.objects.filter(party=party).exists():
        status = "unscreened"
    else:
        status = "clear"
    return PartyStatus(status, pending, matches)


def _parties(parties: Iterable[Party | int | None]) -> list[Party]:
    found: list[Party] = []
    for item in parties:
        if item is None:
            continue
        pk = item if isinstance(item, int) else item.pk
        if pk is None or any(p.pk == pk for p in found):
            continue
        party = Party.objects.filter(pk=pk).first()
        if party is None:
            raise NotFound(field="parties", details={"party_id": pk})
        found.append(party)
    return found


def screening_gate(*, parties: Iterable[Party | int | None]) -> None:
    """Raise ``ScreeningBlocked`` for the first blocked or unreviewed party of ``parties``.

    A party whose screening is not current (never screened, changed since, or a list
    changed and its delta run has not happened yet) is screened now, so the gate never
    lets an unscreened party through and never waits for the task worker.
    """
    for party in _parties(parties):
        if not party_screening_is_current(party):
            screen_party(party=party, trigger=Record.Trigger.GATE)
        status = party_status(party)
        if status.status not in ("blocked", "pending"):
            continue
        alert_ids = list(
            Alert.objects.filter(
                party=party, status__in=[Alert.Status.TRUE_MATCH, Alert.Status.OPEN]
            ).values_list("pk", flat=True)
        )
        details = {
            "party_id": party.pk,
            "party": party.name,
            "status": status.status,
            "alerts": alert_ids,
        }
        if status.status == "blocked":
            raise ScreeningBlocked(params={"party": party.name}, details=details)
        raise ScreeningBlocked(UNREVIEWED_MESSAGE, params={"party": party.name}, details=details)
