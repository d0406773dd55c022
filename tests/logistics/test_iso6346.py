import pytest

from seaward.logistics.errors import InvalidContainerNumber
from seaward.logistics.iso6346 import (
    check_digit,
    is_valid_container_number,
    validate_container_number,
)


@pytest.mark.parametrize(
    ("number", "digit"), [("CSQU305438", 3), ("MSKU907032", 3), ("TGHU986004", 2)]
)
def test_check_digit_of_known_numbers(number, digit):
    assert check_digit(number) == digit


def test_validate_normalises_spacing_and_case():
    assert validate_container_number(" csqu 305438-3 ") == "CSQU3054383"


def test_wrong_check_digit_names_the_right_one():
    with pytest.raises(InvalidContainerNumber) as exc:
        validate_container_number("CSQU3054384")
    assert exc.value.code == "invalid_container_number"
    assert exc.value.details["expected_check_digit"] == 3
    assert "check digit should be 3" in exc.value.message


@pytest.mark.parametrize("number", ["", "CSQ3054383", "CSQX3054383", "CSQU305438", "1SQU3054383"])
def test_malformed_numbers_are_rejected(number):
    assert not is_valid_container_number(number)
