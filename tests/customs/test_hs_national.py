import pytest

from seaward.customs.hs_errors import UnknownHsCode
from seaward.customs.hs_national import national_extensions, unmapped_uk_subheadings


def test_us_and_uk_lines_under_electric_kettles_subheading():
    lines = national_extensions("8516.71")

    us_codes = [line.code for line in lines.us]
    assert "8516710020" in us_codes
    assert all(code.startswith("851671") for code in us_codes)
    assert [line.code for line in lines.uk] == ["85167100"]
    assert all(line.mapped_to_hs2022 for line in lines.uk)


def test_us_ten_digit_line_inherits_the_rate_of_its_eight_digit_line():
    lines = {line.code: line for line in national_extensions("851671").us}

    assert lines["8516710020"].duty_rate == lines["85167100"].duty_rate != ""
    assert "Coffee" in lines["8516710020"].full_description


def test_uk_line_of_an_hs_2017_subheading_dropped_in_2022_is_marked_unmapped():
    dropped = unmapped_uk_subheadings()
    assert "851770" in dropped  # HS 2022 split it into 8517.71 and 8517.79

    lines = national_extensions("851770")

    assert lines.us == []
    assert lines.uk and not any(line.mapped_to_hs2022 for line in lines.uk)
    assert "HS 2022" in lines.uk[0].note


def test_unknown_subheading_is_rejected():
    with pytest.raises(UnknownHsCode):
        national_extensions("999999")
    with pytest.raises(UnknownHsCode):
        national_extensions("8516")


def test_new_hs_2022_subheading_shows_its_hs_2017_uk_lines_as_unmapped():
    lines = national_extensions("851771")  # split out of HS 2017 8517.70

    assert lines.us and all(line.code.startswith("851771") for line in lines.us)
    assert lines.uk, "the HS 2017 source lines are shown"
    assert all(line.code.startswith("851770") for line in lines.uk)
    assert not any(line.mapped_to_hs2022 for line in lines.uk)
    assert "851770" in lines.uk[0].note
