"""ISO 6346 container numbers: owner code, category, serial number and check digit."""

from __future__ import annotations

import re

from seaward.logistics.errors import InvalidContainerNumber

_PATTERN = re.compile(r"^([A-Z]{3})([UJZ])(\d{6})(\d)$")
# Letters count from A = 10, skipping the multiples of 11 (11, 22, 33).
_LETTER_VALUES = {}
_value = 10
for _letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _value % 11 == 0:
        _value += 1
    _LETTER_VALUES[_letter] = _value
    _value += 1


def check_digit(first_ten: str) -> int:
    """The check digit of owner code + category + serial number (10 characters)."""
    if len(first_ten) != 10:
        raise ValueError("ISO 6346 check digit needs the first 10 characters")
    total = 0
    for position, char in enumerate(first_ten.upper()):
        value = int(char) if char.isdigit() else _LETTER_VALUES[char]
        total += value << position
    return total % 11 % 10


def normalize(number: str) -> str:
    """The number without spaces, dashes or dots, in upper case."""
    return re.sub(r"[\s\-./]", "", number).upper()


def validate_container_number(number: str) -> str:
    """The normalised number; InvalidContainerNumber if malformed or its check digit is wrong."""
    norm = normalize(number)
    match = _PATTERN.match(norm)
    if match is None:
        raise InvalidContainerNumber(
            params={
                "number": number,
                "reason": "expected 3 letters, U, J or Z, 6 digits and a check digit",
            },
            field="container_number",
        )
    expected = check_digit(norm[:10])
    if int(norm[10]) != expected:
        raise InvalidContainerNumber(
            params={"number": number, "reason": f"the check digit should be {expected}"},
            field="container_number",
            details={"expected_check_digit": expected},
        )
    return norm


def is_valid_container_number(number: str) -> bool:
    """Whether the number is well formed with a correct check digit."""
    try:
        validate_container_number(number)
    except InvalidContainerNumber:
        return False
    return True
