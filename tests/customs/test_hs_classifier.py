import pytest

from seaward.customs.hs_classifier import ConfirmedExample, default_classifier
from seaward.customs.hs_errors import EmptyProductText, UnknownHsCode
from seaward.customs.hs_text import ProductInput


@pytest.fixture(scope="module")
def classifier():
    return default_classifier()


def top_codes(result, k=5):
    return [candidate.code for candidate in result.codes[:k]]


def test_electric_kettle_is_an_electro_thermic_domestic_appliance(classifier):
    result = classifier.classify("Electric kettle 1.7 L stainless steel, 2200 W")

    # UK and US practice put kettles in 8516.79 ("other"), tea makers in 8516.71.
    assert top_codes(result, 1)[0][:4] == "8516"
    assert {"851671", "851679"} <= set(top_codes(result, 5))


def test_a_confirmed_kettle_makes_the_next_similar_kettle_8516_71(classifier):
    confirmed = [ConfirmedExample("Stainless steel electric kettle 1.5 L", "8516.71")]

    result = classifier.classify("Electric kettle 1.7 L, 2200 W", confirmed=confirmed)

    assert result.codes[0].code == "851671"


def test_chinese_stainless_steel_wok_lands_in_household_articles_of_steel(classifier):
    result = classifier.classify("不锈钢炒锅")

    assert any(code.startswith("7323") for code in top_codes(result, 3))


def test_spanish_cotton_t_shirt_is_a_knitted_t_shirt(classifier):
    result = classifier.classify("Camiseta de algodón para hombre, manga corta")

    assert "610910" in top_codes(result, 3)


def test_category_path_and_attributes_steer_the_answer(classifier):
    product = ProductInput(
        "Dragon pendant, retro, gift for her",
        attributes={"Material": "Metal", "Metals Type": "Copper", "Item Type": "Pendants"},
        category_path_en="Jewelry & Accessories > Fashion Jewelry > Pendants",
    )

    result = classifier.classify(product)

    assert result.codes[0].code[:2] == "71"


def test_answer_holds_five_ranked_codes_with_path_and_reasons(classifier):
    result = classifier.classify("Cotton bath towel 70x140 cm")

    assert len(result.codes) == 5
    scores = [c.score for c in result.codes]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert len({c.code for c in result.codes}) == 5
    first = result.codes[0]
    assert [step.level for step in first.path] == ["section", "chapter", "heading", "subheading"]
    assert first.path[-1].code == first.code
    assert first.evidence and first.words
    assert "towel" in first.words


def test_attributes_that_led_there_are_reported(classifier):
    product = ProductInput("Women's ankle boots", attributes={"Upper Material": "Genuine Leather"})

    result = classifier.classify(product)

    assert any("Leather" in a for c in result.codes[:3] for a in c.attributes)


def test_confirmed_examples_change_the_ranking(classifier):
    text = "Zorbex QX-7 unit"
    before = classifier.classify(text)
    assert before.codes[0].code != "851671"

    after = classifier.classify(text, confirmed=[ConfirmedExample("Zorbex QX-7 unit", "8516.71")])

    assert after.codes[0].code == "851671"
    assert after.codes[0].evidence[0].source == "confirmed"


def test_confirmed_example_with_unknown_code_is_rejected(classifier):
    with pytest.raises(UnknownHsCode):
        classifier.classify("kettle", confirmed=[ConfirmedExample("kettle", "1234.56")])


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_a_clear_error(classifier, text):
    with pytest.raises(EmptyProductText) as raised:
        classifier.classify(text)

    assert raised.value.code == "hs_empty_text"
    assert "empty" in str(raised.value)


def test_baseline_returns_nearest_subheading_descriptions(classifier):
    codes = classifier.baseline("Electric kettle")

    assert len(codes) == 5 and all(len(code) == 6 for code in codes)


def test_jewellery_without_precious_metal_is_imitation_jewellery(classifier):
    result = classifier.classify("Heart pendant necklace for women, stainless steel, gold colour")

    assert result.codes[0].code.startswith("7117")
    assert any("imitation" in note for note in result.codes[0].notes)


def test_sterling_silver_ring_is_jewellery_of_precious_metal(classifier):
    result = classifier.classify("925 sterling silver ring with engraved band")

    assert result.codes[0].code == "711311"


def test_curated_examples_name_existing_hs_2022_subheadings():
    from seaward.customs.hs_curated import CURATED_EXAMPLES
    from seaward.customs.hs_nomenclature import load_nomenclature

    nomenclature = load_nomenclature()
    assert CURATED_EXAMPLES
    assert all(nomenclature.exists(code) and len(code) == 6 for _, code in CURATED_EXAMPLES)
