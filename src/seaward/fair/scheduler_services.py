"""Writes of the organizer's scheduler: run the CP-SAT optimizer beside the greedy baseline
on an event's requested meetings, then book the chosen slots and tables."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from seaward.core.errors import NotFound
from seaward.fair import scheduling, selectors
from seaward.fair.models import BOOKED, Event, Meeting, MeetingStatus, Participant, ScheduleRun
from seaward.fair.services import _book
from seaward.fair.web_errors import MeetingMove, SlotUnavailable
from seaward.organizations.audit import audit_record
from seaward.organizations.models import User


def _scheduling_problem(event: Event) -> tuple[scheduling.SchedulingProblem, dict[str, Meeting]]:
    pending = list(
        Meeting.all_objects.filter(event=event, status=MeetingStatus.REQUESTED).select_related(
            "exhibitor"
        )
    )
    count = selectors.slot_count(event)
    everything = frozenset(range(count))
    availability: dict[str, frozenset[int]] = {}
    booked = Meeting.all_objects.filter(event=event, status__in=BOOKED, slot__isnull=False)
    busy: dict[str, set[int]] = {}
    for m in booked:
        for key in _parties(m):
            busy.setdefault(key, set()).add(int(m.slot))  # type: ignore[arg-type]
    tables_busy: dict[int, int] = {}
    for m in booked:
        tables_busy[int(m.slot)] = tables_busy.get(int(m.slot), 0) + 1  # type: ignore[arg-type]
    requests = []
    for m in pending:
        exhibitor_key, buyer_key = _parties(m)
        slots = set(m.exhibitor.available_slots or []) or set(everything)
        availability[exhibitor_key] = frozenset(slots - busy.get(exhibitor_key, set()))
        buyer_slots: set[int] = set(everything)
        if m.buyer_organization_id:
            p = Participant.all_objects.filter(
                event=event, organization_id=m.buyer_organization_id
            ).first()
            if p is not None and p.available_slots:
                buyer_slots = set(p.available_slots)
        availability[buyer_key] = frozenset(buyer_slots - busy.get(buyer_key, set()))
        requests.append(
            scheduling.MeetingRequest(str(m.pk), exhibitor_key, buyer_key, int(m.priority))
        )
    if event.tables is not None:
        # Slots already holding booked meetings have fewer tables left: keep them out if full.
        tables = event.tables
        for key, free in list(availability.items()):
            availability[key] = frozenset(s for s in free if tables_busy.get(s, 0) < tables)
    problem = scheduling.problem_from(
        requests, event.days, event.slots_per_day, availability, event.tables
    )
    return problem, {str(m.pk): m for m in pending}


def _parties(meeting: Meeting) -> tuple[str, str]:
    buyer = (
        f"b{meeting.buyer_organization_id}"
        if meeting.buyer_organization_id
        else f"l{meeting.lead_id}"
    )
    return f"e{meeting.exhibitor_id}", buyer


@transaction.atomic
def schedule_run(*, actor: User | None, event: Event, time_limit_s: float = 10.0) -> ScheduleRun:
    """Run the CP-SAT scheduler and the greedy baseline on the event's requested meetings."""
    if not event.is_owned_by_active():
        raise NotFound()
    problem, _meetings = _scheduling_problem(event)
    greedy = scheduling.schedule_greedy(problem)
    optimized = scheduling.schedule_cp_sat(problem, time_limit_s=min(time_limit_s, 60.0), workers=1)
    run = ScheduleRun.objects.create(
        event=event,
        requests=len(problem.requests),
        objective=optimized.objective,
        bound=optimized.bound,
        status=str(optimized.status),
        seconds=round(optimized.seconds, 3),
        greedy_objective=greedy.objective,
        greedy_seconds=round(greedy.seconds, 3),
        assignments=[
            {"meeting": a.request_id, "slot": a.slot, "table": a.table}
            for a in optimized.assignments
        ],
    )
    audit_record(actor=actor, action="fair.schedule.run", obj=run, object_repr=str(event))
    return run


@transaction.atomic
def schedule_apply(*, actor: User | None, run: ScheduleRun) -> int:
    """Book the run's assignments; meetings that changed since the run are skipped."""
    if not run.is_owned_by_active():
        raise NotFound()
    if run.applied_at is not None:
        raise MeetingMove(params={"current": "applied", "target": "applied"})
    booked = 0
    for item in run.assignments:
        meeting = Meeting.all_objects.filter(
            pk=int(item["meeting"]), event=run.event, status=MeetingStatus.REQUESTED
        ).first()
        if meeting is None:
            continue
        try:
            with transaction.atomic():
                _book(actor=actor, meeting=meeting, slot=int(item["slot"]), table=item["table"])
                booked += 1
        except SlotUnavailable:
            continue
    run.applied_at = timezone.now()
    run.save(update_fields=["applied_at"])
    return booked
