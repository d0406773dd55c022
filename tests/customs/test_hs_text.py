import pytest
from hypothesis import given
from hypothesis import strategies as st

from seaward.customs.hs_errors import BadClassificationInput
from seaward.customs.hs_text import (
    Bm25Index,
    ProductInput,
    category_text,
    informative_attributes,
    parse_attributes,
    query_views,
    tokens,
)


def test_tokens_stem_english_plurals_and_split_chinese_into_bigrams():
    assert tokens("Dresses and Shoes, batteries") == ["dress", "shoe", "battery"]
    assert tokens("不锈钢炒锅") == ["不锈", "锈钢", "钢炒", "炒锅"]


def test_category_path_drops_repeated_and_garbled_levels():
    path = "Jewelry & Accessories > Fashion Jewelry > Charms > Charms > 灏___"

    assert category_text(path) == "Jewelry & Accessories > Fashion Jewelry > Charms"


def test_informative_attributes_keep_material_and_type_and_drop_logistics():
    attributes = {
        "Material": "Metal",
        "Brand Name": "NoEnName_Null",
        "Package size - length (cm)": "10",
        "Item Type": "Pendants",
        "Origin": "Mainland China",
        "Hign-concerned Chemical": "None",
    }

    assert informative_attributes(attributes) == [("Material", "Metal"), ("Item Type", "Pendants")]


def test_query_views_combine_category_title_and_attributes():
    product = ProductInput(
        "Dragon pendant", {"Material": "Copper"}, "Jewelry > Pendants > Pendants"
    )

    views = query_views(product)

    assert views["title"] == "Dragon pendant"
    assert views["category"] == "Jewelry > Pendants"
    assert views["full"] == "Jewelry > Pendants. Dragon pendant. Material: Copper"


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"text"'])
def test_attributes_must_be_a_json_object(raw):
    with pytest.raises(BadClassificationInput):
        parse_attributes(raw)


def test_bm25_ranks_the_document_sharing_the_rare_word_first():
    index = Bm25Index(["cotton towel", "cotton shirt", "steel wok", "cotton socks"])

    scores = index.scores([("wok", 1.0), ("cotton", 1.0)])

    assert int(scores.argmax()) == 2


@given(st.text(max_size=60))
def test_tokens_never_fail_and_are_never_empty_strings(text):
    assert all(token for token in tokens(text))


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=4, unique=True))
def test_category_text_has_no_repeated_level(parts):
    cleaned = category_text(" > ".join(parts + parts))

    assert cleaned.split(" > ") == parts
