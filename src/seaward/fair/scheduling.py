"""The organizer's meeting scheduler: requested 1:1 meetings into slots and tables.

Pure core (no Django import). Given the requested meetings (exhibitor, buyer,
priority), the event's slots (days x slots per day), each participant's
availability and the number of tables per slot (a hybrid event's hall), choose
which meetings are held and when, maximising the meetings held weighted by
priority, so that nobody is in two meetings at once, everyone meets only when
available, and no slot holds more meetings than there are tables.

Two solvers with one output type: :func:`schedule_greedy` (the baseline: most
important and most constrained first, earliest feasible slot) and
:func:`schedule_cp_sat` (OR-Tools CP-SAT, started from the greedy plan, with a
time limit; it reports the proven upper bound beside the objective reached).
Tables are interchangeable, so table numbers are given per slot after solving.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from seaward.fair.errors import BadSchedulingInput, DuplicateId

#: Priority 1 is the most important meeting (a "must meet"), 3 the least.
PRIORITY_WEIGHTS: Mapping[int, int] = {1: 3, 2: 2, 3: 1}


@dataclass(frozen=True)
class MeetingRequest:
    id: str
    exhibitor_id: str
    buyer_id: str
    priority: int = 2


@dataclass(frozen=True)
class SchedulingProblem:
    """What the organizer asks for.

    ``availability`` maps a participant id (exhibitor or buyer) to the slot
    indexes (0 .. days * slots_per_day - 1) when they can meet; a participant
    absent from it is available in every slot. ``tables`` caps meetings per
    slot; ``None`` means unlimited (an online event).
    """

    requests: tuple[MeetingRequest, ...]
    days: int
    slots_per_day: int
    availability: Mapping[str, frozenset[int]]
    tables: int | None = None

    @property
    def slot_count(self) -> int:
        return self.days * self.slots_per_day


class SolveStatus(StrEnum):
    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    GREEDY = "greedy"


@dataclass(frozen=True)
class Assignment:
    request_id: str
    slot: int
    table: int | None

    def day_and_slot(self, slots_per_day: int) -> tuple[int, int]:
        return divmod(self.slot, slots_per_day)


@dataclass(frozen=True)
class Schedule:
    assignments: tuple[Assignment, ...]
    objective: int
    #: Proven upper bound on the objective: the solver's, or the capacity bound.
    bound: int
    status: SolveStatus
    seconds: float
    unscheduled: tuple[str, ...]


def weight(priority: int) -> int:
    return PRIORITY_WEIGHTS[priority]


def validate(problem: SchedulingProblem) -> None:
    """Raise :class:`BadSchedulingInput` for a malformed problem."""
    if problem.days < 1 or problem.slots_per_day < 1:
        raise BadSchedulingInput(params={"problem": "days and slots per day must be >= 1"})
    if problem.tables is not None and problem.tables < 0:
        raise BadSchedulingInput(params={"problem": "tables must be >= 0"})
    ids: set[str] = set()
    for r in problem.requests:
        if r.id in ids:
            raise DuplicateId(params={"id": r.id})
        ids.add(r.id)
        if r.priority not in PRIORITY_WEIGHTS:
            raise BadSchedulingInput(
                params={"problem": f"meeting {r.id}: priority {r.priority} is not 1, 2 or 3"}
            )
        if r.exhibitor_id == r.buyer_id:
            raise BadSchedulingInput(params={"problem": f"meeting {r.id}: a party meets itself"})
    for who, slots in problem.availability.items():
        bad = [s for s in slots if not 0 <= s < problem.slot_count]
        if bad:
            raise BadSchedulingInput(params={"problem": f"{who}: unknown slot {min(bad)}"})


def _common_slots(problem: SchedulingProblem, request: MeetingRequest) -> list[int]:
    everything = frozenset(range(problem.slot_count))
    a = problem.availability.get(request.exhibitor_id, everything)
    b = problem.availability.get(request.buyer_id, everything)
    return sorted(a & b)


def _with_tables(
    problem: SchedulingProblem, chosen: Mapping[str, int]
) -> tuple[tuple[Assignment, ...], tuple[str, ...]]:
    per_slot: dict[int, int] = defaultdict(int)
    assignments = []
    for r in problem.requests:
        if r.id in chosen:
            slot = chosen[r.id]
            per_slot[slot] += 1
            table = per_slot[slot] if problem.tables is not None else None
            assignments.append(Assignment(r.id, slot, table))
    unscheduled = tuple(r.id for r in problem.requests if r.id not in chosen)
    return tuple(assignments), unscheduled


def _objective(problem: SchedulingProblem, chosen: Mapping[str, int]) -> int:
    return sum(weight(r.priority) for r in problem.requests if r.id in chosen)


def capacity_bound(problem: SchedulingProblem) -> int:
    """An upper bound without solving: the heaviest meetings that the tables and slots admit.

    Each slot holds at most ``tables`` meetings, and each participant one meeting a slot, so
    at most ``slot_count * min(tables, participants // 2)`` meetings are held; the bound is
    the weight of that many heaviest requests that have a common slot at all.
    """
    feasible = sorted(
        (weight(r.priority) for r in problem.requests if _common_slots(problem, r)), reverse=True
    )
    participants = {p for r in problem.requests for p in (r.exhibitor_id, r.buyer_id)}
    per_slot = len(participants) // 2
    if problem.tables is not None:
        per_slot = min(per_slot, problem.tables)
    return sum(feasible[: per_slot * problem.slot_count])


def _greedy_choice(problem: SchedulingProblem) -> dict[str, int]:
    common = {r.id: _common_slots(problem, r) for r in problem.requests}
    # Most important first; among equals, the one with the fewest possible slots.
    order = sorted(problem.requests, key=lambda r: (-weight(r.priority), len(common[r.id]), r.id))
    busy: set[tuple[str, int]] = set()
    load: dict[int, int] = defaultdict(int)
    cap = problem.tables
    chosen: dict[str, int] = {}
    for r in order:
        for slot in common[r.id]:
            if cap is not None and load[slot] >= cap:
                continue
            if (r.exhibitor_id, slot) in busy or (r.buyer_id, slot) in busy:
                continue
            chosen[r.id] = slot
            busy.add((r.exhibitor_id, slot))
            busy.add((r.buyer_id, slot))
            load[slot] += 1
            break
    return chosen


def schedule_greedy(problem: SchedulingProblem) -> Schedule:
    """The baseline: most important and most constrained first, earliest feasible slot."""
    validate(problem)
    started = time.perf_counter()
    chosen = _greedy_choice(problem)
    assignments, unscheduled = _with_tables(problem, chosen)
    return Schedule(
        assignments=assignments,
        objective=_objective(problem, chosen),
        bound=capacity_bound(problem),
        status=SolveStatus.GREEDY,
        seconds=time.perf_counter() - started,
        unscheduled=unscheduled,
    )


def schedule_cp_sat(
    problem: SchedulingProblem,
    time_limit_s: float = 60.0,
    workers: int = 2,
    seed: int = 0,
) -> Schedule:
    """CP-SAT: one Boolean per (meeting, common slot); started from the greedy plan."""
    from ortools.sat.python import cp_model

    validate(problem)
    started = time.perf_counter()
    model = cp_model.CpModel()
    x: dict[tuple[str, int], cp_model.IntVar] = {}
    by_participant_slot: dict[tuple[str, int], list[cp_model.IntVar]] = defaultdict(list)
    by_slot: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    objective_terms = []
    for r in problem.requests:
        slots = _common_slots(problem, r)
        if not slots:
            continue
        row = []
        for slot in slots:
            var = model.new_bool_var(f"m{r.id}_s{slot}")
            x[(r.id, slot)] = var
            row.append(var)
            by_participant_slot[(r.exhibitor_id, slot)].append(var)
            by_participant_slot[(r.buyer_id, slot)].append(var)
            by_slot[slot].append(var)
            objective_terms.append(weight(r.priority) * var)
        model.add_at_most_one(row)
    for group in by_participant_slot.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    if problem.tables is not None:
        for slot_vars in by_slot.values():
            if len(slot_vars) > problem.tables:
                model.add(sum(slot_vars) <= problem.tables)
    model.maximize(sum(objective_terms))

    greedy = _greedy_choice(problem)
    for (rid, slot), var in x.items():
        model.add_hint(var, greedy.get(rid) == slot)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit_s)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        chosen = {rid: slot for (rid, slot), var in x.items() if solver.boolean_value(var)}
        bound = min(int(solver.best_objective_bound + 1e-6), capacity_bound(problem))
        solve_status = SolveStatus.OPTIMAL if status == cp_model.OPTIMAL else SolveStatus.FEASIBLE
    else:
        # No solution found in time (or an empty model): keep the greedy plan.
        chosen = greedy
        bound = capacity_bound(problem)
        solve_status = SolveStatus.GREEDY
    if _objective(problem, chosen) < _objective(problem, greedy):
        chosen = greedy
    if _objective(problem, chosen) >= bound:
        solve_status = SolveStatus.OPTIMAL
    assignments, unscheduled = _with_tables(problem, chosen)
    return Schedule(
        assignments=assignments,
        objective=_objective(problem, chosen),
        bound=bound,
        status=solve_status,
        seconds=time.perf_counter() - started,
        unscheduled=unscheduled,
    )


def violations(problem: SchedulingProblem, schedule: Schedule) -> list[str]:
    """Every rule a schedule breaks (empty when it is valid); used by tests and callers."""
    problems: list[str] = []
    by_id = {r.id: r for r in problem.requests}
    everything = frozenset(range(problem.slot_count))
    seen_requests: set[str] = set()
    busy: set[tuple[str, int]] = set()
    tables_used: dict[int, set[int | None]] = defaultdict(set)
    load: dict[int, int] = defaultdict(int)
    for a in schedule.assignments:
        r = by_id.get(a.request_id)
        if r is None:
            problems.append(f"unknown meeting {a.request_id}")
            continue
        if a.request_id in seen_requests:
            problems.append(f"meeting {a.request_id} held twice")
        seen_requests.add(a.request_id)
        if not 0 <= a.slot < problem.slot_count:
            problems.append(f"meeting {a.request_id} in unknown slot {a.slot}")
        for who in (r.exhibitor_id, r.buyer_id):
            if a.slot not in problem.availability.get(who, everything):
                problems.append(f"{who} unavailable in slot {a.slot}")
            if (who, a.slot) in busy:
                problems.append(f"{who} double-booked in slot {a.slot}")
            busy.add((who, a.slot))
        load[a.slot] += 1
        if problem.tables is not None:
            if a.table is None or not 1 <= a.table <= problem.tables:
                problems.append(f"meeting {a.request_id} at table {a.table}")
            elif a.table in tables_used[a.slot]:
                problems.append(f"table {a.table} used twice in slot {a.slot}")
            tables_used[a.slot].add(a.table)
    if problem.tables is not None:
        problems += [f"slot {s} over capacity" for s, n in load.items() if n > problem.tables]
    return problems


def problem_from(
    requests: Sequence[MeetingRequest],
    days: int,
    slots_per_day: int,
    availability: Mapping[str, frozenset[int]] | None = None,
    tables: int | None = None,
) -> SchedulingProblem:
    """Convenience constructor with tuple-ised requests."""
    return SchedulingProblem(tuple(requests), days, slots_per_day, dict(availability or {}), tables)
