"""Scale parts of the fair benchmark: vector search and the organizer's scheduler.

Imported by benchmarks/fair.py; runnable alone (``python benchmarks/_fair_scale.py``)
for the vector search on one size.
"""

from __future__ import annotations

import gc
import random
import sys
import time
from typing import Any

import numpy as np

from seaward.fair.scheduling import (
    MeetingRequest,
    capacity_bound,
    problem_from,
    schedule_cp_sat,
    schedule_greedy,
    violations,
)
from seaward.fair.vectorindex import ExactIndex, HnswIndex, HnswParameters

DIMENSIONS = 512


def clustered_vectors(
    n: int, n_queries: int, seed: int = 20261126
) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors around n/100 random centres, like embeddings of many product families.

    Noise is set so that two listings of one family have a cosine near 0.75 and two of
    different families near 0: sentence embeddings of product titles look like this.
    Queries are drawn the same way (new points around existing centres).
    """
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(n // 100, 10), DIMENSIONS)).astype(np.float32)
    out = np.empty((n, DIMENSIONS), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        block = centres[rng.integers(0, len(centres), m)]
        block += rng.standard_normal((m, DIMENSIONS)).astype(np.float32) * 0.9
        block /= np.linalg.norm(block, axis=1, keepdims=True)
        out[start : start + m] = block
    queries = centres[rng.integers(0, len(centres), n_queries)]
    queries = queries + rng.standard_normal(queries.shape).astype(np.float32) * 0.9
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    return out, queries.astype(np.float32)


def _exact_top10(vectors: np.ndarray, queries: np.ndarray) -> np.ndarray:
    out = np.empty((len(queries), 10), dtype=np.int64)
    for start in range(0, len(queries), 50):
        sims = queries[start : start + 50] @ vectors.T
        top = np.argpartition(-sims, 10, axis=1)[:, :10]
        order = np.argsort(-np.take_along_axis(sims, top, axis=1), axis=1)
        out[start : start + 50] = np.take_along_axis(top, order, axis=1)
    return out


def _measure(
    index: HnswIndex, queries: np.ndarray, truth: np.ndarray, expansion: int
) -> dict[str, Any]:
    """Warm, one query at a time on one thread: latency percentiles and recall@10."""
    index.set_expansion_search(expansion)
    for q in queries[:100]:
        index.search(q, 10)
    wall, cpu, recall = [], [], []
    for i, q in enumerate(queries):
        t0, c0 = time.perf_counter(), time.thread_time()
        found = index.search(q, 10)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
        recall.append(len(set(found.keys) & set(truth[i].tolist())) / 10.0)
    wall_ms, cpu_ms = np.array(wall) * 1000, np.array(cpu) * 1000
    return {
        "expansion_search": expansion,
        "top10_wall_ms_p50": round(float(np.percentile(wall_ms, 50)), 3),
        "top10_wall_ms_p99": round(float(np.percentile(wall_ms, 99)), 3),
        "top10_cpu_ms_p50": round(float(np.percentile(cpu_ms, 50)), 3),
        "top10_cpu_ms_p99": round(float(np.percentile(cpu_ms, 99)), 3),
        "recall_at_10": round(float(np.mean(recall)), 4),
    }


def vector_search(
    n: int,
    n_queries: int = 1000,
    build_threads: int = 2,
    exact_baseline: bool = True,
    build_budget_s: float | None = None,
) -> dict[str, Any]:
    """Build the HNSW index on n vectors and time one-at-a-time top-10 queries on one thread.

    With ``build_budget_s``, adding stops once the budget is spent and the search is
    measured on the vectors added so far (reported as ``vectors_indexed``).
    """
    vectors, queries = clustered_vectors(n, n_queries)
    params = HnswParameters()
    index = HnswIndex(DIMENSIONS, parameters=params, threads=build_threads)
    started = time.perf_counter()
    cpu_started = time.process_time()
    added = 0
    for start in range(0, n, 50_000):
        if build_budget_s is not None and time.perf_counter() - started > build_budget_s:
            break
        index.add(np.arange(start, min(n, start + 50_000)), vectors[start : start + 50_000])
        added = min(n, start + 50_000)
        elapsed = time.perf_counter() - started
        print(f"  indexed {added:,} vectors in {elapsed:.0f} s", file=sys.stderr, flush=True)
    build_s = time.perf_counter() - started
    build_cpu_s = time.process_time() - cpu_started
    vectors = vectors[:added]
    truth = _exact_top10(vectors, queries)
    index.threads = 1
    sweep = [_measure(index, queries, truth, ef) for ef in (64, 128, 256, 512, 1024)]
    # The operating point: the cheapest search expansion that reaches the recall target.
    chosen = next((m for m in sweep if m["recall_at_10"] >= 0.98), sweep[-1])
    result: dict[str, Any] = {
        "vectors": n,
        "vectors_indexed": added,
        "build_complete": added == n,
        "dimensions": DIMENSIONS,
        "queries": n_queries,
        "index": "usearch HNSW",
        "parameters": params.__dict__,
        "build_threads": build_threads,
        "build_seconds": round(build_s, 1),
        "build_cpu_seconds": round(build_cpu_s, 1),
        "index_memory_mb": round(index.memory_bytes() / 1e6, 1),
        "vectors_float32_mb": round(vectors.nbytes / 1e6, 1),
        "search_threads": 1,
        **chosen,
        "expansion_search_sweep": sweep,
    }
    result["meets_target"] = bool(
        result["top10_wall_ms_p99"] <= 20 and result["recall_at_10"] >= 0.98
    )
    if exact_baseline and n <= 100_000:
        exact = ExactIndex(DIMENSIONS)
        exact.add(np.arange(n), vectors)
        times = []
        for q in queries[:200]:
            t0 = time.perf_counter()
            exact.search(q, 10)
            times.append(time.perf_counter() - t0)
        result["exact_numpy_wall_ms_p50"] = round(float(np.percentile(times, 50)) * 1000, 3)
        result["exact_numpy_wall_ms_p99"] = round(float(np.percentile(times, 99)) * 1000, 3)
    del index, vectors
    gc.collect()
    return result


def generated_fair(seed: int = 20261126, days: int = 2, per_day: int = 16) -> Any:
    """1,000 exhibitors, 1,000 buyers, 10,000 requests (priorities 1-3), 70 % availability."""
    rng = random.Random(seed)
    exhibitors = [f"E{i:04d}" for i in range(1000)]
    buyers = [f"B{i:04d}" for i in range(1000)]
    pairs: set[tuple[str, str]] = set()
    while len(pairs) < 10_000:
        pairs.add((rng.choice(exhibitors), rng.choice(buyers)))
    requests = [
        MeetingRequest(f"M{i:05d}", e, b, rng.randint(1, 3))
        for i, (e, b) in enumerate(sorted(pairs))
    ]
    slots = days * per_day
    available = round(0.7 * slots)
    availability = {
        who: frozenset(rng.sample(range(slots), available)) for who in exhibitors + buyers
    }
    return requests, days, per_day, availability


def scheduler(time_limit_s: float = 60.0, workers: int = 2) -> dict[str, Any]:
    requests, days, per_day, availability = generated_fair()
    # The fair is decided by its tables (50 x 32 = 1,600 seats for 3,220 priority-1
    # requests), which greedy fills optimally; one day of 8 slots without a table limit is
    # decided by who is free when, where the optimizer has something to do.
    _, c_days, c_per_day, c_availability = generated_fair(days=1, per_day=8)
    variants = (
        ("issue_fair_tables_50", days, per_day, availability, 50),
        ("contended_1_day_8_slots_no_table_limit", c_days, c_per_day, c_availability, None),
    )
    out: dict[str, Any] = {
        "exhibitors": 1000,
        "buyers": 1000,
        "requests": len(requests),
        "priority_counts": {str(p): sum(1 for r in requests if r.priority == p) for p in (1, 2, 3)},
        "priority_weights": {"1": 3, "2": 2, "3": 1},
        "availability": 0.7,
    }
    for label, v_days, v_per_day, v_availability, tables in variants:
        problem = problem_from(requests, v_days, v_per_day, v_availability, tables)
        greedy = schedule_greedy(problem)
        cp = schedule_cp_sat(problem, time_limit_s=time_limit_s, workers=workers)
        out[label] = {
            "slots": f"{v_days} days x {v_per_day}",
            "tables": tables,
            "capacity_bound": capacity_bound(problem),
            "greedy": {
                "objective": greedy.objective,
                "meetings": len(greedy.assignments),
                "seconds": round(greedy.seconds, 2),
                "violations": len(violations(problem, greedy)),
            },
            "cp_sat": {
                "objective": cp.objective,
                "proven_bound": cp.bound,
                "status": str(cp.status),
                "meetings": len(cp.assignments),
                "time_limit_s": time_limit_s,
                "workers": workers,
                "seconds_including_model_build": round(cp.seconds, 1),
                "gap": round((cp.bound - cp.objective) / cp.bound, 4) if cp.bound else 0.0,
                "violations": len(violations(problem, cp)),
            },
        }
    return out


if __name__ == "__main__":  # pragma: no cover
    import json

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(json.dumps(vector_search(size), indent=2))
