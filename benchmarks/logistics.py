"""Container loading benchmark (issue 8): `seaward load-plan` on Bischoff & Ratcliff BR1–BR7.

Measures, per class, the mean volume utilisation, the wall time of the command per instance
(Python start-up included) and feasibility, checked by the independent verifier of
tests/logistics (inside, no overlap, allowed orientations, quantities, full base support).
Compares on a fixed sample of 10 instances with the `py3dbp` package, whose run is capped
(PY3DBP_CAP_S per instance; it packs item by item, so a capped run reports what it had placed).
Writes benchmarks/results/logistics.json.

Usage: .venv/bin/python benchmarks/logistics.py [--per-class N] [--py3dbp-cap S]
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "data" / "eval-dev" / "container_loading"
RESULTS = ROOT / "benchmarks" / "results" / "logistics.json"
CLASSES = [f"BR{k}" for k in range(1, 8)]
PER_CLASS = 6
SAMPLE_SEED, SAMPLE_SIZE = 8, 10
PY3DBP_CAP_S = 20.0
KEYS = ("xyz", "yxz", "zyx", "xzy", "zxy", "yzx")
AXIS = {"x": 0, "y": 1, "z": 2}

sys.path.insert(0, str(ROOT))
from tests.logistics.verifier import Kind, check_plan  # noqa: E402


def seaward_command() -> list[str]:
    script = Path(sys.executable).parent / "seaward"
    return [str(script)] if script.exists() else [sys.executable, "-m", "seaward.cli"]


def verify(instance: dict, boxes: list[tuple]) -> tuple[bool, float, list[str], bool]:
    """Feasible, utilisation, first problems, and feasible when support is not required."""
    m = instance["large_object"]["measurement"]
    container = (m["x"], m["y"], m["z"])
    kinds = []
    for item in instance["small_items"]:
        d = item["measurement"]
        own = (d["x"], d["y"], d["z"])
        flags = (item.get("constraint") or {}).get("orientation") or dict.fromkeys(KEYS, True)
        allowed = {tuple(own[AXIS[a]] for a in k) for k, ok in flags.items() if ok}
        kinds.append(Kind(allowed=allowed, quantity=item["quantity"]))
    report = check_plan(container, kinds, boxes)
    used = sum(b[4] * b[5] * b[6] for b in boxes) / (container[0] * container[1] * container[2])
    unsupported = [p for p in report.problems if "supported" in p]
    without_support = len(unsupported) == len(report.problems)
    return report.ok, used, report.problems[:3], without_support


def run_seaward(path: Path, instance: dict) -> dict:
    started = time.monotonic()
    done = subprocess.run(
        [*seaward_command(), "load-plan", "--input", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        return {
            "seconds": round(seconds, 2),
            "feasible": False,
            "utilization": 0.0,
            "error": done.stderr.strip()[-300:],
        }
    plan = json.loads(done.stdout)
    boxes = [
        (p["item"], p["x"], p["y"], p["z"], p["dx"], p["dy"], p["dz"]) for p in plan["placements"]
    ]
    ok, used, problems, _ = verify(instance, boxes)
    return {
        "seconds": round(seconds, 2),
        "feasible": ok,
        "utilization": round(used if ok else 0.0, 4),
        "claimed_utilization": plan["utilization"],
        "boxes_placed": len(boxes),
        "problems": problems,
    }


def py3dbp_worker(path: str) -> None:
    """Pack one instance with py3dbp item by item, printing each placed item at once."""
    from py3dbp import Bin, Item, Packer

    instance = json.loads(Path(path).read_text())
    m = instance["large_object"]["measurement"]
    packer = Packer()
    box = Bin("container", m["x"], m["y"], m["z"], 10**12)
    packer.add_bin(box)
    for k, item in enumerate(instance["small_items"]):
        d = item["measurement"]
        for n in range(item["quantity"]):
            packer.add_item(Item(f"{k}:{n}", d["x"], d["y"], d["z"], 1))
    for obj in [box, *packer.items]:
        obj.format_numbers(0)
    packer.items.sort(key=lambda it: it.get_volume(), reverse=True)  # bigger_first, as pack()
    for it in packer.items:
        before = len(box.items)
        packer.pack_to_bin(box, it)
        if len(box.items) > before:
            x, y, z = (float(v) for v in it.position)
            dx, dy, dz = (float(v) for v in it.get_dimension())
            kind = int(it.name.split(":")[0])
            print(json.dumps([kind, x, y, z, dx, dy, dz]), flush=True)


def run_py3dbp(path: Path, instance: dict, cap: float) -> dict:
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--py3dbp-worker", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        out, _ = proc.communicate(timeout=cap)
        finished = proc.returncode == 0
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        finished = False
    seconds = time.monotonic() - started
    boxes = [tuple(json.loads(line)) for line in out.splitlines() if line.strip()]
    ok, used, problems, without_support = verify(instance, boxes)
    return {
        "seconds": round(seconds, 2),
        "finished_within_cap": finished,
        "feasible_ignoring_support": without_support,
        "boxes_placed": len(boxes),
        "utilization_placed": round(used, 4),
        "feasible_for_instance_rules": ok,
        "problems": problems,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-class", type=int, default=PER_CLASS)
    parser.add_argument("--py3dbp-cap", type=float, default=PY3DBP_CAP_S)
    parser.add_argument("--py3dbp-worker")
    args = parser.parse_args()
    if args.py3dbp_worker:
        py3dbp_worker(args.py3dbp_worker)
        return 0
    if not (DEV / "instances.csv").exists():
        print("development instances not found (../shared/data/eval-dev)", file=sys.stderr)
        return 1
    rows = {r["instance"]: r for r in csv.DictReader((DEV / "instances.csv").open())}

    def number(name: str) -> int:
        return int(name.split("-")[1])

    per_class: dict[str, dict] = {}
    instances = []
    for cls in CLASSES:
        names = sorted((n for n in rows if n.split("-")[0] == cls), key=number)[: args.per_class]
        results = []
        for name in names:
            path = DEV / rows[name]["file"]
            res = run_seaward(path, json.loads(path.read_text()))
            res.update(instance=name, upper_bound=float(rows[name]["utilization_upper_bound"]))
            print(
                f"{name}: {res['utilization']:.4f} in {res['seconds']:.2f} s, "
                f"feasible {res['feasible']}",
                file=sys.stderr,
                flush=True,
            )
            results.append(res)
        instances += results
        utils = [r["utilization"] for r in results]
        per_class[cls] = {
            "instances": [r["instance"] for r in results],
            "mean_utilization": round(statistics.mean(utils), 4),
            "min_utilization": round(min(utils), 4),
            "feasible": sum(r["feasible"] for r in results),
            "mean_seconds": round(statistics.mean(r["seconds"] for r in results), 2),
            "max_seconds": max(r["seconds"] for r in results),
        }
    all_utils = [r["utilization"] for r in instances]
    overall = {
        "instances": len(instances),
        "mean_utilization": round(statistics.mean(all_utils), 4),
        "feasible": sum(r["feasible"] for r in instances),
        "mean_seconds": round(statistics.mean(r["seconds"] for r in instances), 2),
        "max_seconds": max(r["seconds"] for r in instances),
    }
    overall["target_met"] = (
        overall["mean_utilization"] >= 0.90
        and overall["feasible"] == len(instances)
        and overall["max_seconds"] <= 5.0
    )

    pool = sorted(
        (n for n in rows if n.split("-")[0] in CLASSES), key=lambda n: (n.split("-")[0], number(n))
    )
    sample = sorted(random.Random(SAMPLE_SEED).sample(pool, SAMPLE_SIZE))
    comparison = []
    for name in sample:
        path = DEV / rows[name]["file"]
        instance = json.loads(path.read_text())
        ours = run_seaward(path, instance)
        theirs = run_py3dbp(path, instance, args.py3dbp_cap)
        print(
            f"{name}: seaward {ours['utilization']:.4f} ({ours['seconds']:.1f} s), py3dbp "
            f"{theirs['utilization_placed']:.4f} ({theirs['seconds']:.1f} s, finished "
            f"{theirs['finished_within_cap']})",
            file=sys.stderr,
            flush=True,
        )
        comparison.append({"instance": name, "seaward": ours, "py3dbp": theirs})
    result = {
        "benchmark": "container loading (issue 8): seaward load-plan on BR1-BR7",
        "command": "seaward load-plan --input FILE.json --json (default time limit)",
        "support_rule": "full base support (ADR 0017)",
        "selection": f"first {args.per_class} instances by number of each class BR1-BR7",
        "target": "mean utilisation >= 0.90, all feasible, <= 5 s per instance",
        "overall": overall,
        "per_class": per_class,
        "instances": instances,
        "py3dbp_comparison": {
            "sample": f"{SAMPLE_SIZE} instances drawn from BR1-BR7 with seed {SAMPLE_SEED}",
            "py3dbp_cap_seconds": args.py3dbp_cap,
            "py3dbp_notes": (
                "py3dbp 1.1.2, items bigger first as its pack() does, packed item by item so that "
                "a run stopped at the cap reports what it had placed. It knows no support rule and "
                "no orientation flags; its plans go through the same verifier "
                "(feasible_for_instance_rules: support included; feasible_ignoring_support: "
                "the same without the support rule)."
            ),
            "mean_seaward_utilization": round(
                statistics.mean(c["seaward"]["utilization"] for c in comparison), 4
            ),
            "mean_py3dbp_utilization_placed": round(
                statistics.mean(c["py3dbp"]["utilization_placed"] for c in comparison), 4
            ),
            "py3dbp_finished_within_cap": sum(
                c["py3dbp"]["finished_within_cap"] for c in comparison
            ),
            "py3dbp_feasible": sum(c["py3dbp"]["feasible_for_instance_rules"] for c in comparison),
            "py3dbp_feasible_ignoring_support": sum(
                c["py3dbp"]["feasible_ignoring_support"] for c in comparison
            ),
            "rows": comparison,
        },
        "machine": {
            "python": platform.python_version(),
            "cpus": 2,
            "note": "shared 2-core machine; wall times include other users' load",
        },
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(
        json.dumps(
            {
                "overall": overall,
                "per_class": {k: v["mean_utilization"] for k, v in per_class.items()},
                "py3dbp": {k: v for k, v in result["py3dbp_comparison"].items() if k != "rows"},
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
