from __future__ import annotations

import pickle

from seaward.compliance.index import CANDIDATES_PER_QUERY, ScreeningIndex
from seaward.compliance.matching import Query
from seaward.compliance.names import analyze


def test_un_entry_is_found_first_with_supporting_evidence(small_index: ScreeningIndex):
    hits = small_index.screen(Query("SALEK, ABDULHAI", "person", "AF", "1965"))
    assert hits[0].entity_id == "TAi.108" and hits[0].list_id == "un_sc"
    assert hits[0].alert and hits[0].explanation["birth_date"] > 0
    assert hits[0].explanation["country"] > 0


def test_typos_are_found_through_the_blocking_keys(small_index: ScreeningIndex):
    for query in (
        "AWLIJAN",
        "ABDULAH ANSHORI",
        "Dmitri Khoroshev",
        "MOHAMED LAKAHL",
        "AGU DIKARNA",
    ):
        hits = small_index.screen(Query(query, "person"))
        assert hits, query


def test_hits_are_best_first_and_one_per_entity(small_index: ScreeningIndex):
    hits = small_index.screen(Query("MOHAMMED", "person"), floor=0)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({(h.list_id, h.entity_id) for h in hits}) == len(hits)


def test_candidates_are_a_bounded_block_not_a_scan(small_index: ScreeningIndex):
    form = analyze("Mohammed Ali Hassan", "person")
    candidates = small_index.candidates(form)
    assert 0 < len(candidates) <= CANDIDATES_PER_QUERY < len(small_index)


def test_a_name_sharing_nothing_gets_no_hit(small_index: ScreeningIndex):
    assert small_index.screen(Query("Zzyzx Qwerty", "person")) == []


def test_threshold_decides_the_alert(small_index: ScreeningIndex):
    query = Query("Dmitry Khoroshev", "person")
    assert small_index.screen(query, threshold=100.0)[0].alert is (
        small_index.screen(query)[0].score >= 100.0
    )
    assert small_index.screen(query, threshold=0.0)[0].alert


def test_the_index_survives_a_round_trip_through_its_cache_format(small_index: ScreeningIndex):
    copy = pickle.loads(pickle.dumps(small_index))  # noqa: S301
    query = Query("SALEK, ABDULHAI", "person", "AF", "1965")
    assert copy.screen(query) == small_index.screen(query)
