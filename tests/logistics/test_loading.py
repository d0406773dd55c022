"""The app-level loading API: plans checked by the independent verifier."""

import itertools
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seaward.logistics.containers import container_type
from seaward.logistics.errors import CartonTooHeavy, CartonTooLarge, InvalidLoadingInput
from seaward.logistics.loading import (
    THIS_SIDE_UP,
    CartonType,
    ContainerOption,
    ContainerPlan,
    plan_container,
    plan_shipment,
)
from tests.logistics.verifier import Kind, check_plan

AXIS = {"x": 0, "y": 1, "z": 2}


def verify(plan: ContainerPlan, cartons: list[CartonType]):
    c = plan.container
    kinds = []
    for carton in cartons:
        own = (float(carton.length_cm), float(carton.width_cm), float(carton.height_cm))
        allowed = {tuple(own[AXIS[a]] for a in key) for key in carton.orientations}
        limit = carton.max_load_on_top_kg
        kinds.append(
            Kind(
                allowed=allowed,
                quantity=carton.quantity,
                weight=float(carton.weight_kg),
                stackable=carton.stackable,
                max_load=None if limit is None else float(limit),
            )
        )
    boxes = [
        (p.carton, *(float(v) for v in (p.x_cm, p.y_cm, p.z_cm, p.dx_cm, p.dy_cm, p.dz_cm)))
        for p in plan.placements
    ]
    size = (float(c.inner_length_cm), float(c.inner_width_cm), float(c.inner_height_cm))
    return check_plan(size, kinds, boxes, payload=float(c.max_payload_kg))


MIXED = [
    CartonType("A", D(60), D(40), D(35), D("18.5"), 150, THIS_SIDE_UP),
    CartonType("B", D(80), D(60), D(50), D(30), 60),
    CartonType("C", D(120), D(80), D(100), D(250), 6, THIS_SIDE_UP, stackable=False),
    CartonType("D", D(45), D(45), D(45), D(40), 50, max_load_on_top_kg=D(60)),
]


def test_single_container_plan_is_feasible_and_complete():
    plan = plan_container(MIXED, container_type("40HC"), time_limit=0.3)
    assert plan.complete
    (load,) = plan.containers
    assert load.loaded == (150, 60, 6, 50)
    report = verify(load, MIXED)
    assert report.ok, report.problems[:5]
    expected_kg = 150 * D("18.5") + 60 * 30 + 6 * 250 + 50 * 40
    assert load.weight_kg == expected_kg
    assert load.weight_utilization == round(float(expected_kg / D(26580)), 4)
    assert 0 < load.volume_utilization < 1


def test_this_side_up_keeps_height_vertical():
    plan = plan_container(MIXED, container_type("20GP"), time_limit=0.2)
    for p in plan.containers[0].placements:
        if p.ref in ("A", "C"):
            assert p.orientation in THIS_SIDE_UP
            assert p.dz_cm == MIXED[p.carton].height_cm


def test_loading_sequence_puts_each_carton_after_its_supports():
    (load,) = plan_container(MIXED, container_type("40GP"), time_limit=0.2).containers
    assert [p.sequence for p in load.placements] == list(range(1, len(load.placements) + 1))
    seen = []
    for p in load.placements:
        if p.z_cm > 0:
            under = [
                q
                for q in seen
                if q.z_cm + q.dz_cm == p.z_cm
                and q.x_cm < p.x_cm + p.dx_cm
                and p.x_cm < q.x_cm + q.dx_cm
                and q.y_cm < p.y_cm + p.dy_cm
                and p.y_cm < q.y_cm + q.dy_cm
            ]
            area = sum(
                (min(q.x_cm + q.dx_cm, p.x_cm + p.dx_cm) - max(q.x_cm, p.x_cm))
                * (min(q.y_cm + q.dy_cm, p.y_cm + p.dy_cm) - max(q.y_cm, p.y_cm))
                for q in under
            )
            assert area == p.dx_cm * p.dy_cm
        seen.append(p)


def test_weight_limits_the_load_when_cartons_are_dense():
    steel = [CartonType("S", D(50), D(50), D(30), D(400), 200)]
    plan = plan_container(steel, container_type("20GP"), time_limit=0.2)
    (load,) = plan.containers
    assert load.weight_kg <= D(28230)
    assert sum(load.loaded) == 70  # 28 230 kg / 400 kg
    assert plan.unplaced == (130,)
    assert verify(load, steel).ok


