"""Reads of the reference data: lookups, type-ahead searches, FX rates. Shared by all tenants."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import Q, QuerySet

from seaward.core.money import normalize_currency
from seaward.core.tenancy import current_organization
from seaward.reference import fx
from seaward.reference.errors import ReferenceNotFound
from seaward.reference.models import (
    ContainerType,
    Country,
    Currency,
    DataSet,
    EnteredFxRate,
    FxPeg,
    FxRate,
    HsCode,
    Incoterm,
    Location,
    LocationAlias,
    VatRate,
)
from seaward.reference.parsing import fold
from seaward.reference.pegs import Peg

HIGH = "\uffff"


def _prefix(field: str, value: str) -> Q:
    """Case-sensitive prefix match on an indexed, pre-normalized column.

    SQLite's LIKE ignores case and so cannot use a plain index: a range on the
    binary collation can. PostgreSQL's locale collations may ignore U+FFFF, but
    Django gives indexed text columns a ``*_pattern_ops`` index that LIKE uses.
    """
    if connection.vendor == "sqlite":
        return Q(**{f"{field}__gte": value, f"{field}__lt": value + HIGH})
    return Q(**{f"{field}__startswith": value})


def _not_found(kind: str, code: str) -> ReferenceNotFound:
    return ReferenceNotFound(
        params={"kind": kind, "code": code[:40]}, details={"kind": kind, "code": code[:40]}
    )


# --- data sets -----------------------------------------------------------------------------------
def datasets() -> QuerySet[DataSet]:
    return DataSet.objects.all()


def dataset(key: str) -> DataSet | None:
    """The loaded data set ``key`` (None before ``seaward load-reference``)."""
    return DataSet.objects.filter(key=key).first()


# --- countries and currencies --------------------------------------------------------------------
def countries() -> QuerySet[Country]:
    return Country.objects.all()


def country(code: str) -> Country:
    found = Country.objects.filter(code=code.strip().upper()).first()
    if found is None:
        raise _not_found("country", code)
    return found


def country_search(query: str, *, limit: int = 20) -> list[Country]:
    """Countries by ISO code (alpha-2 or alpha-3) or by name in English, Chinese or Spanish."""
    needle = fold(query)
    if not needle:
        return list(Country.objects.all()[:limit])
    code = needle.upper()
    ranked: list[tuple[int, str, Country]] = []
    for item in Country.objects.all():
        names = [
            fold(n)
            for n in (item.name_en, item.official_name_en, item.name_zh_hans, item.name_es)
            if n
        ]
        if code in (item.code, item.alpha3):
            rank = 0
        elif any(name.startswith(needle) for name in names):
            rank = 1
        elif any(f" {needle}" in f" {name}" for name in names):
            rank = 2
        elif any(needle in name for name in names):
            rank = 3
        else:
            continue
        ranked.append((rank, item.name_en, item))
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    return [item for _rank, _name, item in ranked[:limit]]


def currencies() -> QuerySet[Currency]:
    return Currency.objects.all()


def currency(code: str) -> Currency:
    found = Currency.objects.filter(code=code.strip().upper()).first()
    if found is None:
        raise _not_found("currency", code)
    return found


# --- UN/LOCODE -----------------------------------------------------------------------------------
_CODE_LIKE = re.compile(r"^[A-Za-z]{2}[A-Za-z0-9]{0,3}$")


def location(unlocode: str) -> Location:
    found = Location.objects.filter(unlocode=unlocode.strip().upper().replace(" ", "")).first()
    if found is None:
        raise _not_found("UN/LOCODE", unlocode)
    return found


def location_search(
    query: str, *, limit: int = 20, country: str = "", seaports_only: bool = False
) -> list[Location]:
    """Locations by code prefix (carrier aliases such as CNSHA included) or name prefix.

    Sea ports come first, then exact code and alias matches, then names.
    """
    text = query.strip()
    if not text:
        return []
    base = Location.objects.all()
    if country:
        base = base.filter(country=country.strip().upper())
    if seaports_only:
        base = base.filter(is_seaport=True)
    fetch = max(limit * 3, 30)
    found: dict[str, tuple[int, Location]] = {}

    def add(rank: int, items: QuerySet[Location]) -> None:
        for item in items:
            if item.unlocode not in found or found[item.unlocode][0] > rank:
                found[item.unlocode] = (rank, item)

    compact = text.replace(" ", "").upper()
    if _CODE_LIKE.match(compact):
        if len(compact) >= 4:
            alias_targets = LocationAlias.objects.filter(
                _prefix("alias", compact), kind=LocationAlias.Kind.CODE
            ).values_list("location_id", flat=True)
            add(0 if len(compact) == 5 else 1, base.filter(unlocode__in=list(alias_targets)))
        add(
            0 if len(compact) == 5 else 1,
            base.filter(_prefix("unlocode", compact)).order_by("-is_seaport", "unlocode")[:fetch],
        )
    needle = fold(text)
    add(
        2,
        base.filter(_prefix("search_name", needle)).order_by("-is_seaport", "search_name")[:fetch],
    )
    alias_names = LocationAlias.objects.filter(
        _prefix("search_alias", needle), kind=LocationAlias.Kind.NAME
    ).values_list("location_id", flat=True)[:fetch]
    add(2, base.filter(unlocode__in=list(alias_names)))
    ordered = sorted(
        found.values(), key=lambda entry: (not entry[1].is_seaport, entry[0], entry[1].search_name)
    )
    return [item for _rank, item in ordered[:limit]]


# --- HS nomenclature -----------------------------------------------------------------------------
def hs_code(code: str) -> HsCode:
    cleaned = code.strip().replace(".", "").replace(" ", "").upper()
    found = HsCode.objects.filter(code=cleaned).first()
    if found is None:
        raise _not_found("HS code", code)
    return found


def hs_sections() -> QuerySet[HsCode]:
    return HsCode.objects.filter(level=HsCode.Level.SECTION).order_by("pk")


def hs_children(code: str) -> QuerySet[HsCode]:
    return HsCode.objects.filter(parent_id=code).order_by("code")


def hs_path(code: str) -> list[HsCode]:
    """From the section down to ``code`` (section, chapter, heading, subheading)."""
    node: HsCode | None = hs_code(code)
    path: list[HsCode] = []
    while node is not None:
        path.append(node)
        node = node.parent
    return list(reversed(path))


def hs_search(query: str, *, limit: int = 50) -> list[HsCode]:
    """HS codes by code prefix (dots and spaces ignored) or by all words of the description."""
    text = query.strip()
    if not text:
        return []
    digits = text.replace(".", "").replace(" ", "")
    codes = HsCode.objects.exclude(level=HsCode.Level.SECTION)
    if digits.isdigit():
        return list(codes.filter(_prefix("code", digits)).order_by("code")[:limit])
    for word in re.findall(r"\w+", text)[:8]:
        codes = codes.filter(description__icontains=word)
    return list(codes.order_by("level", "code")[:limit])


# --- FX ------------------------------------------------------------------------------------------
def fx_pegs() -> list[Peg]:
    return [
        Peg(p.currency, p.anchor, p.rate.normalize(), p.valid_from, p.source)
        for p in FxPeg.objects.all()
    ]


def fx_rate(
    on: date, from_currency: str, to_currency: str, *, user_rates: fx.UserRates | None = None
) -> fx.FxQuote:
    """The rate converting ``from_currency`` into ``to_currency`` on ``on`` (see ``fx``)."""
    source = normalize_currency(from_currency)
    target = normalize_currency(to_currency)
    if user_rates is None:
        user_rates = entered_rates(on)
    window = FxRate.objects.filter(date__gte=on - timedelta(days=fx.MAX_AGE_DAYS), date__lte=on)
    rates: dict[date, dict[str, Decimal]] = {}
    for day, code, rate in window.values_list("date", "currency", "rate"):
        rates.setdefault(day, {})[code] = rate
    known = ecb_currencies()
    return fx.cross_rate(
        source,
        target,
        on,
        rates=rates,
        pegs=fx_pegs(),
        user_rates=user_rates,
        known_currencies=list(known),
    )


_ecb_currencies: dict[str, tuple[str, ...]] = {}


def ecb_currencies() -> tuple[str, ...]:
    """Every currency the ECB file has quoted, cached per loaded version of the file."""
    version = DataSet.objects.filter(key="fx-ecb").values_list("checksum", flat=True).first() or ""
    if version not in _ecb_currencies:
        _ecb_currencies.clear()
        _ecb_currencies[version] = tuple(
            FxRate.objects.values_list("currency", flat=True).distinct().order_by("currency")
        )
    return _ecb_currencies[version]


def entered_rates(on: date) -> dict[tuple[str, str], Decimal]:
    """The active organization's latest own rate per pair within the window before ``on``."""
    if current_organization() is None:
        return {}
    rows = EnteredFxRate.objects.filter(
        date__gte=on - timedelta(days=fx.MAX_AGE_DAYS), date__lte=on
    ).order_by("date")
    return {(row.base, row.quote): row.rate for row in rows}


