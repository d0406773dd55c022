"""List snapshots in the database: importing parsed lists, diffs, and the screening indexes.

A new publication of a list becomes a new ``ListSnapshot`` (the previous one of the same
list is superseded) with a ``ListDiff`` of the entries added, changed and removed; an
entry "changed" when its hash (type, names, countries, birth dates, identifiers,
programs) differs. A file that does not parse is rejected before anything is written,
so the snapshot in force stays in force. An import that changed entries enqueues the
delta re-screening of every organization's counterparties.

The screening index the app uses is built from the active snapshots (not from the
shipped files), so an imported list is screened against as soon as it is in force; it
is cached in process and on disk under a key naming the snapshots it was built from
(see docs/adr/0011-compliance-workflow.md).
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import lzma
import os
import pickle
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from django.db import transaction
from django.utils import timezone

from seaward.compliance import entities as engine
from seaward.compliance.errors import ListFileInvalid
from seaward.compliance.index import CACHE_VERSION, ScreeningIndex, cache_dir
from seaward.compliance.lists import (
    parse_bis_dpl,
    parse_ofac_legacy,
    parse_trade_csl,
    parse_un_xml,
)
from seaward.compliance.lists.reading import MAX_FILE_BYTES
from seaward.compliance.models import ListDiff, ListEntry, ListSnapshot
from seaward.compliance.workflow_errors import UnknownList

OFAC_LISTS = ("us_ofac_sdn", "us_ofac_cons")
MAX_ENTITY_ID = 80
MAX_NAME = 1000
ENTRY_BATCH = 2000
# Below this many names an index builds in well under a second: not worth a disk file.
DISK_CACHE_MIN_NAMES = 5000


# --- entries and hashes -------------------------------------------------------------------
def entry_hash(entity: engine.ListEntity) -> str:
    """A hash of what screening and review look at; a change of it re-opens decisions."""
    content = [
        entity.entity_type,
        sorted([n.text, n.strong, n.kind] for n in entity.names),
        sorted(entity.countries),
        sorted(entity.birth_dates),
        sorted([i.kind, i.value, i.country] for i in entity.identifiers),
        sorted(entity.programs),
    ]
    raw = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _entry(snapshot: ListSnapshot, entity: engine.ListEntity) -> ListEntry:
    return ListEntry(
        snapshot=snapshot,
        entity_id=entity.entity_id,
        entity_type=entity.entity_type,
        primary_name=entity.primary_name[:MAX_NAME],
        names=[[n.text, n.strong, n.kind] for n in entity.names],
        countries=list(entity.countries),
        birth_dates=list(entity.birth_dates),
        identifiers=[[i.kind, i.value, i.country] for i in entity.identifiers],
        programs=list(entity.programs),
        remarks=entity.remarks,
        entry_hash=entry_hash(entity),
    )


def entity_of(entry: ListEntry, list_id: str) -> engine.ListEntity:
    """The engine's view of a stored entry."""
    return engine.ListEntity(
        list_id=list_id,
        entity_id=entry.entity_id,
        entity_type=entry.entity_type,
        names=tuple(engine.EntityName(t, bool(s), k) for t, s, k in entry.names),
        countries=tuple(entry.countries),
        birth_dates=tuple(entry.birth_dates),
        identifiers=tuple(engine.Identifier(k, v, c) for k, v, c in entry.identifiers),
        programs=tuple(entry.programs),
        remarks=entry.remarks,
    )


def _validate(parsed: engine.ListSnapshot) -> dict[str, str]:
    if parsed.list_id not in engine.LIST_IDS:
        raise UnknownList(params={"list": parsed.list_id, "known": ", ".join(engine.LIST_IDS)})
    hashes: dict[str, str] = {}
    for position, entity in enumerate(parsed.entities, 1):
        if not entity.entity_id or len(entity.entity_id) > MAX_ENTITY_ID:
            raise ListFileInvalid(
                f"entity id {entity.entity_id[:40]!r} is empty or too long",
                where=f"entry #{position}",
            )
        if entity.entity_id in hashes:
            raise ListFileInvalid(
                f"entity id {entity.entity_id} appears twice", where=f"entry #{position}"
            )
        hashes[entity.entity_id] = entry_hash(entity)
    if not hashes:
        raise ListFileInvalid("no entries", where="list")
    return hashes


