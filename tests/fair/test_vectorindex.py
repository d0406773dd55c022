import numpy as np
import pytest

from seaward.fair.errors import DuplicateId, VectorShapeError
from seaward.fair.vectorindex import (
    EXACT_INDEX_MAX,
    ExactIndex,
    HnswIndex,
    HnswParameters,
    VectorIndex,
    make_index,
)


def _unit(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    x = rng.standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_exact_index_returns_the_true_nearest_neighbours_best_first():
    # given
    rng = np.random.default_rng(1)
    vectors = _unit(rng, 300, 16)
    index = ExactIndex(16)
    index.add(np.arange(300) + 1000, vectors)
    query = vectors[42]
    # when
    result = index.search(query, 5)
    # then
    expected = (np.argsort(-(vectors @ query))[:5] + 1000).tolist()
    assert list(result.keys) == expected
    assert result.keys[0] == 1042
    assert result.similarities == tuple(sorted(result.similarities, reverse=True))
    assert result.similarities[0] == pytest.approx(1.0, abs=1e-5)


def test_exact_index_remove_and_add_are_incremental():
    rng = np.random.default_rng(2)
    vectors = _unit(rng, 10, 8)
    index = ExactIndex(8)
    index.add(range(10), vectors)
    index.remove([3, 99])
    assert len(index) == 9
    assert 3 not in index.search(vectors[3], 10).keys
    index.add([3], vectors[3:4])
    assert index.search(vectors[3], 1).keys == (3,)


def test_adding_a_key_twice_or_a_wrong_shape_is_refused():
    index = ExactIndex(4)
    index.add([1], np.ones((1, 4), dtype=np.float32))
    with pytest.raises(DuplicateId):
        index.add([1], np.ones((1, 4), dtype=np.float32))
    with pytest.raises(VectorShapeError):
        index.add([2], np.ones((1, 5), dtype=np.float32))


def test_hnsw_index_finds_neighbours_persists_and_updates(tmp_path):
    # given
    rng = np.random.default_rng(3)
    vectors = _unit(rng, 2000, 32)
    index = HnswIndex(32, parameters=HnswParameters(expansion_search=64))
    index.add(np.arange(2000), vectors)
    exact = ExactIndex(32)
    exact.add(np.arange(2000), vectors)
    queries = _unit(rng, 50, 32)
    # when
    recall = np.mean(
        [len(set(index.search(q, 10).keys) & set(exact.search(q, 10).keys)) / 10 for q in queries]
    )
    path = index.save(tmp_path / "catalog.usearch")
    reopened = HnswIndex.open(path)
    # then
    assert recall >= 0.9
    assert len(reopened) == 2000
    assert reopened.search(vectors[7], 1).keys == (7,)
    reopened.remove([7])
    assert 7 not in reopened.search(vectors[7], 5).keys
    reopened.add([5000], vectors[7:8])
    assert reopened.search(vectors[7], 1).keys == (5000,)
    with pytest.raises(DuplicateId):
        reopened.add([5000], vectors[7:8])


def test_factory_picks_exact_for_small_and_hnsw_for_large_catalogs():
    small = make_index(8, 100)
    large = make_index(8, EXACT_INDEX_MAX + 1)
    assert isinstance(small, ExactIndex)
    assert isinstance(large, HnswIndex)
    assert isinstance(small, VectorIndex) and isinstance(large, VectorIndex)
