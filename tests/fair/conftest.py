import hashlib

import numpy as np
import pytest


def hashed_embedder(texts):
    """A deterministic stand-in for the model: character trigrams hashed into 512 dims."""
    out = np.zeros((len(texts), 512), dtype=np.float32)
    for i, text in enumerate(texts):
        padded = f"  {text.lower()}  "
        for j in range(len(padded) - 2):
            h = int.from_bytes(hashlib.blake2b(padded[j : j + 3].encode(), digest_size=4).digest())
            out[i, h % 512] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


@pytest.fixture
def fake_embedder():
    return hashed_embedder
