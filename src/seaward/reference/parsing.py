"""Parsers of the shipped reference files: text in, plain rows out (no Django).

Each parser takes open text streams and returns dicts keyed by the model field
names of ``seaward.reference.models``, so the loader only bulk-inserts them and
tests can feed a few lines. A malformed line raises ``InvalidReferenceFile``
naming the file and line.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from seaward.reference.errors import InvalidReferenceFile

Row = dict[str, Any]

# Carriers and forwarders keep using airport or retired codes for the ports of the
# same city; UN/LOCODE gives the port its own code. Checked against unlocode-merged.csv.
CARRIER_CODE_ALIASES: tuple[tuple[str, str, str], ...] = (
    ("CNSHA", "CNSGH", "Carriers' code for Shanghai; CNSHA is Hongqiao airport in UN/LOCODE."),
    ("CNSHA", "CNSHG", "Carriers' code for Shanghai; CNSHG is 'Shanghai Pt' in UN/LOCODE."),
    ("CNNGB", "CNNBO", "Carriers' code for Ningbo; CNNGB is Lishe airport in UN/LOCODE."),
    ("CNNGB", "CNNBG", "Carriers' code for Ningbo; CNNBG is 'Ningbo Pt' in UN/LOCODE."),
)


def fold(text: str) -> str:
    """Lower-case ASCII form of a name, for prefix search without diacritics."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def _decimal(value: str, where: tuple[str, int], column: str) -> Decimal:
    try:
        return Decimal(value.strip())
    except InvalidOperation:
        raise InvalidReferenceFile(
            params={
                "file": where[0],
                "line": where[1],
                "problem": f"{column}: not a number: {value[:30]!r}",
            }
        ) from None


def _optional_decimal(value: str | None, where: tuple[str, int], column: str) -> Decimal | None:
    if value is None or not value.strip():
        return None
    return _decimal(value, where, column)


def _require(row: dict[str, str], columns: tuple[str, ...], name: str, line: int) -> None:
    missing = [c for c in columns if c not in row]
    if missing:
        raise InvalidReferenceFile(
            params={"file": name, "line": line, "problem": f"missing columns {', '.join(missing)}"}
        )


# --- countries and currencies (pycountry + babel) ------------------------------------------------
def country_rows(eu_members: set[str]) -> list[Row]:
    """Every ISO 3166-1 country with its names in en, zh-hans and es and its currency."""
    import pycountry
    from babel import Locale
    from babel.numbers import get_territory_currencies

    zh, es = Locale.parse("zh_Hans"), Locale.parse("es")
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        currencies = get_territory_currencies(code, date.today(), tender=True)
        name_en = getattr(country, "common_name", None) or country.name
        rows.append(
            {
                "code": code,
                "alpha3": country.alpha_3,
                "numeric": country.numeric,
                "name_en": name_en,
                "official_name_en": getattr(country, "official_name", "") or "",
                "name_zh_hans": zh.territories.get(code, name_en),
                "name_es": es.territories.get(code, name_en),
                "currency": currencies[0] if currencies else "",
                "is_eu_member": code in eu_members,
                "search_text": fold(
                    " ".join(
                        [
                            code,
                            country.alpha_3,
                            name_en,
                            country.name,
                            zh.territories.get(code, ""),
                            es.territories.get(code, ""),
                        ]
                    )
                ),
            }
        )
    return rows


def currency_rows() -> list[Row]:
    """Every active ISO 4217 currency with its minor units and names (CLDR via babel)."""
    import pycountry
    from babel.numbers import get_currency_name, get_currency_precision

    rows = []
    for currency in pycountry.currencies:
        code = currency.alpha_3
        rows.append(
            {
                "code": code,
                "numeric": currency.numeric,
                "minor_units": int(get_currency_precision(code)),
                "name_en": get_currency_name(code, locale="en"),
                "name_zh_hans": get_currency_name(code, locale="zh_Hans"),
                "name_es": get_currency_name(code, locale="es"),
            }
        )
    return rows


def eu_members(region_countries: IO[str]) -> set[str]:
    """The EU member states listed in sales-tax's region_countries.json."""
    data = json.load(region_countries)
    return {str(code).upper() for code in data.get("EU", [])}


