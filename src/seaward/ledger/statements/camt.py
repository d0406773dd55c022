"""ISO 20022 bank-to-customer messages: camt.052 (report), camt.053 (statement), camt.054
(debit/credit notification), every published version (``camt.05x.001.01`` to ``.13``).

The XML is untrusted: it is parsed with ``defusedxml`` (no DTD, no entity, no external
reference), after the caller's size limit. Elements are matched by local name, so any
version's namespace (or none, or a SWIFT ``AppHdr`` envelope around ``Document``) reads
the same. Faults are reported with the element path, e.g. ``Stmt[2]/Ntry[5]/Amt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden

from seaward.ledger.statements.details import meaningful
from seaward.ledger.statements.errors import (
    MalformedStatement,
    NotAStatement,
    UnsafeStatement,
)
from seaward.ledger.statements.model import Statement, StatementEntry, StatementFormat

MESSAGES = {
    "BkToCstmrAcctRpt": (StatementFormat.CAMT052, "Rpt"),
    "BkToCstmrStmt": (StatementFormat.CAMT053, "Stmt"),
    "BkToCstmrDbtCdtNtfctn": (StatementFormat.CAMT054, "Ntfctn"),
}
_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_AMOUNT_RE = re.compile(r"^\s*\d+(\.\d+)?\s*$")
_OPENING_CODES = ("OPBD", "PRCD")
_CLOSING_CODES = ("CLBD",)


def local(tag: object) -> str:
    """The element name without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: Element, name: str) -> Iterator[Element]:
    return iter(element.findall(name))


def find(element: Element | None, path: str) -> Element | None:
    """The first element at ``path`` (local names separated by ``/``), or None."""
    return None if element is None else element.find(path)


def text(element: Element | None, path: str) -> str | None:
    found = find(element, path)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def _first_text(element: Element | None, *paths: str) -> str | None:
    for path in paths:
        value = text(element, path)
        if value is not None:
            return value
    return None


