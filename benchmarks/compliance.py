"""Restricted-party screening: the figures of issue 5's "Measured" section.

Run: ``.venv/bin/python benchmarks/compliance.py`` (a few minutes). Writes
``benchmarks/results/compliance.json``. Reads the development cases in
``../shared/data/eval-dev/sanctions`` (skipped, with a note, when absent).

Figures: name-pair precision / recall / F1 of ``compare`` on the nomenklatura bench (per
group and quality tier); UN recall@1; false alerts on the negatives; single-name latency
warm in process (p50 / p99); a 100,000-name batch (one process and two); the baseline of
rapidfuzz ``WRatio`` against every list name on a fixed sample of 1,000 queries.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import platform
import random
import re
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rapidfuzz import fuzz, process  # noqa: E402

from seaward.compliance.index import ScreeningIndex, shipped_index  # noqa: E402
from seaward.compliance.matching import (  # noqa: E402
    DEFAULT_ALERT_THRESHOLD,
    Query,
    compare_names,
    token_similarity,
)
from seaward.compliance.names import analyze, phonetic_key, sound_key  # noqa: E402
from seaward.compliance.shipped import load_shipped  # noqa: E402

DEV = ROOT / ".." / "shared" / "data" / "eval-dev" / "sanctions"
RESULTS = ROOT / "benchmarks" / "results" / "compliance.json"
TYPES = {
    "Person": "person",
    "Company": "organization",
    "Organization": "organization",
    "Vessel": "vessel",
}
SEED = 20261126
BATCH_SIZE = 100_000
BASELINE_SAMPLE = 1_000
BASELINE_THRESHOLD = 90  # WRatio score that counts as an alert for the baseline


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def norm_name(value: str) -> str:
    text = unicodedata.normalize("NFKD", value or "").casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(sorted(re.findall(r"[^\W_]+", text)))


def birth_date(value: str) -> str:
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})-(\d{1,2}))?", (value or "").strip())
    if not m:
        return ""
    if not m.group(2):
        return m.group(1)
    text = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    try:
        time.strptime(text, "%Y-%m-%d")
    except ValueError:
        return m.group(1)  # the CLI keeps the year of an impossible date the same way
    return text


def prf(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    tp = sum(1 for e, g in pairs if e and g)
    fp = sum(1 for e, g in pairs if not e and g)
    fn = sum(1 for e, g in pairs if e and not g)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "n": len(pairs)}


def name_pairs(cases: list[dict[str, str]]) -> dict[str, object]:
    rows = [x for x in cases if x["case_group"].startswith("nomenklatura_name_bench/")]
    pairs = []
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    tiers: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for x in rows:
        result = compare_names(x["query"], x["candidate"], TYPES.get(x["entity_type"]))
        pair = (x["expected_match"] == "yes", result.score >= DEFAULT_ALERT_THRESHOLD)
        pairs.append(pair)
        groups[x["case_group"].split("/")[-1]].append(pair)
        tiers[x["quality"] or "no tier"].append(pair)
    return {
        "threshold": DEFAULT_ALERT_THRESHOLD,
        "overall": prf(pairs),
        "per_group": {k: prf(v) for k, v in sorted(groups.items())},
        "per_tier": {k: prf(v) for k, v in sorted(tiers.items())},
    }


def un_queries(cases: list[dict[str, str]]) -> list[tuple[Query, set[str], str]]:
    out = []
    for x in cases:
        if x["case_group"] != "yente_un_sc_positives_treated":
            continue
        m = re.search(r"query attrs: (\{.*\})", x["notes"])
        attrs = json.loads(m.group(1)) if m else {}
        query = Query(
            name=x["query"],
            entity_type="person",
            country=(attrs.get("nationality") or "").upper(),
            birth_date=birth_date(attrs.get("date_of_birth") or ""),
        )
        wanted = {r.strip() for r in x["candidate_entity_id"].split(";") if r.strip()}
        out.append((query, wanted, norm_name(x["candidate"])))
    return out


def un_recall(
    index: ScreeningIndex, queries: list[tuple[Query, set[str], str]]
) -> dict[str, object]:
    first = anywhere = 0
    for query, wanted, name in queries:
        hits = index.screen(query)
        un = [h for h in hits if h.list_id == "un_sc"]

        def right(hit, wanted=wanted, name=name) -> bool:
            return hit.entity_id in wanted or name in (
                norm_name(hit.name),
                norm_name(hit.matched_name),
            )

        first += bool(un) and right(un[0])
        anywhere += any(right(h) for h in hits)
    n = len(queries)
    return {"n": n, "recall_at_1": round(first / n, 4), "found_anywhere": round(anywhere / n, 4)}


def negative_queries() -> list[Query]:
    out = []
    for path in sorted((DEV / "negatives").glob("*.csv")):
        for r in read_csv(path):
            if r["full_name"].strip():
                out.append(Query(r["full_name"], "person", "", birth_date(r["date_of_birth"])))
    return out


def false_alerts(index: ScreeningIndex, queries: list[Query]) -> dict[str, object]:
    alerted = with_hit = 0
    for query in queries:
        hits = index.screen(query)
        with_hit += bool(hits)
        alerted += any(h.alert for h in hits)
    n = len(queries)
    return {
        "n": n,
        "threshold": DEFAULT_ALERT_THRESHOLD,
        "false_alert_rate": round(alerted / n, 5),
        "any_hit_rate": round(with_hit / n, 5),
    }


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)

    return {
        "p50_ms": at(0.50),
        "p90_ms": at(0.90),
        "p99_ms": at(0.99),
        "mean_ms": round(statistics.fmean(ordered), 3),
    }


def latency(index: ScreeningIndex, warmup: list[Query], queries: list[Query]) -> dict[str, object]:
    for query in warmup:
        index.screen(query)
    wall, cpu = [], []
    for query in queries:
        start, start_cpu = time.perf_counter(), time.thread_time()
        index.screen(query)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return {
        "n": len(queries),
        "warmup_queries": len(warmup),
        **percentiles(wall),
        # The machine is shared: CPU time of the screening thread, without waiting for a core.
        "cpu_time": percentiles(cpu),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def batch_names(seed_queries: list[Query], size: int) -> list[Query]:
    """Distinct names mixed from the development names (given names x surnames, some typos)."""
    rng = random.Random(SEED)
    parts = [q.name.split() for q in seed_queries if len(q.name.split()) >= 2]
    firsts = [p[0] for p in parts]
    lasts = [p[-1] for p in parts]
    out = []
    for i in range(size):
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        if i % 5 == 0 and len(name) > 4:
            k = rng.randrange(len(name))
            name = name[:k] + name[k + 1 :]
        year = str(rng.randrange(1940, 2005)) if i % 2 else ""
        out.append(Query(name, "person", "", year))
    return out


_WORKER_INDEX: ScreeningIndex | None = None


def _screen_chunk(chunk: list[Query]) -> int:
    assert _WORKER_INDEX is not None
    lines = 0
    for query in chunk:
        hits = _WORKER_INDEX.screen(query)
        json.dumps({"id": lines, "hits": [h.as_dict() for h in hits]})
        lines += 1
    return lines


def batch(index: ScreeningIndex, queries: list[Query], workers: int) -> dict[str, object]:
    global _WORKER_INDEX
    _WORKER_INDEX = index
    load = os.getloadavg()[0]
    start, start_cpu = time.perf_counter(), time.process_time()
    if workers == 1:
        done = _screen_chunk(queries)
    else:
        chunks = [queries[i : i + 2000] for i in range(0, len(queries), 2000)]
        # fork: the workers share the loaded index pages with the parent.
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            done = sum(pool.imap_unordered(_screen_chunk, chunks))
    seconds = time.perf_counter() - start
    result: dict[str, object] = {
        "names": done,
        "workers": workers,
        "seconds": round(seconds, 2),
        "names_per_second": round(done / seconds),
        "load_average_1min_before": round(load, 2),
    }
    if workers == 1:
        # The machine is shared: the CPU time is what the batch itself costs.
        result["cpu_seconds"] = round(time.process_time() - start_cpu, 2)
    return result


def baseline(
    index: ScreeningIndex, sample: list[tuple[Query, set[str], str] | Query]
) -> dict[str, object]:
    """rapidfuzz WRatio of each query against every list name (no index), vs the engine."""
    all_names = index.name_text
    base_ms, engine_ms, base_cpu, engine_cpu = [], [], [], []
    un_right = un_right_engine = un_n = 0
    neg_alert = neg_alert_engine = neg_n = 0
    for item in sample:
        query, wanted = (item[0], item[1]) if isinstance(item, tuple) else (item, None)
        start, start_cpu = time.perf_counter(), time.thread_time()
        best = process.extractOne(query.name, all_names, scorer=fuzz.WRatio, processor=str.casefold)
        base_cpu.append((time.thread_time() - start_cpu) * 1000)
        base_ms.append((time.perf_counter() - start) * 1000)
        start, start_cpu = time.perf_counter(), time.thread_time()
        hits = index.screen(query)
        engine_cpu.append((time.thread_time() - start_cpu) * 1000)
        engine_ms.append((time.perf_counter() - start) * 1000)
        if wanted is not None:
            un_n += 1
            entity = index.entity(int(index.name_entity[best[2]])) if best else None
            un_right += bool(entity and entity.entity_id in wanted)
            un_hits = [h for h in hits if h.list_id == "un_sc"]
            un_right_engine += bool(un_hits and un_hits[0].entity_id in wanted)
        else:
            neg_n += 1
            neg_alert += bool(best and best[1] >= BASELINE_THRESHOLD)
            neg_alert_engine += any(h.alert for h in hits)
    return {
        "sample": len(sample),
        "list_names": len(all_names),
        "baseline_wratio_all_names": {
            **percentiles(base_ms),
            "cpu_time": percentiles(base_cpu),
            "un_top1": round(un_right / un_n, 4) if un_n else None,
            "false_alert_rate_at_90": round(neg_alert / neg_n, 4) if neg_n else None,
        },
        "engine_same_sample": {
            **percentiles(engine_ms),
            "cpu_time": percentiles(engine_cpu),
            "un_top1": round(un_right_engine / un_n, 4) if un_n else None,
            "false_alert_rate": round(neg_alert_engine / neg_n, 4) if neg_n else None,
        },
        "speedup_p50": round(
            statistics.median(base_ms) / max(statistics.median(engine_ms), 1e-9), 1
        ),
    }


def main() -> int:
    if not DEV.exists():
        print(f"development cases not found at {DEV}; nothing measured", file=sys.stderr)
        return 0
    report: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpus": multiprocessing.cpu_count()}
    }
    start = time.perf_counter()
    index = ScreeningIndex.build(load_shipped())
    report["index"] = {
        "build_seconds_from_files": round(time.perf_counter() - start, 2),
        "entities": index.entity_count,
        "names": len(index),
        "blocking_keys": len(index.key_hashes),
    }
    start = time.perf_counter()
    shipped_index()  # warms the on-disk cache if needed
    start = time.perf_counter()
    index = shipped_index()
    report["index"]["load_seconds_from_cache"] = round(time.perf_counter() - start, 3)  # type: ignore[index]
    print("index ready", report["index"], file=sys.stderr)

    cases = read_csv(DEV / "cases.csv")
    report["name_pairs"] = name_pairs(cases)
    print("pairs", report["name_pairs"]["overall"], file=sys.stderr)  # type: ignore[index]
    un = un_queries(cases)
    report["un_recall"] = un_recall(index, un)
    print("un", report["un_recall"], file=sys.stderr)
    negatives = negative_queries()
    report["false_alerts"] = false_alerts(index, negatives)
    print("negatives", report["false_alerts"], file=sys.stderr)

    # Latency as for queries never seen: the per-index and per-token caches are emptied.
    fresh = shipped_index()
    fresh.__setstate__(fresh.__getstate__())
    for cached in (analyze, phonetic_key, sound_key, token_similarity):
        cached.cache_clear()
    dev_queries = [q for q, _, _ in un] + [
        Query(x["query"], TYPES.get(x["entity_type"]))
        for x in cases
        if x["case_group"].startswith("nomenklatura")
    ]
    rng = random.Random(SEED)
    timed = dev_queries + rng.sample(negatives, 3000)
    warmup = batch_names(negatives, 500)
    report["latency_single_name"] = latency(fresh, warmup, timed)
    print("latency", report["latency_single_name"], file=sys.stderr)

    names = batch_names(negatives + dev_queries, BATCH_SIZE)
    report["batch_100k"] = [batch(index, names, 1), batch(index, names[::-1], 2)]
    print("batch", report["batch_100k"], file=sys.stderr)

    sample: list[tuple[Query, set[str], str] | Query] = list(un)
    sample += rng.sample(negatives, BASELINE_SAMPLE - len(sample))
    report["baseline"] = baseline(index, sample)
    print("baseline", report["baseline"], file=sys.stderr)

    latency_figures = report["latency_single_name"]
    batches = report["batch_100k"]
    report["targets"] = {
        "name_pair_f1": {"target": 0.85, "got": report["name_pairs"]["overall"]["f1"]},  # type: ignore[index]
        "un_recall_at_1": {"target": 0.99, "got": report["un_recall"]["recall_at_1"]},  # type: ignore[index]
        "false_alert_rate": {"target": 0.01, "got": report["false_alerts"]["false_alert_rate"]},  # type: ignore[index]
        "latency_p50_ms": {
            "target": 1.0,
            "got_wall": latency_figures["p50_ms"],  # type: ignore[index]
            "got_cpu": latency_figures["cpu_time"]["p50_ms"],  # type: ignore[index]
        },
        "latency_p99_ms": {
            "target": 5.0,
            "got_wall": latency_figures["p99_ms"],  # type: ignore[index]
            "got_cpu": latency_figures["cpu_time"]["p99_ms"],  # type: ignore[index]
        },
        "batch_100k_seconds": {
            "target": 60.0,
            "got_wall_one_process": batches[0]["seconds"],  # type: ignore[index]
            "got_wall_two_processes": batches[1]["seconds"],  # type: ignore[index]
            "got_cpu_one_process": batches[0]["cpu_seconds"],  # type: ignore[index]
        },
        "note": "wall times include waiting for a core on a shared machine (see load_average_*); "
        "cpu figures are the screening's own cost",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