def content_checksum(hashes: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for entity_id in sorted(hashes):
        digest.update(f"{entity_id}\t{hashes[entity_id]}\n".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class ImportOutcome:
    snapshot: ListSnapshot
    status: str  # "loaded" or "unchanged"
    added: int
    changed: int
    removed: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "list": self.snapshot.list_id,
            "status": self.status,
            "snapshot": self.snapshot.pk,
            "published": self.snapshot.published.isoformat() if self.snapshot.published else None,
            "entities": self.snapshot.entity_count,
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
            "checksum": self.snapshot.checksum,
        }


def snapshot_store(
    parsed: engine.ListSnapshot,
    *,
    file_checksum: str = "",
    loaded_by: str = "",
    rescreen: bool = True,
) -> ImportOutcome:
    """Put a parsed list in force, superseding the current snapshot of that list.

    Content identical to the snapshot in force changes nothing (status "unchanged").
    """
    hashes = _validate(parsed)
    checksum = content_checksum(hashes)
    with transaction.atomic():
        current = (
            ListSnapshot.objects.select_for_update()
            .filter(list_id=parsed.list_id, status=ListSnapshot.Status.ACTIVE)
            .first()
        )
        if current is not None and current.checksum == checksum:
            return ImportOutcome(current, "unchanged", 0, 0, 0)
        previous: dict[str, str] = (
            dict(current.entries.values_list("entity_id", "entry_hash")) if current else {}
        )
        added = sorted(set(hashes) - set(previous))
        removed = sorted(set(previous) - set(hashes))
        changed = sorted(k for k in set(hashes) & set(previous) if hashes[k] != previous[k])
        if current is not None:
            current.status = ListSnapshot.Status.SUPERSEDED
            current.save(update_fields=["status"])
        counts = parsed.counts
        snapshot = ListSnapshot.objects.create(
            list_id=parsed.list_id,
            source=parsed.source[:300],
            published=parsed.published,
            entity_count=counts["entities"],
            name_count=counts["names"],
            counts=counts,
            checksum=checksum,
            file_checksum=file_checksum,
            status=ListSnapshot.Status.ACTIVE,
            loaded_at=timezone.now(),
            loaded_by=loaded_by[:200],
            previous=current,
        )
        ListEntry.objects.bulk_create(
            (_entry(snapshot, e) for e in parsed.entities), batch_size=ENTRY_BATCH
        )
        ListDiff.objects.create(
            snapshot=snapshot, previous=current, added=added, changed=changed, removed=removed
        )
        if rescreen and (added or changed or removed):
            from seaward.compliance.tasks import rescreen_after_list_update

            # Enqueued inside the transaction: the database backend stores the task with
            # the snapshot (both or neither), the immediate backend (tests) runs it now.
            rescreen_after_list_update.enqueue(snapshot.pk)
    forget_indexes()
    return ImportOutcome(snapshot, "loaded", len(added), len(changed), len(removed))


# --- files ----------------------------------------------------------------------------------
def _read(path: Path) -> bytes:
    if not path.is_file():
        raise ListFileInvalid("file not found", where=str(path))
    try:
        if path.suffix == ".xz":
            with lzma.open(path, "rb") as stream:
                data = stream.read(MAX_FILE_BYTES + 1)
        else:
            with path.open("rb") as stream:
                data = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, lzma.LZMAError) as exc:
        raise ListFileInvalid(f"cannot read the file ({exc})", where=str(path)) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ListFileInvalid(f"file larger than {MAX_FILE_BYTES // 2**20} MB", where=str(path))
    return data


def _sibling(main: Path, stem: str) -> Path | None:
    for name in (f"{stem}.csv", f"{stem}.csv.xz"):
        candidate = main.parent / name
        if candidate.is_file():
            return candidate
    return None


def ofac_siblings(main: Path) -> dict[str, Path | None]:
    """The add, alt and comments files beside an OFAC main file (sdn.csv or cons_prim.csv)."""
    stem = main.name.removesuffix(".xz").removesuffix(".csv")
    if stem.endswith("prim"):
        prefix, comments = stem[: -len("prim")], f"{stem[: -len('prim')]}comments"
    elif stem.endswith("sdn"):
        prefix = stem[: -len("sdn")]
        comments = f"{prefix}sdn_comments"
    else:
        return {"add": None, "alt": None, "comments": None}
    return {
        "add": _sibling(main, f"{prefix}add"),
        "alt": _sibling(main, f"{prefix}alt"),
        "comments": _sibling(main, comments),
    }


