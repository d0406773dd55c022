"""Reading the free-form SWIFT ``:86:`` information to account owner.

Banks fill field 86 in three ways: the German structured form (``166?00...?20...``,
which ``mt-940`` already splits), the slash-coded form of Dutch and other banks
(``/EREF/.../NAME/.../REMI/...``), and plain text. This module reads the slash-coded
form and cleans plain text; it never guesses a counterparty from plain prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Codes of the slash-coded form (SWIFT MT940 "structured" field 86, as used by
# ING, Rabobank, ABN AMRO, Triodos and others).
_CODES = (
    "TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|BENM|ORDP|ID|ADDR|ISDT|CDTRREF|CDTRREFTP|CD|"
    "ISSR|RTRN|PURP|CNTP|ULTC|ULTD|ULTB|SVCL|CREF|PREF|USTD|STRD|CHGS|EXCH|ORIG|FX|BUSP|"
    "ACCW|RTYP|OCMT|COAM|BENR|INFO|TXID|SCOR|PMTID|ORDID"
)
_CODE_RE = re.compile(rf"/({_CODES})/")
_NOT_PROVIDED = {"", "NOTPROVIDED", "NONREF", "NONE", "N/A"}


@dataclass(frozen=True, slots=True)
class Details:
    """What an ``:86:`` field says about the counterparty and the payment."""

    reference: str | None = None
    counterparty: str | None = None
    counterparty_account: str | None = None
    remittance: str | None = None


def meaningful(value: object) -> str | None:
    """``value`` stripped and with inner whitespace collapsed, or None if it says nothing."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if text.upper() in _NOT_PROVIDED:
        return None
    return text


def is_slash_coded(text: str) -> bool:
    return bool(_CODE_RE.match(text.lstrip()))


def read_slash_coded(raw: str) -> Details:
    """Split ``/CODE/value/CODE/value`` details; lines are hard-wrapped, so they join bare."""
    text = "".join(line.rstrip("\r") for line in raw.split("\n")).strip()
    fields: dict[str, str] = {}
    matches: list[re.Match[str]] = []
    pos = 0
    while True:
        match = _CODE_RE.search(text, pos)
        if match is None:
            break
        matches.append(match)
        # The closing slash of one code may open the next (``/BENM//NAME/``).
        pos = match.end() - 1
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip("/ ")
        fields.setdefault(match.group(1), value)
    name = meaningful(fields.get("NAME"))
    account = meaningful(fields.get("IBAN"))
    if "CNTP" in fields and (name is None or account is None):
        # Rabobank: /CNTP/<account>/<BIC>/<name>/<city>/
        parts = fields["CNTP"].split("/")
        account = account or meaningful(parts[0] if parts else None)
        name = name or meaningful(parts[2] if len(parts) > 2 else None)
    remittance = meaningful(fields.get("USTD")) or meaningful(fields.get("REMI"))
    if remittance is None:
        remittance = meaningful(fields.get("CDTRREF"))
    reference = (
        meaningful(fields.get("EREF"))
        or meaningful(fields.get("CDTRREF"))
        or meaningful(fields.get("PREF"))
    )
    return Details(
        reference=reference,
        counterparty=name,
        counterparty_account=account,
        remittance=remittance,
    )


_ANGLE_RE = re.compile(r"^\d{3}>\d{2}")
_ANGLE_FIELD_RE = re.compile(r">(\d{2})")


def is_angle_coded(text: str) -> bool:
    return bool(_ANGLE_RE.match(text.lstrip()))


def read_angle_coded(raw: str) -> Details:
    """Triodos-style ``000>10...>20...>31...``: the German sub-fields with ``>`` for ``?``."""
    text = "".join(line.strip("\r") for line in raw.split("\n")).strip()
    parts = _ANGLE_FIELD_RE.split(text)
    fields: dict[str, str] = {}
    for code, value in zip(parts[1::2], parts[2::2], strict=True):
        fields[code] = fields.get(code, "") + value
    # Sub-fields cut the text at a fixed width, so their pieces join without a space.
    purpose = "".join(fields.get(str(n), "") for n in range(20, 30))
    name = fields.get("32", "") + fields.get("33", "")
    return Details(
        counterparty=meaningful(name),
        counterparty_account=meaningful(fields.get("31")),
        remittance=meaningful(purpose),
    )


def read_coded(raw: str) -> Details | None:
    """The details of a slash- or angle-coded field 86; None for any other text."""
    if is_slash_coded(raw):
        return read_slash_coded(raw)
    if is_angle_coded(raw):
        return read_angle_coded(raw)
    return None


def plain_text(raw: str) -> str | None:
    """Unstructured details as one line (wrapped lines joined by a space)."""
    return meaningful(" ".join(line.strip() for line in raw.split("\n")))
