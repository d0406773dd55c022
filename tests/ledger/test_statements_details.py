"""Reading field 86 and recognising formats."""

from __future__ import annotations

from decimal import Decimal

import pytest

from seaward.ledger.statements import NotAStatement, StatementFormat, parse_bytes, sniff
from seaward.ledger.statements.details import (
    meaningful,
    plain_text,
    read_angle_coded,
    read_coded,
    read_slash_coded,
)


def test_slash_coded_details_join_hard_wrapped_lines() -> None:
    raw = (
        "/EREF/01-01-2013 12:00 0030000987654321/BENM//NAME/CONTRA ACCOUN\n"
        "T HOLDER/REMI/INVOICE 2026-0042/ISDT/2013-07-11"
    )
    found = read_slash_coded(raw)
    assert found.counterparty == "CONTRA ACCOUNT HOLDER"
    assert found.reference == "01-01-2013 12:00 0030000987654321"
    assert found.remittance == "INVOICE 2026-0042"


def test_rabobank_counterparty_block() -> None:
    found = read_slash_coded(
        "/TRTP/SEPA OVERBOEKING/CNTP/NL12RABO0123456789/RABONL2U/J. Janssen/Utrecht/"
        "/REMI/USTD//Factuur 77/EREF/NOTPROVIDED"
    )
    assert found.counterparty == "J. Janssen"
    assert found.counterparty_account == "NL12RABO0123456789"
    assert found.remittance == "Factuur 77"
    assert found.reference is None


def test_angle_coded_details_read_like_german_subfields() -> None:
    found = read_angle_coded(
        "000>100987654321\n>20ALGEMENE TUSSENREKENING KOS>21TEN VAN 01-10-2010\n"
        ">310390123456>32ACME>33 B.V."
    )
    assert found.remittance == "ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010"
    assert found.counterparty == "ACME B.V."
    assert found.counterparty_account == "0390123456"


def test_plain_text_is_not_guessed_into_fields() -> None:
    assert read_coded("GIRO 428428 KPN - DIGITENNE\nBETREFT FACTUUR") is None
    assert plain_text("GIRO   428428 KPN\n  BETREFT FACTUUR ") == "GIRO 428428 KPN BETREFT FACTUUR"
    assert meaningful(" NOTPROVIDED ") is None and meaningful("NONREF") is None


def test_german_structured_details_through_mt940() -> None:
    data = (
        ":20:STARTUMS\n:25:10020030/1234567\n:28C:5/1\n:60F:C261101EUR0,00\n"
        ":61:2611021102CR3000,NTRFNONREF//55555\n"
        ":86:166?00GUTSCHR. UEBERWEISUNG?100599?20EREF+INV-2026-7?21SVWZ+Rechnung 20\n"
        "26-7?3050060400?31DE02120300000000202051?32SHENZHEN EXPORT?33 CO LTD\n"
        ":62F:C261102EUR3000,00\n"
    )
    (entry,) = parse_bytes(data.encode())[0].entries
    assert entry.amount == Decimal("3000")
    assert entry.reference == "INV-2026-7"
    assert entry.remittance == "Rechnung 2026-7"
    assert entry.counterparty == "SHENZHEN EXPORT CO LTD"
    assert entry.counterparty_account == "DE02120300000000202051"


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (":20:X\n:25:1\n:60F:C260101EUR1,00\n", StatementFormat.MT940),
        ("ABNANL2A\n940\nABNANL2A\n:20:X\n:25:1\n", StatementFormat.MT940),
        (":20:X\n:25:1\n:34F:EUR0,\n:13D:2601011200+0100\n", StatementFormat.MT942),
        ("{1:F01X}{2:O942}{4:\n:20:X\n:25:1\n-}", StatementFormat.MT942),
        ('<?xml version="1.0"?><Document><BkToCstmrAcctRpt/></Document>', StatementFormat.CAMT052),
        ("\ufeff<Document><BkToCstmrStmt/></Document>", StatementFormat.CAMT053),
        (
            '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.13"/>',
            StatementFormat.CAMT054,
        ),
    ],
)
def test_sniffer_tells_the_formats_apart(head: str, fmt: StatementFormat) -> None:
    assert sniff(head.encode()) is fmt


def test_sniffer_reads_utf16_xml() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><Document><BkToCstmrStmt/></Document>'
    assert sniff(data.encode("utf-16")) is StatementFormat.CAMT053


def test_sniffer_refuses_what_it_does_not_know() -> None:
    with pytest.raises(NotAStatement):
        sniff(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
