"""Bank statements: SWIFT MT940/MT942 and ISO 20022 camt.052/053/054 into one model.

Pure Python, no Django. ``parse_bytes`` / ``parse_file`` read an untrusted file and
return ``Statement`` objects or raise a ``StatementRejected`` naming the line or
element at fault; ``fingerprint`` identifies a statement for idempotent re-import.
"""

from seaward.ledger.statements.errors import (
    MalformedStatement,
    NotAStatement,
    StatementRejected,
    StatementTooLarge,
    UnsafeStatement,
)
from seaward.ledger.statements.export import document, fingerprint, statement_to_dict
from seaward.ledger.statements.model import Statement, StatementEntry, StatementFormat
from seaward.ledger.statements.reading import MAX_BYTES, parse_bytes, parse_file
from seaward.ledger.statements.sniff import sniff

__all__ = [
    "MAX_BYTES",
    "MalformedStatement",
    "NotAStatement",
    "Statement",
    "StatementEntry",
    "StatementFormat",
    "StatementRejected",
    "StatementTooLarge",
    "UnsafeStatement",
    "document",
    "fingerprint",
    "parse_bytes",
    "parse_file",
    "sniff",
    "statement_to_dict",
]