# --- HS nomenclature -----------------------------------------------------------------------------
def hs_rows(nomenclature: IO[str], sections: IO[str]) -> list[Row]:
    """Sections (level 0, Roman numerals), chapters, headings and subheadings, parents first.

    Chapter 99 and its 'TOTAL' pseudo-section (commodities not specified) are left out:
    they are statistical, not part of the WCO nomenclature.
    """
    rows: list[Row] = []
    reader = csv.DictReader(_strip_bom(sections))
    for line, record in enumerate(reader, start=2):
        _require(record, ("section", "name"), "hs/sections.csv", line)
        name = record["name"].strip()
        rows.append(
            {
                "code": record["section"].strip(),
                "level": 0,
                "parent_id": None,
                "description": name[:1].upper() + name[1:],
                "section": record["section"].strip(),
            }
        )
    section_codes = {row["code"] for row in rows}
    reader = csv.DictReader(_strip_bom(nomenclature))
    for line, record in enumerate(reader, start=2):
        _require(
            record,
            ("section", "hscode", "description", "parent", "level"),
            "hs/harmonized-system.csv",
            line,
        )
        section = record["section"].strip()
        if section not in section_codes:
            continue
        try:
            level = int(record["level"])
        except ValueError:
            raise InvalidReferenceFile(
                params={
                    "file": "hs/harmonized-system.csv",
                    "line": line,
                    "problem": "level is not a number",
                }
            ) from None
        if level not in (2, 4, 6):
            continue
        parent = section if level == 2 else record["parent"].strip()
        rows.append(
            {
                "code": record["hscode"].strip(),
                "level": level,
                "parent_id": parent,
                "description": record["description"].strip(),
                "section": section,
            }
        )
    return rows


def _strip_bom(stream: IO[str]) -> Iterator[str]:
    first = True
    for line in stream:
        if first:
            line = line.lstrip("\ufeff")
            first = False
        yield line


# --- UN/LOCODE -----------------------------------------------------------------------------------
LOCATION_COLUMNS = (
    "locode",
    "country",
    "location",
    "name",
    "name_wo_diacritics",
    "subdivision",
    "status",
    "function",
    "iata",
    "lat",
    "lon",
)


def location_rows(merged: IO[str]) -> Iterator[Row]:
    """Rows of unlocode-merged.csv with the function classifier split into flags."""
    reader = csv.DictReader(merged)
    name = "unlocode/unlocode-merged.csv"
    for line, record in enumerate(reader, start=2):
        if line == 2:
            _require(record, LOCATION_COLUMNS, name, line)
        code = (record["locode"] or "").strip().upper()
        if len(code) != 5:
            raise InvalidReferenceFile(
                params={"file": name, "line": line, "problem": f"bad locode {code!r}"}
            )
        function = (record["function"] or "").ljust(8, "-")[:8]
        where = (name, line)
        lat = _optional_decimal(record["lat"], where, "lat")
        lon = _optional_decimal(record["lon"], where, "lon")
        plain = (record["name_wo_diacritics"] or record["name"] or "").strip()
        yield {
            "unlocode": code,
            "country": code[:2],
            "name": (record["name"] or "").strip(),
            "name_wo_diacritics": plain,
            "search_name": fold(plain),
            "subdivision": (record["subdivision"] or "").strip(),
            "status": (record["status"] or "").strip(),
            "function": function,
            "is_seaport": function[0] == "1",
            "is_rail": function[1] == "2",
            "is_road": function[2] == "3",
            "is_airport": function[3] == "4",
            "is_postal": function[4] == "5",
            "is_multimodal": function[5] == "6",
            "is_fixed_transport": function[6] == "7",
            "is_border_crossing": function[7] == "B",
            "iata": (record["iata"] or "").strip(),
            "latitude": float(lat) if lat is not None else None,
            "longitude": float(lon) if lon is not None else None,
        }


def name_aliases(alias_csv: IO[str]) -> list[tuple[str, str, str]]:
    """(country, alias name, official name) from UN/LOCODE's alias list ('Vienna = Wien')."""
    result = []
    for record in csv.DictReader(_strip_bom(alias_csv)):
        text = (record.get("Name") or "").strip()
        if "=" not in text:
            continue
        alias, official = (part.strip() for part in text.split("=", 1))
        result.append(((record.get("Country") or "").strip().upper(), alias, official))
    return result


# --- FX ------------------------------------------------------------------------------------------
def ecb_history(history: IO[str]) -> Iterator[tuple[date, str, Decimal]]:
    """(date, currency, units per 1 EUR) for every quoted cell of eurofxref-hist.csv."""
    reader = csv.reader(history)
    header = next(reader, None)
    name = "fx/eurofxref-hist.csv"
    if not header or header[0].strip() != "Date":
        raise InvalidReferenceFile(params={"file": name, "line": 1, "problem": "no Date column"})
    currencies = [c.strip() for c in header[1:]]
    for line, record in enumerate(reader, start=2):
        if not record:
            continue
        try:
            day = date.fromisoformat(record[0].strip())
        except ValueError:
            raise InvalidReferenceFile(
                params={"file": name, "line": line, "problem": f"bad date {record[0]!r}"}
            ) from None
        for currency, cell in zip(currencies, record[1:], strict=False):
            cell = cell.strip()
            if not currency or not cell or cell == "N/A":
                continue
            yield day, currency, _decimal(cell, (name, line), currency)


