"""Block-building heuristic for loading boxes into one container (pure, no Django).

The method follows the block-building family of the literature (Eley 2002; Parreño et al.
2008; Fanslau & Bortfeldt 2010): the free volume is kept as a list of *empty spaces*
(overlapping free cuboids); at each step the space nearest a bottom corner of the container is
filled with the block that scores best — a *simple block* (nx × ny × nz boxes of one type in
one orientation) or, with many box types, a *compound block* of two simple ones
(compound_blocks.py) — and the spaces are updated. A greedy look-ahead chooses among the best
few blocks by completing the plan greedily after each, in passes of doubling width while time
remains; the best complete plan seen anywhere is kept.

Support (ADR 0017): every space's bottom face lies wholly on the floor or on the top faces of
placed blocks, so every block — and every box in it — rests with its full base on the floor or
on boxes. Loads are modelled as a uniform pressure: a space carries the pressure its supports
still accept, and a block may only go there if its own column pressure fits.

Lengths are integers (the caller scales); z is vertical; x runs from the front wall to the door.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from seaward.logistics.compound_blocks import find_pairs

INF = math.inf
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
# A space: x1, y1, z1, x2, y2, z2 and the pressure (weight per unit area) its bottom accepts.
Space = tuple[int, int, int, int, int, int, float]
MAX_BLOCKS = 60_000
# Compound blocks pay off with many box types (measured on BR8-BR15: about +1.5 points) and
# cost utilisation and time with few (BR1-BR6), so they are used from this many types on.
COMPOUND_FROM_TYPES = 30


@dataclass(frozen=True)
class Cargo:
    """One box type: its allowed placed dimensions (dx, dy, dz), count and load rules."""

    orientations: tuple[tuple[int, int, int], ...]
    quantity: int
    weight: float = 0.0
    stackable: bool = True
    max_load: float = INF  # weight it may carry on its top, all boxes above included


@dataclass(frozen=True)
class PackedBox:
    """One box placed: its cargo index, position of its lowest corner and placed dimensions."""

    kind: int
    x: int
    y: int
    z: int
    dx: int
    dy: int
    dz: int


@dataclass
class _Blocks:
    dims: IntArray  # (n, 3) block extent
    box: IntArray  # (n, 3) placed box dimensions
    reps: IntArray  # (n, 3) boxes along x, y, z
    kind: IntArray  # (n,)
    count: IntArray  # (n,)
    volume: IntArray  # (n,)
    weight: FloatArray  # (n,)
    pressure: FloatArray  # (n,) weight per unit area under the block
    top_cap: FloatArray  # (n,) pressure its top still accepts (0 if not stackable)
    top: IntArray  # (n, 4) x1, y1, x2, y2 of its flat top, relative to its origin
    # The second simple block of a compound block (kind2 = -1 for a simple block):
    kind2: IntArray  # (n,)
    count2: IntArray  # (n,)
    box2: IntArray  # (n, 3)
    reps2: IntArray  # (n, 3)
    offset2: IntArray  # (n, 3)


@dataclass
class _State:
    spaces: list[Space]
    remaining: IntArray
    payload: float
    placed: list[tuple[int, int, int, int]] = field(default_factory=list)  # block, x, y, z
    volume: int = 0

    def copy(self) -> _State:
        return _State(
            list(self.spaces), self.remaining.copy(), self.payload, list(self.placed), self.volume
        )


def _counts(limit: int) -> list[int]:
    """Box counts to try along one axis: all up to 12, beyond that a spread that keeps the
    full run and its simple fractions (small boxes in a big container would otherwise give
    hundreds of thousands of blocks)."""
    if limit <= 12:
        return list(range(1, limit + 1))
    picks = {*range(1, 9), limit, limit - 1, limit - 2}
    picks |= {limit * k // d for d in (2, 3, 4, 5, 6) for k in range(1, d)}
    step = 12
    while step < limit:
        picks.add(step)
        step = step * 3 // 2
    return sorted(p for p in picks if 1 <= p <= limit)


def _make_blocks(
    container: tuple[int, int, int], cargos: tuple[Cargo, ...], compound: bool
) -> _Blocks:
    length, width, height = container
    rows: list[tuple[int, int, int, int, int, int, int]] = []
    for k, cargo in enumerate(cargos):
        for dx, dy, dz in cargo.orientations:
            if dx > length or dy > width or dz > height or cargo.quantity <= 0:
                continue
            q = cargo.quantity
            max_z = min(height // dz, q)
            if not cargo.stackable:
                max_z = 1
            elif cargo.weight > 0 and cargo.max_load < INF:
                max_z = min(max_z, 1 + int(cargo.max_load // cargo.weight))
            for nz in _counts(max_z):
                for ny in _counts(min(width // dy, q // nz)):
                    for nx in _counts(min(length // dx, q // (nz * ny))):
                        rows.append((k, dx, dy, dz, nx, ny, nz))
    if len(rows) > MAX_BLOCKS:
        # Keep the blocks of fewest boxes first: big blocks of many boxes are rarely the only
        # way to fill a space, while small ones are needed to finish it.
        rows.sort(key=lambda r: r[4] * r[5] * r[6])
        rows = rows[:MAX_BLOCKS]
    arr = np.array(rows, dtype=np.int64).reshape(-1, 7)
    kind = arr[:, 0]
    box = arr[:, 1:4]
    reps = arr[:, 4:7]
    dims = box * reps
    count = reps.prod(axis=1)
    weights = np.array([c.weight for c in cargos] or [0.0], dtype=np.float64)[kind]
    max_load = np.array([c.max_load for c in cargos] or [INF], dtype=np.float64)[kind]
    stackable = np.array([c.stackable for c in cargos] or [True], dtype=bool)[kind]
    base = (box[:, 0] * box[:, 1]).astype(np.float64)
    pressure = weights * reps[:, 2] / base
    with np.errstate(invalid="ignore"):
        top_cap = (max_load - (reps[:, 2] - 1) * weights) / base
    top_cap = np.where(stackable, top_cap, 0.0)
    volume = dims.prod(axis=1)
    quantity = np.array([c.quantity for c in cargos] or [0], dtype=np.int64)
    joinable = stackable & (max_load == INF) & compound
    pairs = find_pairs(dims, kind, count, joinable, quantity, container)
    a, b = pairs.first, pairs.second
    n = kind.size
    none = np.full(n, -1, dtype=np.int64)
    zeros3 = np.zeros((n, 3), dtype=np.int64)
    simple_top = np.concatenate([np.zeros((n, 2), dtype=np.int64), dims[:, :2]], axis=1)
    stacked = pairs.stacked
    return _Blocks(
        dims=np.concatenate([dims, pairs.dims]),
        box=np.concatenate([box, box[a]]),
        reps=np.concatenate([reps, reps[a]]),
        kind=np.concatenate([kind, kind[a]]),
        count=np.concatenate([count, count[a]]),
        volume=np.concatenate([volume, volume[a] + volume[b]]),
        weight=np.concatenate([weights * count, weights[a] * count[a] + weights[b] * count[b]]),
        pressure=np.concatenate(
            [
                pressure,
                np.where(stacked, pressure[a] + pressure[b], np.maximum(pressure[a], pressure[b])),
            ]
        ),
        top_cap=np.concatenate(
            [
                top_cap,
                np.where(
                    stacked,
                    np.minimum(top_cap[b], top_cap[a] - pressure[b]),
                    np.minimum(top_cap[a], top_cap[b]),
                ),
            ]
        ),
        top=np.concatenate([simple_top, pairs.top]),
        kind2=np.concatenate([none, kind[b]]),
        count2=np.concatenate([none * 0, count[b]]),
        box2=np.concatenate([zeros3, box[b]]),
        reps2=np.concatenate([zeros3, reps[b]]),
        offset2=np.concatenate([zeros3, pairs.offset]),
    )


class Planner:
    """Plans one container; `solve` returns the best plan found within a time budget."""

    def __init__(
        self,
        container: tuple[int, int, int],
        cargos: tuple[Cargo, ...],
        *,
        max_payload: float = INF,
        compound: bool | None = None,
    ) -> None:
        self.container = container
        self.cargos = cargos
        self.max_payload = max_payload
        if compound is None:
            compound = sum(c.quantity > 0 for c in cargos) >= COMPOUND_FROM_TYPES
        self.blocks = _make_blocks(container, cargos, compound)
        self._dx = np.ascontiguousarray(self.blocks.dims[:, 0])
        self._dy = np.ascontiguousarray(self.blocks.dims[:, 1])
        self._dz = np.ascontiguousarray(self.blocks.dims[:, 2])
        self._compound = bool((self.blocks.kind2 >= 0).any())
        self.waste = 1.0
        # When the cargo outweighs the payload, the payload is the scarce resource too: blocks
        # denser than a container filled to its payload are scored down in proportion.
        total_weight = sum(c.weight * c.quantity for c in cargos)
        self.payload_density = 0.0
        if max_payload < INF and total_weight > max_payload > 0:
            self.payload_density = max_payload / math.prod(container)
        orient = [(k, o) for k, c in enumerate(cargos) for o in c.orientations]
        self._orient_kind = np.array([k for k, _ in orient] or [0], dtype=np.int64)
        self._orient_dims = np.array([o for _, o in orient] or [(0, 0, 0)], dtype=np.int64)
        if not orient:
            self._orient_kind = self._orient_kind[:0]
            self._orient_dims = self._orient_dims[:0]

    # -- state transitions -------------------------------------------------------------
    def initial_state(self) -> _State:
        length, width, height = self.container
        return _State(
            spaces=[(0, 0, 0, length, width, height, INF)],
            remaining=np.array([c.quantity for c in self.cargos], dtype=np.int64),
            payload=self.max_payload,
        )

    def _pick_space(self, spaces: list[Space]) -> int:
        length, width, _ = self.container
        best, best_key = -1, (INF, INF, INF, 0.0)
        for i, (x1, y1, z1, x2, y2, z2, _cap) in enumerate(spaces):
            a = min(x1, length - x2)
            b = min(y1, width - y2)
            d = sorted((a, b, z1))
            key = (d[0], d[1], d[2], -float((x2 - x1) * (y2 - y1) * (z2 - z1)))
            if key < best_key:
                best, best_key = i, key
        return best

    def candidates(self, state: _State, space: Space, limit: int) -> IntArray:
        """The (at most `limit`) best blocks that fit the space, best first.

        Score: the block's volume less the space it would leave too thin for any remaining
        box (times `self.waste`); among equals, blocks spanning the space along more axes.
        """
        b = self.blocks
        x1, y1, z1, x2, y2, z2, cap = space
        sx, sy, sz = x2 - x1, y2 - y1, z2 - z1
        idx = np.flatnonzero((self._dx <= sx) & (self._dy <= sy) & (self._dz <= sz))
        rem = state.remaining
        kind = b.kind[idx]
        if self._compound:
            kind2, count2 = b.kind2[idx], b.count2[idx]
            ok = b.count[idx] + np.where(kind2 == kind, count2, 0) <= rem[kind]
            ok &= (kind2 < 0) | (kind2 == kind) | (count2 <= rem[np.maximum(kind2, 0)])
        else:
            ok = b.count[idx] <= rem[kind]
        if state.payload < INF:
            ok &= b.weight[idx] <= state.payload + 1e-9
        if cap < INF:
            ok &= b.pressure[idx] <= cap + 1e-12
        idx = idx[ok]
        if idx.size == 0:
            return idx
        d = b.dims[idx]
        score = (b.volume[idx] * 4).astype(np.float64)
        if self.waste:
            mx, my, mz = self._smallest(state.remaining)
            slack = np.array([sx, sy, sz]) - d
            thin_x = (slack[:, 0] > 0) & (slack[:, 0] < mx)
            thin_y = (slack[:, 1] > 0) & (slack[:, 1] < my)
            thin_z = (slack[:, 2] > 0) & (slack[:, 2] < mz)
            waste = np.where(thin_x, slack[:, 0] * sy * sz, 0)
            waste += np.where(thin_y, slack[:, 1] * sx * sz, 0)
            waste += np.where(thin_z, slack[:, 2] * d[:, 0] * d[:, 1], 0)
            score = score - 4.0 * self.waste * waste
        if self.payload_density:
            # Cargo denser than the container filled to its payload counts for less.
            w = b.weight[idx]
            dense = w * 1.0 > self.payload_density * b.volume[idx]
            ratio = np.where(dense, self.payload_density * b.volume[idx] / np.maximum(w, 1e-12), 1)
            score *= ratio
        score += (d[:, 0] == sx).astype(np.int64) + (d[:, 1] == sy) + (d[:, 2] == sz)
        if limit == 1:
            return idx[[int(np.argmax(score))]]
        if idx.size > limit:
            top = np.argpartition(-score, limit - 1)[:limit]
            return idx[top[np.argsort(-score[top], kind="stable")]]
        return idx[np.argsort(-score, kind="stable")]

    def _smallest(self, remaining: IntArray) -> tuple[int, int, int]:
        """The smallest placed length along x, y and z of any box still to load."""
        useful = self._orient_dims[remaining[self._orient_kind] > 0]
        if useful.size == 0:
            return (0, 0, 0)
        mx, my, mz = useful.min(axis=0).tolist()
        return int(mx), int(my), int(mz)

    def place(self, state: _State, space_index: int, block: int) -> None:
        """Put the block in the space's corner nearest a container corner, update spaces."""
        length, width, _ = self.container
        b = self.blocks
        space = state.spaces[space_index]
        x1, y1, z1, x2, y2, _z2, cap = space
        bx, by, bz = (int(v) for v in b.dims[block])
        x = x1 if x1 <= length - x2 else x2 - bx
        y = y1 if y1 <= width - y2 else y2 - by
        z = z1
        state.placed.append((block, x, y, z))
        state.volume += int(b.volume[block])
        state.remaining[b.kind[block]] -= b.count[block]
        if b.kind2[block] >= 0:
            state.remaining[b.kind2[block]] -= b.count2[block]
        if state.payload < INF:
            state.payload -= float(b.weight[block])
        top_cap = min(cap - float(b.pressure[block]), float(b.top_cap[block]))
        tx1, ty1, tx2, ty2 = (int(v) for v in b.top[block])
        self._update_spaces(
            state, (x, y, z, x + bx, y + by, z + bz), (x + tx1, y + ty1, x + tx2, y + ty2), top_cap
        )

    def _update_spaces(
        self,
        state: _State,
        box: tuple[int, int, int, int, int, int],
        top: tuple[int, int, int, int],
        top_cap: float,
    ) -> None:
        bx1, by1, bz1, bx2, by2, bz2 = box
        tx1, ty1, tx2, ty2 = top
        kept: list[Space] = []
        new: list[Space] = []
        for s in state.spaces:
            x1, y1, z1, x2, y2, z2, cap = s
            if x1 >= bx2 or bx1 >= x2 or y1 >= by2 or by1 >= y2 or z1 >= bz2 or bz1 >= z2:
                kept.append(s)
                continue
            if bx1 > x1:
                new.append((x1, y1, z1, bx1, y2, z2, cap))
            if bx2 < x2:
                new.append((bx2, y1, z1, x2, y2, z2, cap))
            if by1 > y1:
                new.append((x1, y1, z1, x2, by1, z2, cap))
            if by2 < y2:
                new.append((x1, by2, z1, x2, y2, z2, cap))
            if bz2 < z2 and top_cap > 0:
                new.append(
                    (max(x1, tx1), max(y1, ty1), bz2, min(x2, tx2), min(y2, ty2), z2, top_cap)
                )
        new = self._merge_level(kept, new, bz2)
        state.spaces = self._prune(kept, new, state.remaining)

    @staticmethod
    def _merge_level(kept: list[Space], new: list[Space], level: int) -> list[Space]:
        """Join spaces that share a bottom level and touch, so a floor of several tops counts."""
        pool = [s for s in kept if s[2] == level]
        queue = [s for s in new if s[2] == level]
        out = list(new)
        seen = set(out)
        while queue and len(out) < 64:
            a = queue.pop()
            for s in pool + out:
                if s is a or s[2] != level:
                    continue
                merged = _join(a, s)
                for m in merged:
                    if m not in seen and not _contains(a, m) and not _contains(s, m):
                        seen.add(m)
                        out.append(m)
                        queue.append(m)
        return out

    def _prune(self, kept: list[Space], new: list[Space], remaining: IntArray) -> list[Space]:
        """Drop new spaces no remaining box fits and spaces held in another space."""
        useful = self._orient_dims[remaining[self._orient_kind] > 0]
        if not new or useful.size == 0:
            return kept
        sizes = np.array([(s[3] - s[0], s[4] - s[1], s[5] - s[2]) for s in new], dtype=np.int64)
        fits = np.any(np.all(useful[None, :, :] <= sizes[:, None, :], axis=2), axis=1)
        fresh = [s for s, ok in zip(new, fits.tolist(), strict=True) if ok]
        fresh = [s for i, s in enumerate(fresh) if not _dominated(s, fresh, i)]
        fresh = [s for s in fresh if not any(_contains(k, s) for k in kept)]
        kept = [k for k in kept if not any(_contains(s, k) for s in fresh)]
        return kept + fresh

    # -- search ------------------------------------------------------------------------
    def greedy(self, state: _State) -> None:
        """Fill the state, each time with the best-scoring block for the chosen space."""
        while state.spaces:
            si = self._pick_space(state.spaces)
            cand = self.candidates(state, state.spaces[si], 1)
            if cand.size == 0:
                state.spaces.pop(si)
                continue
            self.place(state, si, int(cand[0]))

    def _trials(self, cand: IntArray, width: int) -> list[int]:
        """The `width` best blocks, then the best of a few other (type, box shape) pairs."""
        b = self.blocks
        out = cand[:width].tolist()
        seen = {(int(b.kind[c]), int(b.kind2[c]), *b.box[c].tolist()) for c in out}
        extra = width // 2
        for c in cand[width:].tolist():
            if extra <= 0:
                break
            key = (int(b.kind[c]), int(b.kind2[c]), *b.box[c].tolist())
            if key not in seen:
                seen.add(key)
                out.append(c)
                extra -= 1
        return out

    def lookahead(self, state: _State, width: int, deadline: float, best: _State) -> _State:
        """At each step try the `width` best blocks, keep the one whose greedy end is best.

        Returns the best complete plan seen, `best` included.
        """
        while state.spaces:
            si = self._pick_space(state.spaces)
            cand = self.candidates(state, state.spaces[si], 30 * width)
            if cand.size == 0:
                state.spaces.pop(si)
                continue
            choice = int(cand[0])
            if cand.size > 1 and time.monotonic() < deadline:
                best_vol = -1
                for c in self._trials(cand, width):
                    trial = state.copy()
                    self.place(trial, si, int(c))
                    self.greedy(trial)
                    if trial.volume > best_vol:
                        best_vol, choice = trial.volume, int(c)
                    if trial.volume > best.volume:
                        best = trial
                    if time.monotonic() > deadline:
                        break
            self.place(state, si, choice)
        return state if state.volume > best.volume else best

    def solve(self, time_limit: float = 2.0) -> list[PackedBox]:
        """The best plan found within about `time_limit` seconds.

        A greedy plan first, then look-ahead passes of doubling width (2, 4, 8, ...; doubling
        beat widening by one on BR1-BR7), each under two block scores (with and without the
        thin-space penalty), until the time is up or every box is loaded.
        """
        deadline = time.monotonic() + time_limit
        best = self.initial_state()
        self.greedy(best)
        width = 2
        while time.monotonic() < deadline and best.remaining.sum() > 0:
            for waste in (1.0, 0.0):
                self.waste = waste
                best = self.lookahead(self.initial_state(), width, deadline, best)
                if time.monotonic() > deadline:
                    break
            width *= 2
        self.waste = 1.0
        return self.boxes_of(best)

    def boxes_of(self, state: _State) -> list[PackedBox]:
        """The boxes of a state's blocks, block by block in placing order."""
        b = self.blocks
        out: list[PackedBox] = []
        for block, x, y, z in state.placed:
            _expand(out, int(b.kind[block]), (x, y, z), b.box[block], b.reps[block])
            if b.kind2[block] >= 0:
                ox, oy, oz = (int(v) for v in b.offset2[block])
                origin = (x + ox, y + oy, z + oz)
                _expand(out, int(b.kind2[block]), origin, b.box2[block], b.reps2[block])
        return out


