"""The screening index: candidate generation by blocking keys, then scoring.

Every listed name is analyzed once. Blocking keys (whole tokens, phonetic keys, token
prefixes, one-letter deletions of each token, the name written without spaces) map to
posting arrays of name ids; a query collects the postings of its own keys weighted by
rarity (IDF), keeps the best few dozen names, orders them with compiled rapidfuzz
ratios, and only the best dozen are scored with ``matching``. No query scans all names.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from seaward.compliance.entities import EntityName, Identifier, ListEntity, ListSnapshot
from seaward.compliance.matching import (
    DEFAULT_ALERT_THRESHOLD,
    Query,
    compare_forms,
    score_entity,
)
from seaward.compliance.names import PARTICLES, NameForm, analyze, decode_form, encode_form

CANDIDATES_PER_QUERY = 60
SCORED_PER_QUERY = 12
QUICK_MIN = 60  # quick similarity below which a name does not come near an alert
EVIDENCE_HEADROOM = 30.0  # the most evidence can add to a name score
REPORT_FLOOR = 60.0  # hits below this are not worth showing a reviewer
MAX_HITS = 10
PREFIX_LENGTH = 4
DELETION_MIN_LENGTH = 4
CACHE_VERSION = 5


def blocking_keys(form: NameForm) -> set[str]:
    """The keys a name is filed under (and looked up by)."""
    keys: set[str] = set()
    forms = [form] if form.joined is None else [form, form.joined]
    for f in forms:
        for token, phonetic in zip(f.tokens, f.phonetic, strict=True):
            if token in PARTICLES or len(token) < 2:
                continue
            keys.add("t" + token)
            if len(phonetic) >= 2:
                keys.add("p" + phonetic)
            if len(token) > PREFIX_LENGTH:
                keys.add("f" + token[:PREFIX_LENGTH])
            if len(token) >= DELETION_MIN_LENGTH - 1:
                # The token and its one-letter deletions, on both sides, meet any spelling
                # one typo away, adjacent transpositions included ("Awlijan" / "Walijan"):
                # SymSpell's idea.
                keys.add("d" + token)
            if len(token) >= DELETION_MIN_LENGTH:
                keys.update("d" + token[:i] + token[i + 1 :] for i in range(len(token)))
        if len(f.tokens) > 1:
            keys.add("c" + f.compact)
    if len(form.tokens) == 1:
        keys.add("c" + form.compact)
    return keys


@dataclass(frozen=True, slots=True)
class Hit:
    """One listed entity found for a query."""

    list_id: str
    entity_id: str
    name: str  # the entity's primary name
    matched_name: str  # the name (primary or alias) that matched
    score: float
    alert: bool
    explanation: dict[str, float | str]

    def as_dict(self) -> dict[str, object]:
        return {
            "list": self.list_id,
            "entity_id": self.entity_id,
            "name": self.name,
            "matched_name": self.matched_name,
            "score": self.score,
            "alert": self.alert,
            "explanation": self.explanation,
        }


def _pack(entity: ListEntity) -> str:
    return json.dumps(
        [
            entity.list_id,
            entity.entity_id,
            entity.entity_type,
            [[n.text, n.strong, n.kind] for n in entity.names],
            entity.countries,
            entity.birth_dates,
            [[i.kind, i.value, i.country] for i in entity.identifiers],
            entity.programs,
        ],
        ensure_ascii=False,
    )


def _unpack(row: str) -> ListEntity:
    list_id, entity_id, entity_type, names, countries, births, ids, programs = json.loads(row)
    return ListEntity(
        list_id=list_id,
        entity_id=entity_id,
        entity_type=entity_type,
        names=tuple(EntityName(*n) for n in names),
        countries=tuple(countries),
        birth_dates=tuple(births),
        identifiers=tuple(Identifier(*i) for i in ids),
        programs=tuple(programs),
    )


def key_hash(key: str) -> int:
    """A 64-bit hash of a blocking key, stable across processes (unlike ``hash``)."""
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


class ScreeningIndex:
    """All listed names of some snapshots, analyzed and filed by blocking keys.

    Stored as flat columns (strings and numpy arrays: hashed keys, posting offsets, IDF)
    so that a cached index loads in a fraction of a second; entities and name forms are
    rebuilt only for the candidates of a query.
    """

    def __init__(
        self,
        entity_rows: list[str],
        name_entity: np.ndarray,
        name_text: list[str],
        name_strong: list[bool],
        name_form_rows: list[str],
        key_hashes: np.ndarray,
        key_starts: np.ndarray,
        key_idf: np.ndarray,
        posting_ids: np.ndarray,
        versions: dict[str, str],
    ) -> None:
        self.entity_rows = entity_rows
        self.name_entity = name_entity
        self.name_text = name_text
        self.name_strong = name_strong
        self.name_form_rows = name_form_rows
        self.key_hashes = key_hashes  # sorted
        self.key_starts = key_starts  # len(key_hashes) + 1 offsets into posting_ids
        self.key_idf = key_idf
        self.posting_ids = posting_ids
        self.versions = versions
        self._derive()

    def _derive(self) -> None:
        tokens = [row.split("|", 1)[0].split() for row in self.name_form_rows]
        self.name_sorted = [" ".join(sorted(t)) for t in tokens]
        self.name_compact = ["".join(t) for t in tokens]
        self._entities: dict[int, ListEntity] = {}
        self._forms: dict[int, NameForm] = {}

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        for derived in ("name_sorted", "name_compact", "_entities", "_forms"):
            del state[derived]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._derive()

    @classmethod
    def build(cls, snapshots: Iterable[ListSnapshot]) -> ScreeningIndex:
        entity_rows: list[str] = []
        name_entity: list[int] = []
        name_text: list[str] = []
        name_strong: list[bool] = []
        name_form_rows: list[str] = []
        filed_hashes: list[int] = []
        filed_ids: list[int] = []
        versions: dict[str, str] = {}
        for snapshot in snapshots:
            published = snapshot.published.isoformat() if snapshot.published else "undated"
            versions[snapshot.list_id] = f"{snapshot.source} ({published})"
            for entity in snapshot.entities:
                entity_index = len(entity_rows)
                entity_rows.append(_pack(entity))
                for name in entity.names:
                    form = analyze(name.text, entity.entity_type)
                    if not form.tokens:
                        continue
                    name_id = len(name_text)
                    name_entity.append(entity_index)
                    name_text.append(name.text)
                    name_strong.append(name.strong)
                    name_form_rows.append(encode_form(form))
                    keys = blocking_keys(form)
                    filed_hashes.extend(key_hash(k) for k in keys)
                    filed_ids.extend([name_id] * len(keys))
        hashes = np.asarray(filed_hashes, dtype=np.int64)
        ids = np.asarray(filed_ids, dtype=np.int32)
        order = np.argsort(hashes, kind="stable")
        hashes, ids = hashes[order], ids[order]
        key_hashes, starts, counts = np.unique(hashes, return_index=True, return_counts=True)
        total = max(len(name_text), 1)
        return cls(
            entity_rows,
            np.asarray(name_entity, dtype=np.int32),
            name_text,
            name_strong,
            name_form_rows,
            key_hashes,
            np.append(starts, len(ids)).astype(np.int64),
            np.log1p(total / counts).astype(np.float64),
            ids,
            versions,
        )

    def __len__(self) -> int:
        return len(self.name_text)

    @property
    def entity_count(self) -> int:
        return len(self.entity_rows)

    def entity(self, index: int) -> ListEntity:
        found = self._entities.get(index)
        if found is None:
            found = self._entities[index] = _unpack(self.entity_rows[index])
        return found

    def form(self, name_id: int) -> NameForm:
        found = self._forms.get(name_id)
        if found is None:
            found = self._forms[name_id] = decode_form(
                self.name_text[name_id], self.name_form_rows[name_id]
            )
        return found

    def candidates(self, form: NameForm, limit: int = CANDIDATES_PER_QUERY) -> list[int]:
        """Name ids sharing the rarest, most numerous keys with the query."""
        if not len(self.key_hashes):
            return []
        wanted = np.fromiter((key_hash(k) for k in blocking_keys(form)), dtype=np.int64)
        positions = np.minimum(np.searchsorted(self.key_hashes, wanted), len(self.key_hashes) - 1)
        found = positions[self.key_hashes[positions] == wanted]
        if not len(found):
            return []
        slices = [self.posting_ids[self.key_starts[p] : self.key_starts[p + 1]] for p in found]
        lengths = [len(x) for x in slices]
        ids = np.concatenate(slices)
        unique, inverse = np.unique(ids, return_inverse=True)
        totals = np.bincount(inverse, weights=np.repeat(self.key_idf[found], lengths))
        if len(unique) > limit:
            return unique[np.argpartition(-totals, limit)[:limit]].tolist()  # type: ignore[no-any-return]
        return unique.tolist()  # type: ignore[no-any-return]

    def screen(
        self,
        query: Query,
        *,
        threshold: float = DEFAULT_ALERT_THRESHOLD,
        floor: float = REPORT_FLOOR,
        max_hits: int = MAX_HITS,
    ) -> list[Hit]:
        """Hits for one query, best first: one per entity, its best-scoring name."""
        form = analyze(query.name, query.entity_type or None)
        candidates = self.candidates(form)
        if not candidates:
            return []
        # A compiled string metric orders the candidates; only the few that look close
        # enough get the full comparison.
        # Plain ratios in C over all candidates at once: on the tokens in sorted order (any
        # word order) and on the name without spaces (joined or split words).
        sorted_text, compact = " ".join(sorted(form.tokens)), form.compact
        quick = np.maximum(
            process.cdist(
                [sorted_text],
                [self.name_sorted[i] for i in candidates],
                scorer=fuzz.ratio,
                dtype=np.uint8,
            )[0],
            process.cdist(
                [compact],
                [self.name_compact[i] for i in candidates],
                scorer=fuzz.ratio,
                dtype=np.uint8,
            )[0],
        )
        order = np.argsort(-quick.astype(np.int16), kind="stable")[:SCORED_PER_QUERY]
        candidates = [candidates[k] for k in order[quick[order] >= QUICK_MIN].tolist()]
        best: dict[int, tuple[float, int]] = {}
        for name_id in candidates:
            entity_index = int(self.name_entity[name_id])
            entity = self.entity(entity_index)
            comparison = compare_forms(form, self.form(name_id), entity.entity_type, explain=False)
            if comparison.score + EVIDENCE_HEADROOM < floor:
                continue
            score, _ = score_entity(query, entity, comparison, strong=self.name_strong[name_id])
            current = best.get(entity_index)
            if current is None or score > current[0]:
                best[entity_index] = (score, name_id)
        hits = []
        for entity_index, (score, name_id) in best.items():
            if score < floor:
                continue
            entity = self.entity(entity_index)
            # The explanation is only worth its cost for the hits that are shown.
            comparison = compare_forms(form, self.form(name_id), entity.entity_type)
            strong = self.name_strong[name_id]
            _, explanation = score_entity(query, entity, comparison, strong=strong)
            hits.append(
                Hit(
                    list_id=entity.list_id,
                    entity_id=entity.entity_id,
                    name=entity.primary_name,
                    matched_name=self.name_text[name_id],
                    score=score,
                    alert=score >= threshold,
                    explanation=explanation,
                )
            )
        hits.sort(key=lambda h: (-h.score, h.list_id, h.entity_id))
        return hits[:max_hits]


def cache_dir() -> Path:
    """Where derived files go: $SEAWARD_CACHE_DIR, else var/cache under the working directory."""
    configured = os.environ.get("SEAWARD_CACHE_DIR")
    return Path(configured) if configured else Path.cwd() / "var" / "cache"


def shipped_index() -> ScreeningIndex:
    """The index of all shipped lists, from the cache when the data files are unchanged."""
    # Loading or building makes ~10^5 objects at once; the cyclic GC would rescan them
    # over and over for nothing (they hold no cycles), tripling the start-up time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_or_build()
    finally:
        # The index lives as long as the process: keep the collector from rescanning it
        # (a full collection over it is a ~10 ms pause in the middle of some query).
        gc.freeze()
        if enabled:
            gc.enable()


def _load_or_build() -> ScreeningIndex:
    from seaward.compliance.shipped import load_shipped, shipped_fingerprint

    fingerprint = shipped_fingerprint()
    path = cache_dir() / f"compliance-index-v{CACHE_VERSION}-{fingerprint}.pickle"
    if path.exists():
        try:
            with path.open("rb") as handle:
                # Our own file, named by the hash of the data it was built from.
                index = pickle.load(handle)  # noqa: S301
            if isinstance(index, ScreeningIndex):
                return index
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass
    index = ScreeningIndex.build(load_shipped())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
        for stale in path.parent.glob("compliance-index-v*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only disk only costs the next start the build time
    return index
