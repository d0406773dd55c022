"""Compound blocks: two simple blocks joined into one, for the block-building planner.

Fanslau & Bortfeldt (2010) showed that blocks made of several box types ("general blocks")
fill containers of many box types better than blocks of one type. Here a compound block is a
pair of simple blocks (a, b), joined

- along x or y: same height, side by side, both flush with the block's origin; the flat top
  over both (as wide as the narrower one) is where more boxes may go;
- along z: b on a, b's footprint within a's top; the top of b is where more boxes may go;

and kept only if its boxes fill at least MIN_FILL of its bounding box. Every box of a compound
block rests with its whole base on the block's bottom or on a's top, so the full-support rule
(ADR 0017) holds inside it. Only box types without load limits are joined.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

MIN_FILL = 0.98
MAX_SIMPLE = 2500  # pairs of more simple blocks than this cost too much time to list
MAX_COMPOUND = 8000


@dataclass
class Pairs:
    """Compound blocks as index pairs into the simple blocks, with their geometry."""

    first: IntArray  # (m,) simple block a
    second: IntArray  # (m,) simple block b
    offset: IntArray  # (m, 3) where b sits in the block
    dims: IntArray  # (m, 3) bounding box
    top: IntArray  # (m, 4) x1, y1, x2, y2 of the flat top, relative to the block
    stacked: BoolArray  # (m,) joined along z


def find_pairs(
    dims: IntArray,
    kind: IntArray,
    count: IntArray,
    joinable: BoolArray,
    quantity: IntArray,
    container: tuple[int, int, int],
) -> Pairs:
    """Compound blocks of the joinable simple blocks that fit the container, best filled first."""
    cand = np.flatnonzero(joinable)
    if cand.size < 2 or cand.size > MAX_SIMPLE:
        return _no_pairs()
    d = dims[cand]
    k = kind[cand]
    n = count[cand]
    vol = d.prod(axis=1)
    limit = np.array(container, dtype=np.int64)
    found: list[tuple[IntArray, IntArray, int]] = []  # first, second (positions in cand), axis
    for i in range(cand.size):
        same = k == k[i]
        enough = ~same | (n + n[i] <= quantity[k[i]])
        for axis in (0, 1):
            other = 1 - axis
            size = d[:, axis] + d[i, axis]
            wide = np.maximum(d[:, other], d[i, other])
            ok = enough & (d[:, 2] == d[i, 2]) & (size <= limit[axis])
            ok &= (vol + vol[i]) >= MIN_FILL * size * wide * d[i, 2]
            ok[: i + 1] = False  # each unordered pair once
            js = np.flatnonzero(ok)
            if js.size:
                found.append((np.full(js.size, i), js, axis))
        # along z: j on top of i
        ok = enough & (d[:, 0] <= d[i, 0]) & (d[:, 1] <= d[i, 1])
        ok &= d[:, 2] + d[i, 2] <= limit[2]
        ok &= (vol + vol[i]) >= MIN_FILL * d[i, 0] * d[i, 1] * (d[:, 2] + d[i, 2])
        ok[i] = False
        js = np.flatnonzero(ok)
        if js.size:
            found.append((np.full(js.size, i), js, 2))
    if not found:
        return _no_pairs()
    first = np.concatenate([f for f, _, _ in found])
    second = np.concatenate([s for _, s, _ in found])
    along = np.concatenate([np.full(f.size, a) for f, _, a in found])
    da, db = d[first], d[second]
    offset = np.zeros_like(da)
    out = np.zeros_like(da)
    top = np.zeros((first.size, 4), dtype=np.int64)
    for a in (0, 1):
        o = 1 - a
        sel = along == a
        offset[sel, a] = da[sel, a]
        out[sel, a] = da[sel, a] + db[sel, a]
        out[sel, o] = np.maximum(da[sel, o], db[sel, o])
        out[sel, 2] = da[sel, 2]
        top[sel, 2 + a] = out[sel, a]
        top[sel, 2 + o] = np.minimum(da[sel, o], db[sel, o])
    sel = along == 2
    offset[sel, 2] = da[sel, 2]
    out[sel, :2] = da[sel, :2]
    out[sel, 2] = da[sel, 2] + db[sel, 2]
    top[sel, 2:] = db[sel, :2]
    fill = (vol[first] + vol[second]) / out.prod(axis=1)
    order = np.lexsort((-(vol[first] + vol[second]), -fill))[:MAX_COMPOUND]
    return Pairs(
        first=cand[first[order]],
        second=cand[second[order]],
        offset=offset[order],
        dims=out[order],
        top=top[order],
        stacked=sel[order],
    )


def _no_pairs() -> Pairs:
    empty = np.zeros(0, dtype=np.int64)
    return Pairs(
        first=empty,
        second=empty,
        offset=empty.reshape(0, 3),
        dims=empty.reshape(0, 3),
        top=empty.reshape(0, 4),
        stacked=np.zeros(0, dtype=bool),
    )