@dataclass(frozen=True)
class FxTable:
    date: date | None
    rates: list[tuple[str, Decimal]]


def fx_latest() -> FxTable:
    """The latest ECB publication: (currency, units per 1 EUR)."""
    latest = FxRate.objects.order_by("-date").values_list("date", flat=True).first()
    if latest is None:
        return FxTable(None, [])
    rows = FxRate.objects.filter(date=latest).order_by("currency").values_list("currency", "rate")
    return FxTable(latest, [(code, rate) for code, rate in rows])


# --- Incoterms, containers, VAT ------------------------------------------------------------------
def incoterms() -> QuerySet[Incoterm]:
    return Incoterm.objects.all()


def incoterm(code: str) -> Incoterm:
    found = Incoterm.objects.filter(code=code.strip().upper()).first()
    if found is None:
        raise _not_found("Incoterm", code)
    return found


def container_types() -> QuerySet[ContainerType]:
    return ContainerType.objects.all()


def container_type(code: str) -> ContainerType:
    found = ContainerType.objects.filter(code=code.strip().upper()).first()
    if found is None:
        raise _not_found("container type", code)
    return found


def vat_rates() -> QuerySet[VatRate]:
    return VatRate.objects.all()


def vat_rate(country_code: str) -> VatRate:
    found = VatRate.objects.filter(country=country_code.strip().upper()).first()
    if found is None:
        raise _not_found("VAT country", country_code)
    return found