def test_max_load_on_top_limits_stacking():
    fragile = [CartonType("F", D(50), D(50), D(50), D(20), 100, max_load_on_top_kg=D(25))]
    (load,) = plan_container(fragile, container_type("20GP"), time_limit=0.2).containers
    report = verify(load, fragile)
    assert report.ok, report.problems[:5]
    assert max(p.z_cm for p in load.placements) == 50  # two high at most: 20 kg on 25 kg
    # 11 × 4 cartons on the 20GP floor, one more layer on them, no third.
    assert 44 < sum(load.loaded) <= 88


def test_carton_larger_than_every_container_is_a_clear_error():
    huge = [CartonType("PIPE", D(1300), D(40), D(40), D(100), 1)]
    options = [ContainerOption(container_type(code), D(1000)) for code in ("20GP", "40HC")]
    with pytest.raises(CartonTooLarge) as exc:
        plan_shipment(huge, options)
    assert exc.value.code == "carton_too_large"
    assert "PIPE" in exc.value.message and "20GP, 40HC" in exc.value.message


def test_carton_heavier_than_every_payload_is_a_clear_error():
    ingot = [CartonType("ING", D(100), D(100), D(50), D(30000), 1)]
    with pytest.raises(CartonTooHeavy):
        plan_container(ingot, container_type("40HC"))


def test_bad_orientation_key_is_rejected():
    bad = [CartonType("A", D(10), D(10), D(10), D(1), 1, frozenset({"abc"}))]
    with pytest.raises(InvalidLoadingInput):
        plan_container(bad, container_type("20GP"))


def test_cheapest_mix_prefers_one_small_container_when_it_holds_everything():
    small = [CartonType("A", D(60), D(40), D(40), D(10), 100)]
    options = [
        ContainerOption(container_type("20GP"), D(1500)),
        ContainerOption(container_type("40HC"), D(2600)),
    ]
    plan = plan_shipment(small, options, time_limit=0.2)
    assert plan.complete and plan.total_cost == D(1500)
    assert [c.container.code for c in plan.containers] == ["20GP"]


def test_cheapest_mix_holds_every_carton_and_numbers_them_across_containers():
    cartons = [
        CartonType("A", D(60), D(40), D(35), D("18.5"), 900, THIS_SIDE_UP),
        CartonType("B", D(80), D(60), D(50), D(30), 150),
    ]
    options = [
        ContainerOption(container_type("20GP"), D(1500)),
        ContainerOption(container_type("40GP"), D(2400)),
        ContainerOption(container_type("40HC"), D(2600)),
    ]
    plan = plan_shipment(cartons, options, time_limit=0.3)
    assert plan.complete
    total = [sum(c.loaded[k] for c in plan.containers) for k in range(2)]
    assert total == [900, 150]
    assert plan.total_cost == sum(
        next(o.cost for o in options if o.container == c.container) for c in plan.containers
    )
    # 61 m3 of cartons: more than a 40GP, so at least two containers or one 40HC.
    assert plan.total_cost >= D(2600)
    for load in plan.containers:
        assert verify(load, cartons).ok
    ranges = [r for c in plan.containers for r in c.carton_ranges if r.ref == "A"]
    assert ranges[0].first == 1 and ranges[-1].last == 900
    assert all(b.first == a.last + 1 for a, b in itertools.pairwise(ranges))


ORIENTATION_SETS = [
    frozenset({"xyz", "yxz", "zyx", "xzy", "zxy", "yzx"}),
    THIS_SIDE_UP,
    frozenset({"zyx"}),
    frozenset({"xzy", "yzx"}),
]


@st.composite
def carton_lists(draw):
    cartons = []
    for k in range(draw(st.integers(1, 4))):
        max_load = draw(st.sampled_from([None, D(0), D(50), D(500)]))
        cartons.append(
            CartonType(
                ref=f"C{k}",
                length_cm=D(draw(st.integers(20, 130))),
                width_cm=D(draw(st.integers(20, 120))),
                height_cm=D(draw(st.integers(10, 110))) / 2,
                weight_kg=D(draw(st.integers(1, 800))),
                quantity=draw(st.integers(1, 80)),
                orientations=draw(st.sampled_from(ORIENTATION_SETS)),
                stackable=draw(st.booleans()),
                max_load_on_top_kg=max_load,
            )
        )
    return cartons


@settings(max_examples=25, deadline=None)
@given(carton_lists(), st.sampled_from(["20GP", "40HC"]))
def test_app_plans_are_always_feasible(cartons, code):
    plan = plan_container(cartons, container_type(code), time_limit=0.05)
    (load,) = plan.containers
    report = verify(load, cartons)
    assert report.ok, report.problems[:5]
    assert all(
        q - n == u
        for q, n, u in zip((c.quantity for c in cartons), load.loaded, plan.unplaced, strict=True)
    )
