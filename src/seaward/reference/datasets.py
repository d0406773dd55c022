"""The built-in reference data sets and how each one is loaded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from importlib.metadata import version as package_version
from typing import Any

from seaward.reference import parsing
from seaward.reference.loading import LoadContext, LoadResult, register_loader, replace_rows
from seaward.reference.pegs import COMPILED_ON, PEGS

REGION_COUNTRIES = "vat/sales-tax-npm/region_countries.json"
HS_FILES = ("hs/harmonized-system.csv", "hs/sections.csv")
UNLOCODE_FILES = ("unlocode/unlocode-merged.csv", "unlocode/aux/alias.csv")
ECB_HISTORY = "fx/eurofxref-hist.csv"
INCOTERMS = "incoterms/incoterms2020_facts.csv"
CONTAINERS = "containers/iso_containers_typical.csv"
VAT_FILES = (
    "vat/eu-vat-rates-data/eu_vat_rates_data.json",
    "vat/sales-tax-npm/sales_tax_rates.json",
)

PYCOUNTRY_BABEL = "Data: pycountry (ISO 3166 / ISO 4217, LGPL-2.1) and babel (Unicode CLDR, BSD-3)."


def _package_versions() -> str:
    return f"pycountry {package_version('pycountry')}, babel {package_version('babel')}"


def _pycountry_date() -> date | None:
    # pycountry versions are dates (26.2.16 = 2026-02-16).
    try:
        year, month, day = (int(part) for part in package_version("pycountry").split(".")[:3])
        return date(2000 + year if year < 100 else year, month, day)
    except ValueError:
        return None


def _source_of_packages() -> str:
    return f"{PYCOUNTRY_BABEL} Versions: {_package_versions()}."


def load_countries(context: LoadContext) -> LoadResult:
    from seaward.reference.models import Country

    with context.files.open_text(REGION_COUNTRIES) as stream:
        members = parsing.eu_members(stream)
    count = replace_rows(Country, parsing.country_rows(members), context.advance)
    return LoadResult(count, publication_date=_pycountry_date(), edition=_package_versions())


def load_currencies(context: LoadContext) -> LoadResult:
    from seaward.reference.models import Currency

    count = replace_rows(Currency, parsing.currency_rows(), context.advance)
    return LoadResult(count, publication_date=_pycountry_date(), edition=_package_versions())


def load_hs(context: LoadContext) -> LoadResult:
    from seaward.reference.models import HsCode

    with (
        context.files.open_text(HS_FILES[0]) as nomenclature,
        context.files.open_text(HS_FILES[1]) as sections,
    ):
        rows = parsing.hs_rows(nomenclature, sections)
    return LoadResult(replace_rows(HsCode, rows, context.advance))


def load_unlocode(context: LoadContext) -> LoadResult:
    from seaward.reference.models import Location, LocationAlias

    with context.files.open_text(UNLOCODE_FILES[1]) as stream:
        name_aliases = parsing.name_aliases(stream)
    alias_countries = {country for country, _alias, _official in name_aliases}
    by_name: dict[tuple[str, str], list[str]] = {}
    codes: set[str] = set()
    aliases: list[dict[str, Any]] = []

    def remember(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            if row["unlocode"] in codes:
                # Bilingual places are listed once per language ('Brussel (Bruxelles)' and
                # 'Bruxelles (Brussel)'): the first is the location, later ones its aliases.
                aliases.append(
                    {
                        "alias": row["name"],
                        "search_alias": row["search_name"],
                        "kind": "name",
                        "location_id": row["unlocode"],
                        "note": "Name variant in UN/LOCODE",
                    }
                )
                continue
            codes.add(row["unlocode"])
            if row["country"] in alias_countries:
                for name in {row["name"], row["name_wo_diacritics"]}:
                    by_name.setdefault((row["country"], parsing.fold(name)), []).append(
                        row["unlocode"]
                    )
            yield row

    replace_rows(LocationAlias, [])
    with context.files.open_text(UNLOCODE_FILES[0]) as stream:
        count = replace_rows(Location, remember(parsing.location_rows(stream)), context.advance)
    for alias, target, note in parsing.CARRIER_CODE_ALIASES:
        if target in codes:
            aliases.append(
                {
                    "alias": alias,
                    "search_alias": parsing.fold(alias),
                    "kind": "code",
                    "location_id": target,
                    "note": note,
                }
            )
    for country, alias, official in name_aliases:
        for target in dict.fromkeys(by_name.get((country, parsing.fold(official)), [])):
            aliases.append(
                {
                    "alias": alias,
                    "search_alias": parsing.fold(alias),
                    "kind": "name",
                    "location_id": target,
                    "note": f"{alias} = {official}",
                }
            )
    replace_rows(LocationAlias, aliases, clear=False)
    return LoadResult(count)


def load_ecb(context: LoadContext) -> LoadResult:
    from seaward.reference.models import FxRate

    latest: list[date] = []

    def rows() -> Iterator[dict[str, Any]]:
        for day, currency, rate in parsing.ecb_history(stream):
            if not latest or day > latest[0]:
                latest[:] = [day]
            yield {"date": day, "currency": currency, "rate": rate, "source": "ECB"}

    with context.files.open_text(ECB_HISTORY) as stream:
        count = replace_rows(FxRate, rows(), context.advance)
    last = latest[0] if latest else None
    return LoadResult(
        count, publication_date=last, edition=f"1999-01-04 … {last.isoformat()}" if last else None
    )


def load_pegs(context: LoadContext) -> LoadResult:
    from seaward.reference.models import FxPeg

    rows = [
        {
            "currency": p.currency,
            "anchor": p.anchor,
            "rate": p.rate,
            "valid_from": p.valid_from,
            "source": p.source,
        }
        for p in PEGS
    ]
    return LoadResult(replace_rows(FxPeg, rows, context.advance))


def load_incoterms(context: LoadContext) -> LoadResult:
    from seaward.reference.models import Incoterm

    with context.files.open_text(INCOTERMS) as stream:
        rows = parsing.incoterm_rows(stream)
    return LoadResult(replace_rows(Incoterm, rows, context.advance))


def load_containers(context: LoadContext) -> LoadResult:
    from seaward.reference.models import ContainerType

    with context.files.open_text(CONTAINERS) as stream:
        rows = parsing.container_rows(stream)
    return LoadResult(replace_rows(ContainerType, rows, context.advance))


def load_vat(context: LoadContext) -> LoadResult:
    from seaward.reference.models import VatRate

    with context.files.open_text(VAT_FILES[0]) as eu, context.files.open_text(VAT_FILES[1]) as st:
        rows = parsing.vat_rows(eu, st)
    return LoadResult(replace_rows(VatRate, rows, context.advance))


register_loader(
    "countries",
    load_countries,
    name="Countries (ISO 3166-1)",
    files=(REGION_COUNTRIES,),
    attribution=PYCOUNTRY_BABEL + " EU membership: sales-tax (npm, MIT).",
    licence="LGPL-2.1 (pycountry data), Unicode licence (CLDR)",
    extra_fingerprint=_package_versions,
    estimated_rows=249,
    order=10,
)
register_loader(
    "currencies",
    load_currencies,
    name="Currencies (ISO 4217)",
    attribution=PYCOUNTRY_BABEL,
    licence="LGPL-2.1 (pycountry data), Unicode licence (CLDR)",
    extra_fingerprint=_package_versions,
    estimated_rows=180,
    order=11,
)
register_loader(
    "hs",
    load_hs,
    name="Harmonized System 2022 nomenclature",
    files=HS_FILES,
    folder="hs",
    attribution="UN Comtrade HS 2022 via github.com/datasets/harmonized-system (WCO nomenclature).",
    licence="ODC-PDDL-1.0",
    edition="HS 2022 (datapackage 2022.0)",
    publication_date=date(2024, 1, 2),
    estimated_rows=6960,
    order=20,
)
register_loader(
    "unlocode",
    load_unlocode,
    name="UN/LOCODE locations",
    files=UNLOCODE_FILES,
    folder="unlocode",
    version="1",
    attribution="UNECE UN/LOCODE 2024-2 (countries GA–ZW) and ~2024-1 via Geoapify (AD–FR).",
    licence="UNECE code lists (free use); Geoapify packaging MIT; datasets/un-locode ODC-PDDL-1.0",
    edition="2024-2 / ~2024-1",
    publication_date=date(2024, 10, 30),
    estimated_rows=116076,
    order=30,
)
register_loader(
    "fx-ecb",
    load_ecb,
    name="ECB euro foreign exchange reference rates",
    files=(ECB_HISTORY,),
    folder="fx",
    attribution="Source: ECB (European Central Bank euro reference rates).",
    licence="ECB: reuse permitted with acknowledgement of the source",
    estimated_rows=221800,
    order=40,
)
register_loader(
    "fx-pegs",
    load_pegs,
    name="Currency pegs (central bank announcements)",
    attribution="Issuing central banks (UAE, Saudi Arabia, Qatar, Oman, Bahrain, Jordan, "
    "BCEAO, BEAC); compiled for Seaward.",
    licence="Facts (CC0)",
    edition=f"{len(PEGS)} pegs",
    publication_date=COMPILED_ON,
    version="1:" + ";".join(f"{p.currency}{p.anchor}{p.rate}{p.valid_from}" for p in PEGS),
    estimated_rows=len(PEGS),
    order=41,
)
register_loader(
    "incoterms",
    load_incoterms,
    name="Incoterms® 2020 rules (facts)",
    files=(INCOTERMS,),
    folder="incoterms",
    attribution="Compiled for Seaward from well-known facts; not ICC text. Incoterms® is a "
    "trademark of the ICC (publication No. 723E).",
    licence="Facts (CC0)",
    edition="Incoterms® 2020",
    publication_date=date(2020, 1, 1),
    estimated_rows=11,
    order=50,
)
register_loader(
    "containers",
    load_containers,
    name="ISO freight container types",
    files=(CONTAINERS,),
    folder="containers",
    attribution="ISO 668 nominal external dimensions, ISO 6346 size-type codes; typical "
    "internal values compiled for Seaward.",
    licence="Facts (CC0)",
    edition="ISO 668 / ISO 6346",
    estimated_rows=6,
    order=60,
)
register_loader(
    "vat",
    load_vat,
    name="VAT / GST rates",
    files=VAT_FILES,
    folder="vat",
    attribution="European Commission TEDB via eu-vat-rates-data (vatnode.dev, MIT); "
    "sales-tax 2.23.0 by Valerian Saliou (MIT).",
    licence="MIT",
    edition="eu-vat-rates-data 2026-09-29; sales-tax 2.23.0",
    publication_date=date(2026, 9, 29),
    estimated_rows=140,
    order=70,
)

BUILTIN_KEYS = (
    "countries",
    "currencies",
    "hs",
    "unlocode",
    "fx-ecb",
    "fx-pegs",
    "incoterms",
    "containers",
    "vat",
)
