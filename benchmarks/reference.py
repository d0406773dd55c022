"""Benchmark: wall time of `seaward load-reference` on a fresh SQLite database, then again.

Runs the real command in a subprocess against a temporary SEAWARD_DATA_DIR (migrated
first), so the figure is what an operator sees. Writes benchmarks/results/reference.json.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "reference.json"
SEAWARD = Path(sys.executable).with_name("seaward")
TARGET_SECONDS = 60.0


def run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    completed = subprocess.run(
        [str(SEAWARD), *args], env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr)
        raise SystemExit(f"seaward {' '.join(args)} failed with {completed.returncode}")
    return elapsed, completed.stdout


def per_data_set(stdout: str) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    return {
        row["key"]: {"status": row["status"], "rows": row["rows"], "seconds": row["seconds"]}
        for row in rows
    }


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="seaward-bench-ref-") as data_dir:
        env = {
            **os.environ,
            "SEAWARD_DATA_DIR": data_dir,
            "DEBUG": "0",
            "SECRET_KEY": "benchmark-only-secret-key-not-for-production",
            "DATABASE_URL": f"sqlite:///{data_dir}/seaward.sqlite3",
        }
        migrate_seconds, _ = run(["manage", "migrate", "--verbosity", "0"], env)
        first_seconds, first_out = run(["load-reference", "--no-progress"], env)
        second_seconds, second_out = run(["load-reference", "--no-progress"], env)
        database_bytes = (Path(data_dir) / "seaward.sqlite3").stat().st_size
    first = per_data_set(first_out)
    result = {
        "benchmark": "reference.load_reference",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "database": "SQLite (fresh file, migrated first; WAL)",
        "command": "seaward load-reference --no-progress",
        "target_seconds": TARGET_SECONDS,
        "migrate_seconds": round(migrate_seconds, 2),
        "first_run_seconds": round(first_seconds, 2),
        "second_run_seconds": round(second_seconds, 2),
        "first_run_within_target": first_seconds < TARGET_SECONDS,
        "rows_loaded": sum(int(str(v["rows"])) for v in first.values()),
        "database_megabytes": round(database_bytes / 1e6, 1),
        "first_run_data_sets": first,
        "second_run_data_sets": per_data_set(second_out),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(
        json.dumps(
            {
                k: result[k]
                for k in (
                    "first_run_seconds",
                    "second_run_seconds",
                    "rows_loaded",
                    "first_run_within_target",
                )
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
