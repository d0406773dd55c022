"""An independent feasibility check of loading plans (shares no code with the planner).

Boxes are (kind, x, y, z, dx, dy, dz) in any consistent unit, z vertical. Checked: inside the
container, no two boxes sharing a positive volume, placed dimensions among those allowed for
the kind, counts within quantities, every box's whole base on the floor or on the tops of other
boxes (ADR 0017), total weight within the payload, nothing on a non-stackable box, and the load
on each box within its limit — loads travel down split between supporting boxes in proportion
to contact area.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

Box = tuple[int, float, float, float, float, float, float]


@dataclass
class Kind:
    allowed: set[tuple[float, float, float]]
    quantity: int
    weight: float = 0.0
    stackable: bool = True
    max_load: float | None = None


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _overlap(a1: float, a2: float, b1: float, b2: float) -> float:
    return max(0.0, min(a2, b2) - max(a1, b1))


def check_plan(
    container: tuple[float, float, float],
    kinds: Sequence[Kind],
    boxes: Sequence[Box],
    payload: float | None = None,
    eps: float = 1e-6,
) -> Report:
    rep = Report()
    length, width, height = container
    counts = [0] * len(kinds)
    for n, (k, x, y, z, dx, dy, dz) in enumerate(boxes):
        if not 0 <= k < len(kinds):
            rep.problems.append(f"box {n}: unknown kind {k}")
            continue
        counts[k] += 1
        if min(dx, dy, dz) <= 0:
            rep.problems.append(f"box {n}: empty size")
        if x < -eps or y < -eps or z < -eps:
            rep.problems.append(f"box {n}: below the origin")
        if x + dx > length + eps or y + dy > width + eps or z + dz > height + eps:
            rep.problems.append(f"box {n}: outside the container")
        if (dx, dy, dz) not in kinds[k].allowed:
            rep.problems.append(f"box {n}: size {(dx, dy, dz)} not allowed for kind {k}")
    for k, kind in enumerate(kinds):
        if counts[k] > kind.quantity:
            rep.problems.append(f"kind {k}: {counts[k]} placed, only {kind.quantity} exist")
    # Overlaps: plain pairwise test, clarity over speed.
    for i in range(len(boxes)):
        _, xi, yi, zi, dxi, dyi, dzi = boxes[i]
        for j in range(i + 1, len(boxes)):
            _, xj, yj, zj, dxj, dyj, dzj = boxes[j]
            if (
                _overlap(xi, xi + dxi, xj, xj + dxj) > eps
                and _overlap(yi, yi + dyi, yj, yj + dyj) > eps
                and _overlap(zi, zi + dzi, zj, zj + dzj) > eps
            ):
                rep.problems.append(f"boxes {i} and {j} overlap")
    supporters: list[list[tuple[int, float]]] = []
    for i, (_, x, y, z, dx, dy, _dz) in enumerate(boxes):
        under: list[tuple[int, float]] = []
        if z > eps:
            for j, (_, xj, yj, zj, dxj, dyj, dzj) in enumerate(boxes):
                if j != i and abs(zj + dzj - z) <= eps:
                    area = _overlap(x, x + dx, xj, xj + dxj) * _overlap(y, y + dy, yj, yj + dyj)
                    if area > 0:
                        under.append((j, area))
            covered = sum(a for _, a in under)
            if covered < dx * dy - eps * max(1.0, dx * dy):
                rep.problems.append(
                    f"box {i}: only {covered / (dx * dy):.3f} of its base supported"
                )
        supporters.append(under)
    for i, under in enumerate(supporters):
        for j, _ in under:
            if not kinds[boxes[j][0]].stackable:
                rep.problems.append(f"box {i} rests on non-stackable box {j}")
    total = sum(kinds[b[0]].weight for b in boxes)
    if payload is not None and total > payload + 1e-6:
        rep.problems.append(f"weight {total} over the payload {payload}")
    rep.problems += _load_problems(kinds, boxes, supporters)
    return rep


def _load_problems(
    kinds: Sequence[Kind], boxes: Sequence[Box], supporters: list[list[tuple[int, float]]]
) -> list[str]:
    """Push each box's weight plus what it carries down to its supporters, top box first."""
    carried = [Fraction(0)] * len(boxes)
    order = sorted(range(len(boxes)), key=lambda i: -boxes[i][3])
    for i in order:
        under = supporters[i]
        if not under:
            continue
        force = Fraction(kinds[boxes[i][0]].weight) + carried[i]
        contact = sum(Fraction(a) for _, a in under)
        for j, area in under:
            carried[j] += force * Fraction(area) / contact
    out = []
    for i, load in enumerate(carried):
        limit = kinds[boxes[i][0]].max_load
        if limit is not None and load > Fraction(limit) + Fraction(1, 10**6):
            out.append(f"box {i} carries {float(load):.3f}, its limit is {limit}")
    return out
