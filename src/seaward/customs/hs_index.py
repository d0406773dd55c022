"""The embedding matrix of the HS knowledge base: shipped, cached, or built.

Embedding the ~50k knowledge texts takes minutes on a small CPU, so the matrix
is computed once and reused, looked up in this order:

1. the file shipped in the package (``hs_index.npz``, built by
   ``python -m seaward.customs.hs_index_build``): int8-quantised projections
   small enough to ship, so the first call on a fresh install is fast;
2. the cache directory (``SEAWARD_CACHE_DIR``, default ``<cwd>/var/cache``);
3. otherwise embedded now and written to the cache.

Each matrix is stored with the digest of the texts it embeds
(:func:`seaward.customs.hs_knowledge.knowledge_hash`) and ignored when the
reference data changed, so a stale matrix is never used.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

SHIPPED_INDEX = Path(__file__).resolve().parent / "hs_index.npz"
FORMAT_VERSION = 1

Embedder = Callable[[Sequence[str]], npt.NDArray[np.float32]]


@dataclass(frozen=True)
class EmbeddingIndex:
    """Unit vectors of the knowledge texts, possibly in a reduced basis.

    ``projection`` (d×k) maps a model embedding into the basis of ``vectors``;
    ``None`` means the full model space.
    """

    vectors: npt.NDArray[np.float32]
    projection: npt.NDArray[np.float32] | None
    digest: str
    origin: str

    def project(self, queries: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        if self.projection is None:
            return queries
        reduced = queries @ self.projection
        norms = np.linalg.norm(reduced, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return (reduced / norms).astype(np.float32)


def cache_dir() -> Path:
    configured = os.environ.get("SEAWARD_CACHE_DIR")
    return Path(configured) if configured else Path.cwd() / "var" / "cache"


def _cache_file(digest: str) -> Path:
    return cache_dir() / f"hs_index_v{FORMAT_VERSION}_{digest}.npy"


def _normalise(matrix: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


def write_compact(path: Path, vectors: npt.NDArray[np.float32], digest: str, dims: int) -> None:
    """Write a shippable index: PCA to ``dims`` dimensions, int8 per dimension."""
    mean_free = vectors - vectors.mean(axis=0, keepdims=True)
    _, _, vt = np.linalg.svd(mean_free[:: max(1, len(vectors) // 20000)], full_matrices=False)
    projection = vt[:dims].T.astype(np.float32)  # (512, dims)
    reduced = _normalise(vectors @ projection)
    scale = np.abs(reduced).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    quantised = np.round(reduced / scale).astype(np.int8)
    np.savez_compressed(
        path,
        version=np.array(FORMAT_VERSION),
        digest=np.array(digest),
        projection=projection.astype(np.float16),
        scale=scale.astype(np.float32),
        vectors=quantised,
    )


def _read_compact(path: Path, digest: str) -> EmbeddingIndex | None:
    try:
        with np.load(path) as data:
            if int(data["version"]) != FORMAT_VERSION or str(data["digest"]) != digest:
                return None
            vectors = data["vectors"].astype(np.float32) * data["scale"][None, :]
            projection = data["projection"].astype(np.float32)
    except (OSError, KeyError, ValueError):
        return None
    return EmbeddingIndex(_normalise(vectors), projection, digest, f"shipped:{path.name}")


def load_index(
    texts: Sequence[str], digest: str, embedder: Embedder | None = None
) -> EmbeddingIndex:
    """The embedding matrix for ``texts`` (identified by ``digest``), built at most once."""
    if SHIPPED_INDEX.exists():
        shipped = _read_compact(SHIPPED_INDEX, digest)
        if shipped is not None and len(shipped.vectors) == len(texts):
            return shipped
    cached = _cache_file(digest)
    if cached.exists():
        try:
            matrix = np.load(cached).astype(np.float32)
            if len(matrix) == len(texts):
                return EmbeddingIndex(_normalise(matrix), None, digest, f"cache:{cached}")
        except (OSError, ValueError):
            pass
    matrix = build_matrix(texts, embedder)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(".tmp.npy")
        np.save(temporary, matrix.astype(np.float16))
        temporary.replace(cached)
    except OSError as error:  # a read-only install still classifies, only slower next time
        print(f"hs: cannot write embedding cache {cached}: {error}", file=sys.stderr)
    return EmbeddingIndex(matrix, None, digest, "built")


def build_matrix(texts: Sequence[str], embedder: Embedder | None = None) -> npt.NDArray[np.float32]:
    """Embed every knowledge text (minutes for the full knowledge base)."""
    if embedder is None:
        from seaward.core.embeddings import embed

        embedder = embed
    print(f"hs: embedding {len(texts)} knowledge texts once (cached afterwards)…", file=sys.stderr)
    chunks = []
    step = 2048
    for start in range(0, len(texts), step):
        chunks.append(embedder(list(texts[start : start + step])))
    return _normalise(np.vstack(chunks)) if chunks else np.zeros((0, 512), np.float32)
