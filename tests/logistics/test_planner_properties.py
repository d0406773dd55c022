"""Invariants of the planner on random instances, checked by the independent verifier."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seaward.logistics.blocks import Cargo, Planner
from tests.logistics.verifier import Kind, check_plan

PERMUTATIONS = ((0, 1, 2), (1, 0, 2), (2, 1, 0), (0, 2, 1), (2, 0, 1), (1, 2, 0))


@st.composite
def instances(draw):
    container = tuple(draw(st.integers(8, 60)) for _ in range(3))
    cargos = []
    for _ in range(draw(st.integers(1, 5))):
        own = tuple(draw(st.integers(2, 25)) for _ in range(3))
        perms = draw(st.lists(st.sampled_from(PERMUTATIONS), min_size=1, max_size=6, unique=True))
        weight = draw(st.sampled_from([0.0, 1.0, 2.5, 10.0]))
        max_load = draw(st.sampled_from([math.inf, 0.0, 5.0, 20.0]))
        cargos.append(
            Cargo(
                orientations=tuple(dict.fromkeys(tuple(own[i] for i in p) for p in perms)),
                quantity=draw(st.integers(0, 40)),
                weight=weight,
                stackable=draw(st.booleans()),
                max_load=max_load,
            )
        )
    payload = draw(st.sampled_from([math.inf, 30.0, 200.0]))
    return container, tuple(cargos), payload


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.sampled_from([0.0, 0.02]), st.booleans())
def test_plans_are_always_feasible(instance, time_limit, compound):
    container, cargos, payload = instance
    planner = Planner(container, cargos, max_payload=payload, compound=compound)
    boxes = planner.solve(time_limit=time_limit)
    kinds = [
        Kind(
            allowed=set(c.orientations),
            quantity=c.quantity,
            weight=c.weight,
            stackable=c.stackable,
            max_load=None if c.max_load == math.inf else c.max_load,
        )
        for c in cargos
    ]
    rows = [(b.kind, b.x, b.y, b.z, b.dx, b.dy, b.dz) for b in boxes]
    report = check_plan(container, kinds, rows, payload=None if payload == math.inf else payload)
    assert report.ok, report.problems[:5]


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(1, 12), st.integers(1, 4))
def test_boxes_that_tile_the_container_fill_it(nx, ny, nz, size):
    # given a container exactly nx × ny × nz boxes wide, and exactly that many boxes
    cargo = Cargo(orientations=((size, size + 1, size + 2),), quantity=nx * ny * nz)
    container = (nx * size, ny * (size + 1), nz * (size + 2))
    # then every box is placed
    boxes = Planner(container, (cargo,)).solve(time_limit=0.02)
    assert len(boxes) == nx * ny * nz