def _expand(
    out: list[PackedBox], kind: int, origin: tuple[int, int, int], box: IntArray, reps: IntArray
) -> None:
    x, y, z = origin
    dx, dy, dz = (int(v) for v in box)
    nx, ny, nz = (int(v) for v in reps)
    for k in range(nz):
        for j in range(ny):
            for i in range(nx):
                out.append(PackedBox(kind, x + i * dx, y + j * dy, z + k * dz, dx, dy, dz))


def _contains(a: Space, b: Space) -> bool:
    """Whether space a holds space b and accepts at least b's pressure."""
    return (
        a[0] <= b[0]
        and a[1] <= b[1]
        and a[2] <= b[2]
        and a[3] >= b[3]
        and a[4] >= b[4]
        and a[5] >= b[5]
        and a[6] >= b[6]
    )


def _dominated(s: Space, pool: list[Space], i: int) -> bool:
    return any(j != i and _contains(t, s) and (t != s or j < i) for j, t in enumerate(pool))


def _join(a: Space, b: Space) -> list[Space]:
    """The spaces spanning two touching spaces of one bottom level (x-wise and y-wise)."""
    out: list[Space] = []
    z = a[2]
    top = min(a[5], b[5])
    cap = min(a[6], b[6])
    ylo, yhi = max(a[1], b[1]), min(a[4], b[4])
    if yhi > ylo and a[3] >= b[0] and b[3] >= a[0]:
        out.append((min(a[0], b[0]), ylo, z, max(a[3], b[3]), yhi, top, cap))
    xlo, xhi = max(a[0], b[0]), min(a[3], b[3])
    if xhi > xlo and a[4] >= b[1] and b[4] >= a[1]:
        out.append((xlo, min(a[1], b[1]), z, xhi, max(a[4], b[4]), top, cap))
    return out
