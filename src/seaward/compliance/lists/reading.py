"""Bounded, strict reading of untrusted list files."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO

from seaward.compliance.errors import ListFileInvalid

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_FIELD_CHARS = 100_000
MAX_ROWS = 1_000_000
NULL = "-0-"


def read_limited(stream: IO[bytes] | IO[str], *, what: str, limit: int | None = None) -> bytes:
    """Read a whole file, refusing one larger than ``limit`` bytes (``MAX_FILE_BYTES``)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    data = stream.read(limit + 1)
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > limit:
        raise ListFileInvalid(f"file larger than {limit // (1024 * 1024)} MB", where=what)
    if not raw.strip():
        raise ListFileInvalid("file is empty", where=what)
    return raw


def decode(raw: bytes, *, what: str, fallback: str | None = None) -> str:
    """UTF-8 text (BOM and DOS end-of-file marker dropped); ``fallback`` for legacy files."""
    raw = raw.removeprefix(b"\xef\xbb\xbf").rstrip(b"\x1a\r\n ") + b"\n"
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise ListFileInvalid(
            "NUL byte: not a text file (or a UTF-16 file)", where=f"{what} line {line}"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if fallback is None:
            line = raw[: exc.start].count(b"\n") + 1
            raise ListFileInvalid("not UTF-8 text", where=f"{what} line {line}") from exc
        return raw.decode(fallback)


def csv_rows(
    text: str, *, what: str, delimiter: str = ",", widths: tuple[int, ...] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """Rows with their line numbers; a wrong field count or open quote is an error."""
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    count = 0
    try:
        for row in reader:
            line = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            count += 1
            if count > MAX_ROWS:
                raise ListFileInvalid(f"more than {MAX_ROWS} rows", where=f"{what} line {line}")
            if widths is not None and len(row) not in widths:
                expected = " or ".join(str(w) for w in widths)
                raise ListFileInvalid(
                    f"{len(row)} fields, expected {expected} (truncated or not this format)",
                    where=f"{what} line {line}",
                )
            yield line, row
    except csv.Error as exc:
        raise ListFileInvalid(f"bad CSV ({exc})", where=f"{what} line {reader.line_num}") from exc


def cell(value: str) -> str:
    """A cell's value with OFAC's ``-0-`` null marker read as empty."""
    value = value.strip()
    return "" if value == NULL else value