@dataclass(frozen=True)
class ParsedFile:
    snapshot: engine.ListSnapshot
    file_checksum: str


def parse_list_files(
    list_id: str,
    main: Path,
    *,
    add: Path | None = None,
    alt: Path | None = None,
    comments: Path | None = None,
    published: date | None = None,
    source: str = "",
    discover: bool = True,
) -> ParsedFile:
    """Parse a list file (and, for OFAC, its add/alt/comments files) without writing."""
    if list_id not in engine.LIST_IDS:
        raise UnknownList(params={"list": list_id, "known": ", ".join(engine.LIST_IDS)})
    main = Path(main)
    raw = _read(main)
    digest = hashlib.sha256(raw)
    source = source or f"import {main.name}"

    def stream(data: bytes) -> IO[bytes]:
        return io.BytesIO(data)

    if list_id in OFAC_LISTS:
        found = ofac_siblings(main) if discover else {"add": None, "alt": None, "comments": None}
        extra: dict[str, IO[bytes] | None] = {}
        for key, given in (("add", add), ("alt", alt), ("comments", comments)):
            path = given or found[key]
            if path is None:
                extra[key] = None
                continue
            data = _read(Path(path))
            digest.update(data)
            extra[key] = stream(data)
        parsed = parse_ofac_legacy(
            stream(raw),
            add=extra["add"],
            alt=extra["alt"],
            comments=extra["comments"],
            list_id=list_id,
            source=source,
            published=published,
        )
    elif list_id == "un_sc":
        parsed = parse_un_xml(stream(raw), source=source)
        if published is not None:
            parsed = engine.ListSnapshot(parsed.list_id, parsed.source, published, parsed.entities)
    elif list_id == "us_bis_dpl":
        parsed = parse_bis_dpl(stream(raw), source=source, published=published)
    else:
        parsed = parse_trade_csl(stream(raw), source=source, published=published)
    return ParsedFile(parsed, digest.hexdigest())


def list_import(
    list_id: str,
    main: Path,
    *,
    add: Path | None = None,
    alt: Path | None = None,
    comments: Path | None = None,
    published: date | None = None,
    source: str = "",
    loaded_by: str = "",
) -> ImportOutcome:
    """Parse then store a list file: a bad file raises ``ListFileInvalid`` and writes nothing."""
    parsed = parse_list_files(
        list_id, main, add=add, alt=alt, comments=comments, published=published, source=source
    )
    return snapshot_store(parsed.snapshot, file_checksum=parsed.file_checksum, loaded_by=loaded_by)


# --- indexes ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class SnapshotRef:
    """A list version screened against: what the certificate names."""

    snapshot: int
    list_id: str
    source: str
    published: str | None
    checksum: str
    entities: int

    @classmethod
    def of(cls, snapshot: ListSnapshot) -> SnapshotRef:
        return cls(
            snapshot=snapshot.pk,
            list_id=snapshot.list_id,
            source=snapshot.source,
            published=snapshot.published.isoformat() if snapshot.published else None,
            checksum=snapshot.checksum,
            entities=snapshot.entity_count,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "snapshot": self.snapshot,
            "list_id": self.list_id,
            "source": self.source,
            "published": self.published,
            "checksum": self.checksum,
            "entities": self.entities,
        }


@dataclass(frozen=True)
class LoadedIndex:
    index: ScreeningIndex
    refs: tuple[SnapshotRef, ...]

    def snapshot_of(self, list_id: str) -> int | None:
        for ref in self.refs:
            if ref.list_id == list_id:
                return ref.snapshot
        return None


_lock = threading.Lock()
_cache: dict[tuple[tuple[int, str], ...], LoadedIndex] = {}


def forget_indexes() -> None:
    with _lock:
        _cache.clear()
        _delta_cache.clear()


def active_snapshots() -> list[ListSnapshot]:
    return list(ListSnapshot.objects.filter(status=ListSnapshot.Status.ACTIVE).order_by("list_id"))


