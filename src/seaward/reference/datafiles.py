"""Access to the reference data shipped (xz-compressed) inside the package.

No Django import: pure core modules read their data through this module.
"""

from __future__ import annotations

import lzma
from collections.abc import Iterator
from io import TextIOWrapper
from pathlib import Path
from typing import IO

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataFileMissing(FileNotFoundError):
    """A reference data file the code expects is not shipped."""


def path_of(relative: str) -> Path:
    """The on-disk path of a shipped data file, compressed (``.xz``) or plain."""
    plain = DATA_DIR / relative
    compressed = DATA_DIR / f"{relative}.xz"
    if compressed.exists():
        return compressed
    if plain.exists():
        return plain
    raise DataFileMissing(f"reference data file not shipped: {relative}")


def open_text(relative: str, encoding: str = "utf-8") -> IO[str]:
    """Open a shipped data file as text, decompressing ``.xz`` transparently."""
    path = path_of(relative)
    if path.suffix == ".xz":
        return TextIOWrapper(lzma.open(path, "rb"), encoding=encoding, newline="")
    return path.open(encoding=encoding, newline="")


def read_bytes(relative: str) -> bytes:
    """The whole content of a shipped data file, decompressed."""
    path = path_of(relative)
    if path.suffix == ".xz":
        return lzma.decompress(path.read_bytes())
    return path.read_bytes()


def source_note(folder: str) -> str:
    """The SOURCE.txt attribution of a shipped data set folder."""
    return (DATA_DIR / folder / "SOURCE.txt").read_text(encoding="utf-8")


def iter_files(folder: str) -> Iterator[str]:
    """Relative names (without ``.xz``) of the data files in a folder."""
    for path in sorted((DATA_DIR / folder).rglob("*")):
        if path.is_file():
            rel = path.relative_to(DATA_DIR).as_posix()
            yield rel[:-3] if rel.endswith(".xz") else rel
