import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seaward.fair.errors import BadSchedulingInput, DuplicateId
from seaward.fair.scheduling import (
    Assignment,
    MeetingRequest,
    Schedule,
    SolveStatus,
    capacity_bound,
    problem_from,
    schedule_cp_sat,
    schedule_greedy,
    violations,
)


@st.composite
def problems(draw):
    days = draw(st.integers(1, 2))
    per_day = draw(st.integers(1, 4))
    slots = days * per_day
    exhibitors = [f"E{i}" for i in range(draw(st.integers(1, 4)))]
    buyers = [f"B{i}" for i in range(draw(st.integers(1, 4)))]
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(exhibitors), st.sampled_from(buyers), st.integers(1, 3)),
            max_size=14,
        )
    )
    requests = [MeetingRequest(f"M{i}", e, b, p) for i, (e, b, p) in enumerate(pairs)]
    availability = {
        who: frozenset(draw(st.lists(st.integers(0, slots - 1), unique=True)))
        for who in exhibitors + buyers
        if draw(st.booleans())
    }
    tables = draw(st.one_of(st.none(), st.integers(0, 3)))
    return problem_from(requests, days, per_day, availability, tables)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_greedy_never_double_books_and_respects_availability_and_tables(problem):
    schedule = schedule_greedy(problem)
    assert violations(problem, schedule) == []
    assert schedule.objective <= schedule.bound


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_cp_sat_is_valid_at_least_as_good_as_greedy_and_within_its_bound(problem):
    greedy = schedule_greedy(problem)
    optimised = schedule_cp_sat(problem, time_limit_s=5, workers=1)
    assert violations(problem, optimised) == []
    assert optimised.objective >= greedy.objective
    assert optimised.objective <= optimised.bound


def test_cp_sat_beats_greedy_where_the_earliest_slot_is_the_wrong_choice():
    # given: three slots, two tables; greedy seats the priority-1 meetings in their
    # earliest common slots and leaves no room for M2 (a case found by random search).
    requests = [
        MeetingRequest("M0", "E0", "B1", 1),
        MeetingRequest("M1", "E1", "B0", 3),
        MeetingRequest("M2", "E0", "B1", 2),
        MeetingRequest("M3", "E0", "B0", 1),
        MeetingRequest("M4", "E1", "B2", 1),
    ]
    availability = {
        "E0": frozenset({0, 1, 2}),
        "E1": frozenset({0, 1, 2}),
        "B0": frozenset({1, 2}),
        "B1": frozenset({0, 1}),
        "B2": frozenset({1}),
    }
    problem = problem_from(requests, 1, 3, availability, tables=2)
    # when
    greedy = schedule_greedy(problem)
    optimal = schedule_cp_sat(problem, time_limit_s=5, workers=1)
    # then
    assert greedy.objective == 10
    assert optimal.status is SolveStatus.OPTIMAL
    assert optimal.objective == optimal.bound == 11
    assert violations(problem, optimal) == []


def test_the_most_constrained_meeting_gets_the_scarce_slot():
    # given: greedy puts M1 into slot 0 (its earliest), which is the only slot M2 can use.
    requests = [
        MeetingRequest("M1", "E1", "B1", priority=1),
        MeetingRequest("M2", "E1", "B2", priority=1),
    ]
    availability = {"E1": frozenset({0, 1}), "B1": frozenset({0, 1}), "B2": frozenset({0})}
    problem = problem_from(requests, 1, 2, availability, tables=None)
    # when
    greedy = schedule_greedy(problem)
    optimal = schedule_cp_sat(problem, time_limit_s=5, workers=1)
    # then: most-constrained-first lets greedy place both too
    assert greedy.objective == 6
    assert optimal.objective == 6
    assert {a.request_id: a.slot for a in optimal.assignments} == {"M2": 0, "M1": 1}


def test_table_numbers_are_distinct_within_a_slot():
    requests = [MeetingRequest(f"M{i}", f"E{i}", f"B{i}", 1) for i in range(5)]
    problem = problem_from(requests, 1, 2, {}, tables=3)
    schedule = schedule_greedy(problem)
    assert len(schedule.assignments) == 5
    assert violations(problem, schedule) == []
    assert capacity_bound(problem) == 15


def test_the_checker_catches_a_double_booking():
    requests = [MeetingRequest("M1", "E1", "B1", 1), MeetingRequest("M2", "E1", "B2", 1)]
    problem = problem_from(requests, 1, 1, {}, tables=None)
    bad = Schedule(
        (Assignment("M1", 0, None), Assignment("M2", 0, None)), 6, 6, SolveStatus.GREEDY, 0.0, ()
    )
    assert violations(problem, bad) == ["E1 double-booked in slot 0"]


def test_bad_inputs_are_refused():
    with pytest.raises(BadSchedulingInput):
        schedule_greedy(problem_from([MeetingRequest("M", "E", "B", 4)], 1, 1))
    with pytest.raises(BadSchedulingInput):
        schedule_greedy(
            problem_from([MeetingRequest("M", "E", "B", 1)], 1, 2, {"E": frozenset({2})})
        )
    with pytest.raises(DuplicateId):
        schedule_greedy(
            problem_from([MeetingRequest("M", "E", "B", 1), MeetingRequest("M", "E", "C", 1)], 1, 1)
        )
