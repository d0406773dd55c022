"""Command-line entry points of the compliance context (restricted-party screening)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from seaward.compliance.screen_cli import register as register_screen
    from seaward.compliance.screening_cli import register as register_screening

    register_screen(subparsers)
    register_screening(subparsers)
