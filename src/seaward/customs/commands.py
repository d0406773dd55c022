"""Command-line entry points of the customs context (HS classification, landed cost)."""

from __future__ import annotations

import argparse
import importlib
import importlib.util

_COMMAND_MODULES = ("seaward.customs.hs_cli", "seaward.customs.landed_cost_cli")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name in _COMMAND_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).register(subparsers)