# --- Incoterms, containers -----------------------------------------------------------------------
INCOTERM_COLUMNS = (
    "code",
    "name",
    "edition",
    "transport_mode",
    "group",
    "named_place_is",
    "delivery_and_risk_transfer_point",
    "loading_at_origin_by",
    "export_clearance_by",
    "main_carriage_contracted_and_paid_by",
    "insurance_obligation",
    "unloading_at_destination_by",
    "import_clearance_by",
    "import_duties_and_taxes_by",
)


def incoterm_rows(facts: IO[str]) -> list[Row]:
    rows = []
    for line, record in enumerate(csv.DictReader(_strip_bom(facts)), start=2):
        _require(record, INCOTERM_COLUMNS, "incoterms/incoterms2020_facts.csv", line)
        row = {column: (record[column] or "").strip() for column in INCOTERM_COLUMNS}
        row["group_letter"] = row.pop("group")
        row["sort_order"] = line
        rows.append(row)
    return rows


CONTAINER_INT_COLUMNS = (
    "ext_length_mm",
    "ext_width_mm",
    "ext_height_mm",
    "int_length_mm_typ",
    "int_width_mm_typ",
    "int_height_mm_typ",
    "door_width_mm_typ",
    "door_height_mm_typ",
    "tare_kg_typ",
    "max_gross_kg_typ",
    "max_payload_kg_typ",
)


def container_rows(table: IO[str]) -> list[Row]:
    rows = []
    name = "containers/iso_containers_typical.csv"
    for line, record in enumerate(csv.DictReader(_strip_bom(table)), start=2):
        _require(
            record,
            (
                "code",
                "name",
                "iso6346_size_type",
                "iso668_designation",
                "teu",
                "capacity_m3_typ",
                "notes",
                *CONTAINER_INT_COLUMNS,
            ),
            name,
            line,
        )
        row: Row = {
            "code": record["code"].strip(),
            "name": record["name"].strip(),
            "iso6346_size_type": record["iso6346_size_type"].strip(),
            "iso668_designation": record["iso668_designation"].strip(),
            "teu": _decimal(record["teu"], (name, line), "teu"),
            "capacity_m3_typ": _decimal(record["capacity_m3_typ"], (name, line), "capacity"),
            "notes": record["notes"].strip(),
            "sort_order": line,
        }
        for column in CONTAINER_INT_COLUMNS:
            try:
                row[column] = int(record[column])
            except ValueError:
                raise InvalidReferenceFile(
                    params={"file": name, "line": line, "problem": f"{column} is not an integer"}
                ) from None
        rows.append(row)
    return rows


# --- VAT -----------------------------------------------------------------------------------------
def _percent(value: Any) -> Decimal | None:
    if value is None:
        return None
    number = Decimal(str(value)).normalize()
    # normalize() writes 10 as 1E+1; keep whole numbers plain.
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


def vat_rows(eu_data: IO[str], sales_tax: IO[str]) -> list[Row]:
    """VAT/GST rates: European detail from TEDB, the rest from sales-tax (standard only)."""
    eu = json.load(eu_data)
    eu_version = eu.get("version", "")
    rows: dict[str, Row] = {}
    for code, item in sorted(eu.get("rates", {}).items()):
        standard = _percent(item.get("standard"))
        if standard is None:
            continue
        rows[code.upper()] = {
            "country": code.upper(),
            "tax_type": "vat",
            "tax_name": item.get("vat_name") or "",
            "tax_abbreviation": item.get("vat_abbr") or "",
            "currency": item.get("currency") or "",
            "standard_rate": standard,
            "reduced_rates": [str(_percent(r)) for r in item.get("reduced") or []],
            "super_reduced_rate": _percent(item.get("super_reduced")),
            "parking_rate": _percent(item.get("parking")),
            "vat_number_format": item.get("format") or "",
            "has_regional_rates": False,
            "source": f"European Commission TEDB via eu-vat-rates-data {eu_version}",
            "as_of": date.fromisoformat(eu_version) if eu_version else None,
        }
    for code, item in sorted(json.load(sales_tax).items()):
        code = code.upper()
        if code in rows or len(code) != 2:
            continue
        rate = item.get("rate")
        if rate is None:
            continue
        rows[code] = {
            "country": code,
            "tax_type": item.get("type") or "",
            "tax_name": "",
            "tax_abbreviation": (item.get("type") or "").upper(),
            "currency": item.get("currency") or "",
            "standard_rate": _percent(Decimal(str(rate)) * 100),
            "reduced_rates": [],
            "super_reduced_rate": None,
            "parking_rate": None,
            "vat_number_format": "",
            "has_regional_rates": bool(item.get("states")),
            "source": "sales-tax 2.23.0 (npm, Valerian Saliou)",
            "as_of": date(2026, 5, 19),
        }
    return list(rows.values())
