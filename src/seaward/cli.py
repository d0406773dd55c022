"""The ``seaward`` command: one entry point for operators.

Each bounded context may contribute subcommands through a module
``seaward.<context>.commands`` exposing ``register(subparsers)``; the parser
attaches ``func`` (called with the parsed namespace, returning an exit code).
Contract commands print only JSON on stdout; progress and logs go to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from collections.abc import Sequence

CONTEXTS = (
    "core",
    "organizations",
    "reference",
    "catalog",
    "fair",
    "sales",
    "customs",
    "compliance",
    "logistics",
    "ledger",
    "finance",
    "crm",
    "analytics",
)


def django_setup() -> None:
    """Configure Django for commands that need the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "seaward.settings")
    import django

    django.setup()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seaward", description="Seaward — export operating system (command line)."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for context in CONTEXTS:
        module_name = f"seaward.{context}.commands"
        if importlib.util.find_spec(f"seaward.{context}") is None:
            continue
        if importlib.util.find_spec(module_name) is None:
            continue
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # `seaward manage ...` passes everything after it through to Django untouched.
    if args_list and args_list[0] == "manage":
        django_setup()
        from django.core.management import execute_from_command_line

        execute_from_command_line(["seaward manage", *args_list[1:]])
        return 0
    parser = build_parser()
    args = parser.parse_args(args_list)
    result = args.func(args)
    return int(result or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
