"""Fixtures: a tiny excerpt of the reference data, loaded through the real loaders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def tiny_data(tmp_path: Path) -> Path:
    """A writable copy of the tiny data folder (tests may change a file)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def reference_data(db, tiny_data):  # type: ignore[no-untyped-def]
    """Load every built-in data set from the tiny folder; returns the folder."""
    from seaward.reference.datasets import BUILTIN_KEYS
    from seaward.reference.loading import DirectoryFiles, load_reference

    load_reference(files=DirectoryFiles(tiny_data), progress=False, only=BUILTIN_KEYS)
    return tiny_data