def _engine_fingerprint() -> str:
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(str(CACHE_VERSION).encode())
    for name in ("names.py", "scripts.py", "matching.py", "index.py", "countries.py"):
        path = package / name
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _build(
    snapshots: Sequence[ListSnapshot], only: dict[int, Iterable[str]] | None = None
) -> ScreeningIndex:
    parsed = []
    for snapshot in snapshots:
        entries = ListEntry.objects.filter(snapshot=snapshot)
        if only is not None:
            entries = entries.filter(entity_id__in=list(only.get(snapshot.pk, ())))
        parsed.append(
            engine.ListSnapshot(
                list_id=snapshot.list_id,
                source=snapshot.source,
                published=snapshot.published,
                entities=tuple(entity_of(e, snapshot.list_id) for e in entries.iterator(2000)),
            )
        )
    return ScreeningIndex.build(parsed)


def active_index() -> LoadedIndex:
    """The index of every list in force (cached in process and, when large, on disk)."""
    snapshots = active_snapshots()
    key = tuple((s.pk, s.checksum) for s in snapshots)
    with _lock:
        found = _cache.get(key)
    if found is not None:
        return found
    refs = tuple(SnapshotRef.of(s) for s in snapshots)
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:24]
    path = cache_dir() / f"compliance-active-{_engine_fingerprint()}-{digest}.pickle"
    index = _read_cached(path)
    if index is None:
        enabled = gc.isenabled()
        gc.disable()  # ~10^5 acyclic objects at once: see index.shipped_index
        try:
            index = _build(snapshots)
        finally:
            if enabled:
                gc.enable()
        if len(index) >= DISK_CACHE_MIN_NAMES:
            _write_cached(path, index)
    loaded = LoadedIndex(index, refs)
    with _lock:
        _cache.clear()  # one generation of lists at a time: the old one is garbage
        _cache[key] = loaded
    return loaded


_delta_cache: dict[tuple[int, str], tuple[LoadedIndex, int]] = {}


def delta_index(snapshot: ListSnapshot) -> tuple[LoadedIndex, int]:
    """An index of the entries a snapshot added or changed, and how many there are.

    Kept for the last snapshot asked: the per-organization tasks of one list update run
    one after the other in a worker and share it (a first load's delta is the whole list).
    """
    with _lock:
        found = _delta_cache.get((snapshot.pk, snapshot.checksum))
    if found is not None:
        return found
    diff = ListDiff.objects.filter(snapshot=snapshot).first()
    wanted = [*diff.added, *diff.changed] if diff else []
    index = _build([snapshot], {snapshot.pk: wanted})
    built = (LoadedIndex(index, (SnapshotRef.of(snapshot),)), len(wanted))
    with _lock:
        _delta_cache.clear()
        _delta_cache[(snapshot.pk, snapshot.checksum)] = built
    return built


def _read_cached(path: Path) -> ScreeningIndex | None:
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            # Our own file, named by the hash of the snapshots and engine that built it.
            index = pickle.load(handle)  # noqa: S301
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None
    return index if isinstance(index, ScreeningIndex) else None


def _write_cached(path: Path, index: ScreeningIndex) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        for stale in path.parent.glob("compliance-active-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only disk only costs the next start the build time


# --- the shipped lists, for `seaward load-reference` -----------------------------------------
def load_shipped_lists(context: Any = None) -> Any:
    """Loader of ``seaward load-reference``: every shipped list into a snapshot."""
    from seaward.compliance.shipped import load_shipped
    from seaward.reference.loading import LoadResult

    total = 0
    newest: date | None = None
    for parsed in load_shipped():
        outcome = snapshot_store(parsed, loaded_by="seaward load-reference")
        total += outcome.snapshot.entity_count
        if context is not None:
            context.advance(outcome.snapshot.entity_count)
        if parsed.published and (newest is None or parsed.published > newest):
            newest = parsed.published
    return LoadResult(row_count=total, publication_date=newest)


def register_shipped_loader() -> None:
    from seaward.compliance.shipped import FOLDER, shipped_fingerprint
    from seaward.reference import datafiles
    from seaward.reference.loading import register_loader

    register_loader(
        "sanctions",
        load_shipped_lists,
        name="Restricted-party lists (OFAC SDN and non-SDN, UN SC, BIS DPL, US CSL)",
        files=tuple(f for f in datafiles.iter_files(FOLDER) if not f.endswith("SOURCE.txt")),
        folder=FOLDER,
        attribution="US Treasury OFAC, UN Security Council, US BIS, US trade.gov (public "
        "domain / public sources), via the Moov Watchman test sets and OFAC's own files.",
        licence="Public domain (US Government works); UN: public information",
        edition="shipped snapshots",
        extra_fingerprint=shipped_fingerprint,
        estimated_rows=17_900,
        order=80,
    )
