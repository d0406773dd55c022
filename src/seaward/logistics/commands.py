"""Command-line entry points of the logistics context (container loading plans)."""

from __future__ import annotations

import argparse
import json
import sys

DEFAULT_TIME_LIMIT = 3.0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "load-plan",
        help="plan the loading of boxes into a container (packing instance JSON)",
        description=(
            "Read a packing instance (large_object / small_items JSON) and print a feasible "
            "loading plan: placed boxes only, positions and placed dimensions in the "
            "instance's units, z vertical, every box fully supported from below."
        ),
    )
    parser.add_argument("--input", required=True, help="instance file (JSON); - for stdin")
    parser.add_argument("--json", action="store_true", help="print the plan as one JSON object")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        help=f"search time in seconds (default {DEFAULT_TIME_LIMIT})",
    )
    parser.set_defaults(func=_load_plan)


def _load_plan(args: argparse.Namespace) -> int:
    from seaward.logistics.errors import LogisticsError
    from seaward.logistics.instances import plan_instance

    try:
        if args.input == "-":
            doc = json.load(sys.stdin)
        else:
            with open(args.input, encoding="utf-8") as handle:
                doc = json.load(handle)
    except OSError as exc:
        print(f"load-plan: cannot read {args.input}: {exc.strerror}", file=sys.stderr)
        return 2
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        print(f"load-plan: {args.input} is not valid JSON: {exc}", file=sys.stderr)
        return 2
    try:
        plan = plan_instance(doc, time_limit=max(0.0, args.time_limit))
    except LogisticsError as exc:
        print(f"load-plan: {exc.message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(plan.as_json(), separators=(",", ":")))
    else:
        n = len(plan.placements)
        print(f"{n} boxes placed, volume utilisation {plan.utilization:.4f}")
    return 0
