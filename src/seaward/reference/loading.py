"""Loading reference data sets into the database: a registry of loaders, idempotent runs.

A data set is loaded when its fingerprint (a SHA-256 of its shipped files plus the
loader's version) differs from the one recorded in ``DataSet.checksum``; it is
then replaced as a whole inside one transaction, so a crash leaves the previous
version in place. Unchanged data sets are skipped, so a second run is quick.

Other contexts add their own data sets with ``register_loader`` (the compliance
context registers its sanctions lists this way) and ``seaward load-reference``
loads them too.
"""

from __future__ import annotations

import hashlib
import lzma
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from io import TextIOWrapper
from pathlib import Path
from typing import IO, Any, Protocol

from seaward.reference import datafiles

BATCH_SIZE = 5000
_PLAIN_TYPES = frozenset(
    {
        "CharField",
        "TextField",
        "SlugField",
        "BooleanField",
        "IntegerField",
        "SmallIntegerField",
        "BigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "FloatField",
        "ForeignKey",
    }
)


class DataFiles(Protocol):
    """Where a loader reads its files from (the shipped package data, or a test folder)."""

    def open_text(self, relative: str) -> IO[str]: ...

    def fingerprint(self, relatives: Sequence[str]) -> str: ...

    def source_note(self, folder: str) -> str: ...


class ShippedFiles:
    """The data shipped (xz-compressed) inside the package."""

    def open_text(self, relative: str) -> IO[str]:
        return datafiles.open_text(relative)

    def fingerprint(self, relatives: Sequence[str]) -> str:
        digest = hashlib.sha256()
        for relative in relatives:
            digest.update(relative.encode())
            digest.update(datafiles.path_of(relative).read_bytes())
        return digest.hexdigest()

    def source_note(self, folder: str) -> str:
        try:
            return datafiles.source_note(folder)
        except FileNotFoundError:
            return ""


