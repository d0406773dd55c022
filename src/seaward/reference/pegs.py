"""Fixed exchange-rate pegs of currencies the ECB does not publish (dated facts).

Each peg says: 1 unit of ``anchor`` = ``rate`` units of ``currency``, from
``valid_from`` on, as announced by the issuing central bank. The ECB reference
rates cover about 30 currencies; Gulf currencies and the CFA francs, common in
export trade, are pegged and so follow from their anchor's rate. Pure data, no
Django. The loader stores them as the ``fx-pegs`` data set; ``seaward.reference.fx``
uses them through the database or directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

COMPILED_ON = date(2026, 11, 26)


@dataclass(frozen=True, slots=True)
class Peg:
    currency: str
    anchor: str
    rate: Decimal  # units of ``currency`` per 1 unit of ``anchor``
    valid_from: date
    source: str


PEGS: tuple[Peg, ...] = (
    Peg(
        "AED",
        "USD",
        Decimal("3.6725"),
        date(1997, 11, 1),
        "Central Bank of the UAE: dirham pegged to the US dollar at 3.6725 "
        "(formalised November 1997).",
    ),
    Peg(
        "SAR",
        "USD",
        Decimal("3.75"),
        date(1986, 6, 1),
        "Saudi Central Bank (SAMA): riyal pegged to the US dollar at 3.75 since June 1986.",
    ),
    Peg(
        "QAR",
        "USD",
        Decimal("3.64"),
        date(2001, 7, 9),
        "Qatar Central Bank: riyal pegged to the US dollar at 3.64 (Emiri decree, 2001).",
    ),
    Peg(
        "OMR",
        "USD",
        Decimal("0.3845"),
        date(1986, 1, 1),
        "Central Bank of Oman: rial pegged to the US dollar at 0.3845 per USD since 1986.",
    ),
    Peg(
        "BHD",
        "USD",
        Decimal("0.376"),
        date(2001, 1, 1),
        "Central Bank of Bahrain: dinar pegged to the US dollar at 0.376 per USD "
        "(officially since 2001, de facto since 1980).",
    ),
    Peg(
        "JOD",
        "USD",
        Decimal("0.709"),
        date(1995, 10, 23),
        "Central Bank of Jordan: dinar pegged to the US dollar at 0.709 per USD "
        "since October 1995.",
    ),
    Peg(
        "XOF",
        "EUR",
        Decimal("655.957"),
        date(1999, 1, 1),
        "BCEAO: CFA franc (West Africa) fixed at 655.957 per euro since 1 January 1999.",
    ),
    Peg(
        "XAF",
        "EUR",
        Decimal("655.957"),
        date(1999, 1, 1),
        "BEAC: CFA franc (Central Africa) fixed at 655.957 per euro since 1 January 1999.",
    ),
)
