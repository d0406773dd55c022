import pytest

from seaward.customs.hs_errors import UnknownHsCode
from seaward.customs.hs_nomenclature import load_nomenclature, normalise_code


def test_path_of_a_subheading_runs_section_chapter_heading_subheading():
    path = load_nomenclature().path("8516.71")

    assert [step.code for step in path] == ["XVI", "85", "8516", "851671"]
    assert [step.level for step in path] == ["section", "chapter", "heading", "subheading"]
    assert "coffee or tea makers" in path[-1].description


def test_path_of_a_heading_stops_at_the_heading():
    path = load_nomenclature().path("7323")

    assert [step.code for step in path] == ["XV", "73", "7323"]


def test_sizes_of_the_hs_2022_tree():
    nomenclature = load_nomenclature()

    assert len(nomenclature.sections) == 21
    assert len(nomenclature.chapters) == 96  # 01–97 without 77
    assert 1200 <= len(nomenclature.headings) <= 1250
    assert 5600 <= len(nomenclature.subheadings) <= 5620


def test_every_subheading_has_a_full_path():
    nomenclature = load_nomenclature()

    for node in nomenclature.subheadings:
        path = nomenclature.path(node.code)
        assert len(path) == 4 and all(step.description for step in path)


def test_hs_2022_new_subheading_exists_and_a_dropped_hs_2017_one_does_not():
    nomenclature = load_nomenclature()

    assert nomenclature.exists("850760")  # lithium-ion accumulators
    assert not nomenclature.exists("851770") or nomenclature.exists("851771")  # split in 2022
    assert nomenclature.exists("851771")


@pytest.mark.parametrize("code", ["", "99", "8516.72.99", "851699x", "abcd"])
def test_unknown_codes_are_rejected_with_a_clear_error(code):
    with pytest.raises(UnknownHsCode) as raised:
        load_nomenclature().path(code)

    assert raised.value.code == "hs_unknown_code"


def test_normalise_code_keeps_digits_only():
    assert normalise_code("8516.71.00") == "85167100"
