"""Statements generated here (MT940, MT942, camt.053, camt.054) parse back to what was written."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from seaward.ledger.statements import StatementFormat, fingerprint, parse_bytes, sniff
from seaward.ledger.statements.export import format_amount, statement_to_dict

START = date(2026, 11, 2)


def _swift_amount(value: Decimal) -> str:
    return f"{abs(value):.2f}".replace(".", ",")


def _mark(value: Decimal) -> str:
    return "D" if value < 0 else "C"


def mt940(
    amounts: list[Decimal], opening: Decimal, closing: Decimal | None, ccy: str = "EUR"
) -> str:
    lines = [":20:STMT1", ":25:DE89370400440532013000", ":28C:12/1"]
    lines.append(f":60F:{_mark(opening)}{START:%y%m%d}{ccy}{_swift_amount(opening)}")
    for i, amount in enumerate(amounts):
        day = START + timedelta(days=i % 3)
        lines.append(
            f":61:{day:%y%m%d}{day:%m%d}{_mark(amount)}{_swift_amount(amount)}NTRFREF{i}//B{i}"
        )
        lines.append(f":86:/EREF/E2E-{i}/NAME/BUYER {i} LTD/REMI/INVOICE {i}/")
    if closing is not None:
        lines.append(f":62F:{_mark(closing)}{START:%y%m%d}{ccy}{_swift_amount(closing)}")
    return "\n".join(lines) + "\n-\n"


def mt942(amounts: list[Decimal], debit_total: Decimal, credit_total: Decimal) -> str:
    lines = [
        ":20:INTRADAY1",
        ":21:NONREF",
        ":25:DE89370400440532013000",
        ":28C:7/1",
        ":34F:USD0,",
        ":13D:2611021530+0800",
    ]
    for i, amount in enumerate(amounts):
        lines.append(
            f":61:{START:%y%m%d}{START:%m%d}{_mark(amount)}{_swift_amount(amount)}NTRFINV-{i}"
        )
        lines.append(f":86:/EREF/INV-2026-{i:03d}/NAME/Ningbo Buyer {i}/REMI/Invoice {i}/")
    debits = [a for a in amounts if a < 0]
    credits = [a for a in amounts if a >= 0]
    lines.append(f":90D:{len(debits)}USD{_swift_amount(debit_total)}")
    lines.append(f":90C:{len(credits)}USD{_swift_amount(credit_total)}")
    return "\n".join(lines) + "\n-\n"


def _camt_amount(value: Decimal) -> str:
    return f"{abs(value):f}"


def _indicator(value: Decimal) -> str:
    return "DBIT" if value < 0 else "CRDT"


def camt_entry(i: int, amount: Decimal, ccy: str, version: int, status: str = "BOOK") -> str:
    role = "Dbtr" if amount >= 0 else "Cdtr"
    name = f"<Pty><Nm>Party {i}</Nm></Pty>" if version >= 8 else f"<Nm>Party {i}</Nm>"
    sts = f"<Sts><Cd>{status}</Cd></Sts>" if version >= 8 else f"<Sts>{status}</Sts>"
    day = START + timedelta(days=i % 3)
    return (
        f'<Ntry><Amt Ccy="{ccy}">{_camt_amount(amount)}</Amt>'
        f"<CdtDbtInd>{_indicator(amount)}</CdtDbtInd>{sts}"
        f"<BookgDt><DtTm>{day}T09:30:00+08:00</DtTm></BookgDt><ValDt><Dt>{day}</Dt></ValDt>"
        f"<AcctSvcrRef>BANK-{i}</AcctSvcrRef>"
        f"<NtryDtls><TxDtls><Refs><EndToEndId>E2E-{i}</EndToEndId></Refs>"
        f"<RltdPties><{role}>{name}</{role}></RltdPties>"
        f"<RmtInf><Ustrd>Invoice {i}</Ustrd><Ustrd>PO 77{i}</Ustrd></RmtInf></TxDtls></NtryDtls>"
        "</Ntry>"
    )


def camt053(amounts: list[Decimal], opening: Decimal, closing: Decimal, ccy: str = "EUR") -> str:
    def bal(code: str, value: Decimal) -> str:
        return (
            f"<Bal><Tp><CdOrPrtry><Cd>{code}</Cd></CdOrPrtry></Tp>"
            f'<Amt Ccy="{ccy}">{_camt_amount(value)}</Amt>'
            f"<CdtDbtInd>{_indicator(value)}</CdtDbtInd>"
            f"<Dt><Dt>{START}</Dt></Dt></Bal>"
        )

    entries = "".join(camt_entry(i, a, ccy, 2) for i, a in enumerate(amounts))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>'
        "<GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-02T18:00:00</CreDtTm></GrpHdr>"
        f"<Stmt><Id>S-1</Id><ElctrncSeqNb>42</ElctrncSeqNb>"
        f"<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>{ccy}</Ccy></Acct>"
        f"{bal('OPBD', opening)}{bal('CLBD', closing)}{entries}</Stmt>"
        "</BkToCstmrStmt></Document>"
    )


def camt054(notifications: list[list[Decimal]], version: int = 8, status: str = "BOOK") -> str:
    body = "".join(
        f"<Ntfctn><Id>N-{n}</Id><CreDtTm>2026-11-02T10:00:00</CreDtTm>"
        "<Acct><Id><Othr><Id>1234567890</Id></Othr></Id></Acct>"
        + "".join(camt_entry(i, a, "USD", version, status) for i, a in enumerate(amounts))
        + "</Ntfctn>"
        for n, amounts in enumerate(notifications)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.{version:02d}">'
        "<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>M</MsgId>"
        "<CreDtTm>2026-11-02T10:00:00</CreDtTm></GrpHdr>"
        f"{body}</BkToCstmrDbtCdtNtfctn></Document>"
    )


MONEY = st.decimals(
    min_value=Decimal("-99999999.99"),
    max_value=Decimal("99999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


def test_mt942_interim_report_is_read_with_its_totals() -> None:
    amounts = [Decimal("9965.00"), Decimal("-35.00"), Decimal("1200.50")]
    data = mt942(amounts, Decimal("35.00"), Decimal("11165.50")).encode()
    # when
    (statement,) = parse_bytes(data)
    # then
    assert sniff(data) is StatementFormat.MT942
    assert statement.format is StatementFormat.MT942
    assert statement.currency == "USD"
    assert statement.opening_balance is None and statement.closing_balance is None
    assert [e.amount for e in statement.entries] == amounts
    assert statement.entries[0].counterparty == "Ningbo Buyer 0"
    assert statement.entries[0].reference == "INV-2026-000"
    assert statement.entries[0].remittance == "Invoice 0"
    assert statement.created_at == "2026-11-02T15:30:00+08:00"
    assert statement.warnings == ()


def test_mt942_totals_that_disagree_with_the_lines_are_a_warning() -> None:
    amounts = [Decimal("100.00"), Decimal("-35.00")]
    (statement,) = parse_bytes(mt942(amounts, Decimal("35.00"), Decimal("150.00")).encode())
    assert len(statement.warnings) == 1
    assert "credit" in statement.warnings[0] and "difference 50.00" in statement.warnings[0]


def test_camt054_notifications_of_two_versions_read_alike() -> None:
    amounts = [[Decimal("9965.00"), Decimal("-35.00")], [Decimal("120.00")]]
    v2 = parse_bytes(camt054(amounts, version=2).encode())
    v8 = parse_bytes(camt054(amounts, version=8).encode())
    assert [s.format for s in v8] == [StatementFormat.CAMT054] * 2
    for parsed in (v2, v8):
        assert [[e.amount for e in s.entries] for s in parsed] == amounts
        first = parsed[0].entries[0]
        assert first.counterparty == "Party 0"
        assert first.reference == "E2E-0"
        assert first.remittance == "Invoice 0 PO 770"
        assert first.booking_date == START  # the bank's local date, not shifted to UTC
        assert parsed[0].account == "1234567890"
        assert parsed[0].currency == "USD"
        assert parsed[0].opening_balance is None and parsed[0].closing_balance is None
    assert [statement_to_dict(s)["entries"] for s in v2] == [
        statement_to_dict(s)["entries"] for s in v8
    ]


def test_pending_camt_entries_do_not_move_the_booked_balance() -> None:
    text = camt053([Decimal("50.00")], Decimal("100.00"), Decimal("100.00"))
    pending = text.replace("<Sts>BOOK</Sts>", "<Sts>PDNG</Sts>")
    (statement,) = parse_bytes(pending.encode())
    assert statement.entries[0].status == "PDNG"
    assert statement.warnings == ()


@settings(max_examples=60, deadline=None)
@given(amounts=st.lists(MONEY, min_size=0, max_size=12), opening=MONEY)
def test_mt940_amounts_round_trip_and_balances_add_up(
    amounts: list[Decimal], opening: Decimal
) -> None:
    closing = opening + sum(amounts, Decimal(0))
    (statement,) = parse_bytes(mt940(amounts, opening, closing).encode())
    assert [e.amount for e in statement.entries] == amounts
    assert statement.opening_balance == opening
    assert statement.closing_balance == closing
    assert statement.balance_difference == 0
    assert statement.warnings == ()
    doc = statement_to_dict(statement)
    assert [Decimal(e["amount"]) for e in doc["entries"]] == amounts
    assert all(e["amount"] == f"{Decimal(e['amount']):.2f}" for e in doc["entries"])


@settings(max_examples=60, deadline=None)
@given(
    amounts=st.lists(MONEY, min_size=1, max_size=12),
    opening=MONEY,
    error=MONEY.filter(lambda d: d != 0),
)
def test_camt053_balance_difference_is_reported_not_rejected(
    amounts: list[Decimal], opening: Decimal, error: Decimal
) -> None:
    closing = opening + sum(amounts, Decimal(0)) + error
    (statement,) = parse_bytes(camt053(amounts, opening, closing).encode())
    assert [e.amount for e in statement.entries] == amounts
    assert statement.balance_difference == error
    assert len(statement.warnings) == 1
    assert f"(difference {error})" in statement.warnings[0]


def test_amounts_keep_their_digits_and_use_minor_units_when_lossless() -> None:
    assert format_amount(Decimal("500"), "EUR") == "500.00"
    assert format_amount(Decimal("18.150"), "EUR") == "18.15"
    assert format_amount(Decimal("1.005"), "EUR") == "1.005"
    assert format_amount(Decimal("1500.0"), "JPY") == "1500"
    assert format_amount(Decimal("-0.00"), "EUR") == "0.00"
    assert format_amount(Decimal("-12.5"), "DEM") == "-12.5"
    assert format_amount(Decimal("1E+3"), None) == "1000"


def test_fingerprint_ignores_layout_but_not_content() -> None:
    amounts = [Decimal("10.00"), Decimal("-2.50")]
    text = mt940(amounts, Decimal("1.00"), Decimal("8.50"))
    base = fingerprint(parse_bytes(text.encode())[0])
    crlf = text.replace("\n", "\r\n")
    short = text.replace("C10,00NTRF", "C10,NTRF")
    assert fingerprint(parse_bytes(crlf.encode())[0]) == base
    assert fingerprint(parse_bytes(short.encode())[0]) == base
    changed = text.replace("INVOICE 1/", "INVOICE 2/")
    reordered = mt940(list(reversed(amounts)), Decimal("1.00"), Decimal("8.50"))
    assert fingerprint(parse_bytes(changed.encode())[0]) != base
    assert fingerprint(parse_bytes(reordered.encode())[0]) != base


def test_statements_concatenated_without_20_are_split_at_the_opening_balance() -> None:
    first = mt940([Decimal("5.00")], Decimal("0.00"), Decimal("5.00"))
    second = mt940([Decimal("-1.00")], Decimal("5.00"), Decimal("4.00"))
    body = second.split("\n", 3)[3]  # without :20:, :25:, :28C:
    statements = parse_bytes((first + body).encode())
    assert [s.opening_balance for s in statements] == [Decimal("0.00"), Decimal("5.00")]
    assert [s.warnings for s in statements] == [(), ()]


def test_statement_cut_after_its_last_line_parses_with_a_warning() -> None:
    text = mt940([Decimal("5.00"), Decimal("-1.00")], Decimal("0.00"), None)
    (statement,) = parse_bytes(text.encode())
    assert statement.closing_balance is None
    assert len(statement.entries) == 2
    assert statement.warnings == (
        "no closing balance: a partial statement, or the file is truncated",
    )