def load(data: bytes) -> tuple[Element, str]:
    """The root element of untrusted XML (tags without namespace) and its namespace."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DTDForbidden, EntitiesForbidden) as exc:
        raise UnsafeStatement(
            "the XML declares a DTD or entities, which are refused in bank files "
            f"(entity expansion attacks): {type(exc).__name__}",
            where="DOCTYPE",
        ) from exc
    except DefusedXmlException as exc:
        raise UnsafeStatement(f"the XML uses a refused construct: {exc}") from exc
    except LookupError as exc:
        raise MalformedStatement(
            f"the XML declares an encoding Python does not know ({exc})", where="line 1"
        ) from exc
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise MalformedStatement(
            f"the XML is not well-formed ({str(exc).split(':')[0]})",
            where=f"line {line}, column {column + 1}",
        ) from exc
    namespace = root.tag[1:].split("}")[0] if str(root.tag).startswith("{") else ""
    # Every version has its own namespace; dropping them once lets ElementTree's own
    # path search (fast, in C) read all versions with one set of paths.
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = local(element.tag)
    return root, namespace


def _message(root: Element, namespace: str) -> tuple[Element, StatementFormat, str]:
    for element in root.iter():
        name = local(element.tag)
        if name in MESSAGES:
            fmt, record = MESSAGES[name]
            return element, fmt, record
    kind = f" ({namespace})" if namespace else ""
    raise NotAStatement(
        f"the XML document <{local(root.tag)}>{kind} is not an ISO 20022 camt.052, camt.053 "
        "or camt.054 bank-to-customer message"
    )


def _date(value: str | None, where: str) -> date | None:
    if value is None:
        return None
    match = _DATE_RE.match(value)
    try:
        if match is None:
            raise ValueError(value)
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise MalformedStatement(f"not a date: {value[:40]!r}", where=where) from None


def _amount(element: Element | None, where: str) -> tuple[Decimal, str | None]:
    if element is None or element.text is None:
        raise MalformedStatement("the amount is missing", where=where)
    raw = element.text
    if not _AMOUNT_RE.match(raw):
        raise MalformedStatement(f"not an amount: {raw.strip()[:40]!r}", where=where)
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        raise MalformedStatement(f"not an amount: {raw.strip()[:40]!r}", where=where) from None
    currency = (element.get("Ccy") or "").strip().upper() or None
    if currency is not None and not re.fullmatch(r"[A-Z]{3}", currency):
        raise MalformedStatement(f"Ccy {currency[:10]!r} is not a currency code", where=where)
    return value, currency


def _signed(value: Decimal, indicator: str | None, where: str) -> Decimal:
    if indicator == "DBIT":
        return -value
    if indicator == "CRDT":
        return value
    raise MalformedStatement(
        f"CdtDbtInd must be CRDT or DBIT, found {indicator!r}", where=f"{where}/CdtDbtInd"
    )


def _day_of(element: Element | None, path: str, where: str) -> date | None:
    holder = find(element, path)
    if holder is None:
        return None
    return _date(_first_text(holder, "Dt", "DtTm"), f"{where}/{path}")


def _account_id(account: Element | None) -> str | None:
    return _first_text(account, "Id/IBAN", "Id/Othr/Id", "Id/PrtryAcct/Id", "Id/BBAN")


def _party_name(parties: Element | None, role: str) -> str | None:
    # Before version 8 the name sits in <Dbtr><Nm>, from version 8 in <Dbtr><Pty><Nm>.
    for path in (f"{role}/Nm", f"{role}/Pty/Nm", f"Ultmt{role}/Nm", f"Ultmt{role}/Pty/Nm"):
        name = meaningful(text(parties, path))
        if name:
            return name
    return None


def _remittance(tx: Element) -> str | None:
    info = find(tx, "RmtInf")
    if info is not None:
        lines = [meaningful(u.text) for u in children(info, "Ustrd")]
        found = " ".join(line for line in lines if line)
        if found:
            return found
        structured = []
        for strd in children(info, "Strd"):
            structured.append(meaningful(text(strd, "CdtrRefInf/Ref")))
            structured.extend(meaningful(a.text) for a in children(strd, "AddtlRmtInf"))
            structured.append(meaningful(text(strd, "RfrdDocInf/Nb")))
        found = " ".join(part for part in structured if part)
        if found:
            return found
    return meaningful(text(tx, "AddtlTxInf"))


def _reference(tx: Element) -> str | None:
    return (
        meaningful(text(tx, "RmtInf/Strd/CdtrRefInf/Ref"))
        or meaningful(text(tx, "Refs/EndToEndId"))
        or meaningful(text(tx, "Refs/InstrId"))
        or meaningful(text(tx, "Refs/TxId"))
        or meaningful(text(tx, "Refs/UETR"))
    )


def _transaction_code(entry: Element) -> str | None:
    domain = find(entry, "BkTxCd/Domn")
    if domain is not None:
        parts = [text(domain, "Cd"), text(domain, "Fmly/Cd"), text(domain, "Fmly/SubFmlyCd")]
        joined = "/".join(p for p in parts if p)
        if joined:
            return joined
    return text(entry, "BkTxCd/Prtry/Cd")


def _entry(entry: Element, where: str) -> StatementEntry:
    value, currency = _amount(find(entry, "Amt"), f"{where}/Amt")
    credit_debit = text(entry, "CdtDbtInd")
    amount = _signed(value, credit_debit, where)
    if amount == 0:
        amount = abs(amount)
    txs = [tx for details in children(entry, "NtryDtls") for tx in children(details, "TxDtls")]
    role, account_role = ("Dbtr", "DbtrAcct") if credit_debit == "CRDT" else ("Cdtr", "CdtrAcct")
    reference = counterparty = account = None
    remittances = [r for r in (_remittance(tx) for tx in txs) if r]
    if len(txs) == 1:
        parties = find(txs[0], "RltdPties")
        reference = _reference(txs[0])
        counterparty = _party_name(parties, role)
        account = _account_id(find(parties, account_role))
    elif txs:
        names = {_party_name(find(tx, "RltdPties"), role) for tx in txs}
        counterparty = names.pop() if len(names) == 1 else None
        reference = meaningful(text(entry, "NtryDtls/Btch/PmtInfId"))
    reference = reference or meaningful(text(entry, "NtryRef"))
    remittance = "; ".join(remittances) if remittances else meaningful(text(entry, "AddtlNtryInf"))
    status = _first_text(entry, "Sts/Cd", "Sts/Prtry", "Sts")
    return StatementEntry(
        amount=amount,
        currency=currency,
        booking_date=_day_of(entry, "BookgDt", where),
        value_date=_day_of(entry, "ValDt", where),
        reference=reference,
        counterparty=counterparty,
        remittance=remittance,
        bank_reference=meaningful(text(entry, "AcctSvcrRef"))
        or (meaningful(text(txs[0], "Refs/AcctSvcrRef")) if len(txs) == 1 else None),
        counterparty_account=account,
        transaction_code=_transaction_code(entry),
        status=status.upper() if status else None,
        reversal=(text(entry, "RvslInd") or "").lower() in ("true", "1"),
    )


def _balances(record: Element, where: str) -> dict[str, tuple[Decimal, str | None, date | None]]:
    found: dict[str, tuple[Decimal, str | None, date | None]] = {}
    for index, balance in enumerate(children(record, "Bal"), 1):
        at = f"{where}/Bal[{index}]"
        code = _first_text(balance, "Tp/CdOrPrtry/Cd", "Tp/CdOrPrtry/Prtry", "Tp/Cd", "Tp/Prtry")
        if code is None:
            continue
        value, currency = _amount(find(balance, "Amt"), f"{at}/Amt")
        amount = _signed(value, text(balance, "CdtDbtInd"), at)
        # The first balance of a type is the statement's; later ones (sub-types) are not.
        found.setdefault(code.upper(), (amount, currency, _day_of(balance, "Dt", at)))
    return found


def _record(record: Element, fmt: StatementFormat, where: str) -> Statement:
    account = find(record, "Acct")
    balances = _balances(record, where)
    opening = next((balances[c] for c in _OPENING_CODES if c in balances), None)
    closing = next((balances[c] for c in _CLOSING_CODES if c in balances), None)
    available = balances.get("CLAV")
    entries = tuple(
        _entry(entry, f"{where}/Ntry[{index}]")
        for index, entry in enumerate(children(record, "Ntry"), 1)
    )
    stated = (text(account, "Ccy") or "").upper()
    currency = stated if re.fullmatch(r"[A-Z]{3}", stated) else None
    currency = currency or next(
        (b[1] for b in (opening, closing) if b is not None and b[1]),
        next((e.currency for e in entries if e.currency), None),
    )
    warnings = [
        f"the {label} balance is stated in {b[1]}, the account in {currency}"
        for label, b in (("opening", opening), ("closing", closing))
        if b is not None and b[1] and currency and b[1] != currency
    ]
    return Statement(
        format=fmt,
        account=_account_id(account),
        currency=currency,
        opening_balance=opening[0] if opening else None,
        opening_date=opening[2] if opening else None,
        closing_balance=closing[0] if closing else None,
        closing_date=closing[2] if closing else None,
        available_balance=available[0] if available else None,
        statement_id=text(record, "Id"),
        sequence=_first_text(record, "ElctrncSeqNb", "LglSeqNb", "RptPgntn/PgNb"),
        created_at=text(record, "CreDtTm"),
        entries=entries,
        warnings=tuple(warnings),
    )


def parse_camt(data: bytes) -> list[Statement]:
    """Every Rpt / Stmt / Ntfctn of a camt message, in file order."""
    root, namespace = load(data)
    message, fmt, record_name = _message(root, namespace)
    records = list(children(message, record_name))
    if not records:
        raise MalformedStatement(
            f"the message holds no <{record_name}> element", where=local(message.tag)
        )
    return [
        _record(record, fmt, f"{record_name}[{index}]") for index, record in enumerate(records, 1)
    ]
