"""Which statement format a file is in, from its first bytes, before any parsing."""

from __future__ import annotations

import codecs
import re

from seaward.ledger.statements.errors import NotAStatement
from seaward.ledger.statements.model import StatementFormat

HEAD_BYTES = 64 * 1024
_CAMT_MESSAGE_RE = re.compile(
    r"<(?:[\w.-]+:)?(BkToCstmrAcctRpt|BkToCstmrStmt|BkToCstmrDbtCdtNtfctn)\b"
)
_CAMT_NAMESPACE_RE = re.compile(r"camt\.05([234])\.")
_SWIFT_TAG_RE = re.compile(
    r"^:\n?(?:20|21|25|25P|28|28C|34F|13D|60[FM]?|61|62[FM]?|64|65|86|90[DC]|NS):", re.MULTILINE
)
_CAMT_BY_ELEMENT = {
    "BkToCstmrAcctRpt": StatementFormat.CAMT052,
    "BkToCstmrStmt": StatementFormat.CAMT053,
    "BkToCstmrDbtCdtNtfctn": StatementFormat.CAMT054,
}
_CAMT_BY_NUMBER = {
    "2": StatementFormat.CAMT052,
    "3": StatementFormat.CAMT053,
    "4": StatementFormat.CAMT054,
}


def head_text(data: bytes) -> str:
    """The first bytes of ``data`` as text, for recognising the format only."""
    head = data[:HEAD_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace")


def _looks_binary(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return controls > max(8, len(head) // 50)


def sniff(data: bytes) -> StatementFormat:
    """The format of ``data``; ``NotAStatement`` when it is none of them."""
    head = data[:HEAD_BYTES]
    if not head.strip():
        raise NotAStatement("the file is empty")
    if _looks_binary(head):
        raise NotAStatement("the file is binary, not a text bank statement")
    text = head_text(data).lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        element = _CAMT_MESSAGE_RE.search(text)
        if element:
            return _CAMT_BY_ELEMENT[element.group(1)]
        namespace = _CAMT_NAMESPACE_RE.search(text)
        if namespace:
            return _CAMT_BY_NUMBER[namespace.group(1)]
        raise NotAStatement(
            "the file is XML but not an ISO 20022 camt.052, camt.053 or camt.054 message"
        )
    # Imported lazily: sniffing must stay cheap for the CLI.
    from seaward.ledger.statements.swift import detect_interim, prepare

    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    if _SWIFT_TAG_RE.search(normalized) or re.search(r"\{2:[IO]94[02]", normalized):
        try:
            interim = detect_interim(prepare(normalized))
        except Exception:  # a truncated head is judged by the full parse, not here
            interim = False
        return StatementFormat.MT942 if interim else StatementFormat.MT940
    raise NotAStatement(
        "the file is neither a SWIFT MT940/MT942 statement nor an ISO 20022 camt.052/053/054 "
        "message (no statement field such as :20:, :25:, :61: was found)"
    )