class DirectoryFiles:
    """Data files under ``root`` (plain or ``.xz``), laid out like the shipped data."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, relative: str) -> Path:
        for candidate in (self.root / f"{relative}.xz", self.root / relative):
            if candidate.exists():
                return candidate
        raise datafiles.DataFileMissing(f"reference data file not found: {relative}")

    def open_text(self, relative: str) -> IO[str]:
        path = self._path(relative)
        if path.suffix == ".xz":
            return TextIOWrapper(lzma.open(path, "rb"), encoding="utf-8", newline="")
        return path.open(encoding="utf-8", newline="")

    def fingerprint(self, relatives: Sequence[str]) -> str:
        digest = hashlib.sha256()
        for relative in relatives:
            digest.update(relative.encode())
            digest.update(self._path(relative).read_bytes())
        return digest.hexdigest()

    def source_note(self, folder: str) -> str:
        note = self.root / folder / "SOURCE.txt"
        return note.read_text(encoding="utf-8") if note.exists() else ""


@dataclass(frozen=True)
class LoadContext:
    """What a loader gets: its files and a way to report progress in rows."""

    files: DataFiles
    advance: Callable[[int], None] = lambda rows: None


@dataclass(frozen=True)
class LoadResult:
    """What a loader reports; dates and editions found in the data override the static ones."""

    row_count: int
    publication_date: date | None = None
    edition: str | None = None


@dataclass(frozen=True)
class DataSetLoader:
    key: str
    name: str
    load: Callable[[LoadContext], LoadResult]
    files: tuple[str, ...] = ()
    folder: str = ""
    attribution: str = ""
    licence: str = ""
    edition: str = ""
    publication_date: date | None = None
    version: str = "1"
    extra_fingerprint: Callable[[], str] | None = None
    estimated_rows: int = 0
    order: int = 100


@dataclass(frozen=True)
class LoadOutcome:
    key: str
    status: str  # "loaded" or "unchanged"
    row_count: int
    seconds: float


_registry: dict[str, DataSetLoader] = {}


def register_loader(
    key: str,
    load: Callable[[LoadContext], LoadResult],
    *,
    name: str,
    files: Iterable[str] = (),
    folder: str = "",
    attribution: str = "",
    licence: str = "",
    edition: str = "",
    publication_date: date | None = None,
    version: str = "1",
    extra_fingerprint: Callable[[], str] | None = None,
    estimated_rows: int = 0,
    order: int = 100,
) -> DataSetLoader:
    """Add a data set to ``seaward load-reference`` (replacing one with the same key).

    ``load`` replaces the data set's rows (``replace_rows`` does it efficiently) and
    returns a ``LoadResult``; it runs inside the data set's transaction. ``files``
    are the data files whose content decides whether a reload is needed; bump
    ``version`` when the loader's own logic changes.
    """
    loader = DataSetLoader(
        key=key,
        name=name,
        load=load,
        files=tuple(files),
        folder=folder,
        attribution=attribution,
        licence=licence,
        edition=edition,
        publication_date=publication_date,
        version=version,
        extra_fingerprint=extra_fingerprint,
        estimated_rows=estimated_rows,
        order=order,
    )
    _registry[key] = loader
    return loader


def registered() -> list[DataSetLoader]:
    """Every registered data set loader, the built-in ones first."""
    import seaward.reference.datasets  # noqa: F401  (registers the built-in data sets)

    return sorted(_registry.values(), key=lambda loader: (loader.order, loader.key))


def fingerprint(loader: DataSetLoader, files: DataFiles) -> str:
    digest = hashlib.sha256(f"{loader.key}:{loader.version}:".encode())
    digest.update(files.fingerprint(loader.files).encode())
    if loader.extra_fingerprint is not None:
        digest.update(loader.extra_fingerprint().encode())
    return digest.hexdigest()


# --- database side ----------------------------------------------------------------------------
def replace_rows(
    model: Any,
    rows: Iterable[dict[str, Any]],
    advance: Callable[[int], None] = lambda rows: None,
    *,
    clear: bool = True,
) -> int:
    """Delete every row of ``model`` and insert ``rows`` (dicts keyed by field attname).

    Plain ``executemany`` in batches: the ORM's per-instance work would dominate
    the 350 000 rows of a full load. Dates, decimals and JSON still go through their
    field's ``get_db_prep_save`` so both SQLite and PostgreSQL get what they expect.
    """
    from django.db import DEFAULT_DB_ALIAS, connections

    # The wrapper itself, not the thread-local proxy: a proxy lookup per value adds seconds.
    connection = connections[DEFAULT_DB_ALIAS]
    opts = model._meta
    fields = [f for f in opts.concrete_fields if not (f.primary_key and f.auto_created)]
    table = connection.ops.quote_name(opts.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    defaults = [f.get_default() for f in fields]
    pairs = list(zip([f.attname for f in fields], defaults, strict=True))
    # Text, integer, boolean and float values go to the driver as they are; only the
    # other types (dates, decimals, JSON) need the field's own conversion.
    converters = [
        (index, field)
        for index, field in enumerate(fields)
        if field.get_internal_type() not in _PLAIN_TYPES
    ]
    total = 0
    with connection.cursor() as cursor:
        if clear:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        for batch in _batches(rows, BATCH_SIZE):
            params = []
            for row in batch:
                values = [row.get(name, default) for name, default in pairs]
                for index, field in converters:
                    values[index] = field.get_db_prep_save(values[index], connection)
                params.append(values)
            cursor.executemany(sql, params)
            total += len(batch)
            advance(len(batch))
    return total


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def load_reference(
    *,
    only: Sequence[str] | None = None,
    files: DataFiles | None = None,
    progress: bool = True,
    force: bool = False,
) -> list[LoadOutcome]:
    """Load every registered data set whose files changed (or those in ``only``)."""
    from django.db import transaction
    from django.utils import timezone
    from tqdm import tqdm

    from seaward.core.errors import DomainError, InvalidInput
    from seaward.reference.errors import DataSetLoadFailed
    from seaward.reference.models import DataSet

    files = files or ShippedFiles()
    loaders = registered()
    if only:
        unknown = sorted(set(only) - {loader.key for loader in loaders})
        if unknown:
            raise InvalidInput(
                "Unknown data set: %(keys)s. Known: %(known)s.",
                code="unknown_data_set",
                field="only",
                params={
                    "keys": ", ".join(unknown),
                    "known": ", ".join(loader.key for loader in loaders),
                },
            )
        loaders = [loader for loader in loaders if loader.key in only]
    outcomes = []
    for loader in loaders:
        started = time.perf_counter()
        checksum = fingerprint(loader, files)
        current = DataSet.objects.filter(key=loader.key).first()
        if not force and current is not None and current.checksum == checksum:
            outcomes.append(
                LoadOutcome(
                    loader.key, "unchanged", current.row_count, time.perf_counter() - started
                )
            )
            continue
        bar = tqdm(
            total=loader.estimated_rows or None,
            desc=loader.key,
            unit=" rows",
            file=sys.stderr,
            disable=not progress,
            leave=True,
            dynamic_ncols=True,
        )
        try:
            with transaction.atomic():
                try:
                    result = loader.load(LoadContext(files=files, advance=bar.update))
                except DomainError:
                    raise
                except Exception as exc:
                    raise DataSetLoadFailed(
                        params={"key": loader.key, "problem": f"{type(exc).__name__}: {exc}"},
                        details={"key": loader.key},
                    ) from exc
                DataSet.objects.update_or_create(
                    key=loader.key,
                    defaults={
                        "name": loader.name,
                        "attribution": loader.attribution,
                        "source": files.source_note(loader.folder) if loader.folder else "",
                        "licence": loader.licence,
                        "edition": result.edition or loader.edition,
                        "publication_date": result.publication_date or loader.publication_date,
                        "row_count": result.row_count,
                        "checksum": checksum,
                        "loaded_at": timezone.now(),
                    },
                )
        finally:
            bar.total = bar.n
            bar.close()
        outcomes.append(
            LoadOutcome(loader.key, "loaded", result.row_count, time.perf_counter() - started)
        )
    return outcomes
