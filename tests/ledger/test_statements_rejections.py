"""Untrusted files that must be rejected, each with the line or element at fault."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from seaward.ledger.statements import (
    MalformedStatement,
    NotAStatement,
    StatementTooLarge,
    UnsafeStatement,
    parse_bytes,
    parse_file,
)

CAMT053 = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-02T08:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>S1</Id>
      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">90.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-02</Dt></Dt></Bal>
      <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-02</Dt></BookgDt><ValDt><Dt>2026-11-02</Dt></ValDt></Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
"""

MT940 = (
    ":20:REF1\n:25:DE89370400440532013000\n:28C:1/1\n:60F:C261101EUR100,00\n"
    ":61:2611021102D10,00NTRFNONREF//B1\n:86:/NAME/ACME/REMI/INV 1/\n:62F:C261102EUR90,00\n-\n"
)


def _rejected(data: bytes | str) -> Exception:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(
        (NotAStatement, MalformedStatement, UnsafeStatement, StatementTooLarge)
    ) as e:
        parse_bytes(raw)
    return e.value


def test_the_valid_samples_parse() -> None:
    assert len(parse_bytes(CAMT053.encode())[0].entries) == 1
    assert len(parse_bytes(MT940.encode())[0].entries) == 1


def test_billion_laughs_is_refused_before_any_expansion() -> None:
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        + "".join(
            f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
            for i in range(1, 10)
        )
        + ']>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'
        "<BkToCstmrStmt><Stmt><Id>&lol9;</Id></Stmt></BkToCstmrStmt></Document>"
    )
    error = _rejected(bomb)
    assert isinstance(error, UnsafeStatement)
    assert "DTD" in str(error)


def test_external_entity_is_refused() -> None:
    xxe = CAMT053.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ).replace("<Id>S1</Id>", "<Id>&x;</Id>")
    assert isinstance(_rejected(xxe), UnsafeStatement)


def test_truncated_camt_names_the_line() -> None:
    error = _rejected(CAMT053[: len(CAMT053) // 2])
    assert isinstance(error, MalformedStatement)
    assert "line " in str(error) and "not well-formed" in str(error)


def test_camt_amount_that_is_not_a_number_names_the_element() -> None:
    error = _rejected(CAMT053.replace('<Amt Ccy="EUR">10.00</Amt>', '<Amt Ccy="EUR">1O,00</Amt>'))
    assert isinstance(error, MalformedStatement)
    assert str(error).startswith("Stmt[1]/Ntry[1]/Amt:")


def test_camt_entry_without_credit_debit_indicator_names_the_element() -> None:
    error = _rejected(CAMT053.replace("<CdtDbtInd>DBIT</CdtDbtInd><Sts>", "<Sts>"))
    assert "Stmt[1]/Ntry[1]/CdtDbtInd" in str(error)


def test_camt_bad_date_names_the_element() -> None:
    error = _rejected(CAMT053.replace("<BookgDt><Dt>2026-11-02", "<BookgDt><Dt>2026-13-02"))
    assert "Stmt[1]/Ntry[1]/BookgDt" in str(error)


def test_camt_message_without_statement_is_malformed() -> None:
    start, end = CAMT053.index("<Stmt>"), CAMT053.index("</Stmt>") + len("</Stmt>")
    error = _rejected(CAMT053[:start] + CAMT053[end:])
    assert isinstance(error, MalformedStatement)


def test_other_iso20022_message_is_not_a_statement() -> None:
    pain = (
        '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">'
        "<CstmrCdtTrfInitn><GrpHdr/></CstmrCdtTrfInitn></Document>"
    )
    assert isinstance(_rejected(pain), NotAStatement)


def test_unparseable_mt940_line_is_named() -> None:
    error = _rejected(MT940.replace(":61:2611021102D10,00NTRFNONREF//B1", ":61:2611021102D"))
    assert isinstance(error, MalformedStatement)
    assert str(error).startswith("line 5: field :61:")


def test_impossible_mt940_date_is_named() -> None:
    error = _rejected(MT940.replace(":60F:C261101", ":60F:C261301"))
    assert str(error).startswith("line 4: field :60F:")
    assert "month" in str(error)


def test_line_numbers_count_blank_lines_and_the_swift_envelope() -> None:
    wrapped = (
        "{1:F01BANKDEFFAXXX0000000000}{2:O9401200261102BANKDEFFAXXX00000000002611021200N}{4:\n"
        + MT940.replace("-\n", "\n\n").replace(":61:2611021102D10,00", ":61:26110X1102D10,00")
        + "-}{5:{CHK:ABCDEF012345}}\n"
    )
    error = _rejected(wrapped)
    assert str(error).startswith("line 6: field :61:")


def test_truncated_swift_envelope_is_rejected() -> None:
    wrapped = "{1:F01BANKDEFFAXXX0000000000}{2:O940}{4:\n" + MT940[:60]
    error = _rejected(wrapped)
    assert isinstance(error, MalformedStatement)
    assert "truncated" in str(error)


def test_binary_garbage_is_not_a_statement() -> None:
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(4096))
    assert isinstance(_rejected(garbage), NotAStatement)
    assert isinstance(_rejected(b"\x89PNG\r\n\x1a\n" + garbage), NotAStatement)


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n\n",
        "Dear customer,\nyour statement is attached.\n",
        "date,amount,currency\n2026-11-02,-10.00,EUR\n",
        '{"statements": []}',
        "<html><body>statement</body></html>",
    ],
)
def test_text_that_is_not_a_statement_is_rejected(content: str) -> None:
    assert isinstance(_rejected(content), NotAStatement)


def test_oversize_file_is_rejected_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.sta"
    with big.open("wb") as handle:
        handle.write(MT940.encode())
        handle.seek(2048)
        handle.write(b"\n")
    with pytest.raises(StatementTooLarge):
        parse_file(big, max_bytes=1024)
    with pytest.raises(StatementTooLarge):
        parse_bytes(os.urandom(2000), max_bytes=1000)


def test_rejections_carry_stable_codes() -> None:
    assert _rejected("hello").code == "not_a_statement"  # type: ignore[attr-defined]
    assert _rejected(CAMT053[:100]).code == "malformed_statement"  # type: ignore[attr-defined]


def test_swift_messages_joined_on_one_line_are_all_read() -> None:
    header = "{1:F01BANKDEFFAXXX0000000000}{2:O9401200261102BANKDEFFAXXX00000000002611021200N}{4:"
    second = MT940.replace(":20:REF1", ":20:REF2").replace("-\n", "")
    data = header + "\n" + MT940.replace("-\n", "") + "-}" + header + "\n" + second + "-}\n"
    statements = parse_bytes(data.encode())
    assert [s.statement_id for s in statements] == ["REF1", "REF2"]
