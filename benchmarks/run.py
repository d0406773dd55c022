"""`make bench`: run every benchmark module in this folder; each writes results/<name>.json."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def main() -> int:
    RESULTS.mkdir(exist_ok=True)
    only = set(sys.argv[1:])
    failures = []
    summary = {}
    for script in sorted(HERE.glob("*.py")):
        if script.name == "run.py" or script.name.startswith("_"):
            continue
        if only and script.stem not in only:
            continue
        print(f"== {script.stem}", flush=True)
        started = time.monotonic()
        done = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        summary[script.stem] = {
            "exit_status": done.returncode,
            "seconds": round(time.monotonic() - started, 1),
        }
        if done.returncode != 0:
            failures.append(script.stem)
    (RESULTS / "_run.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
