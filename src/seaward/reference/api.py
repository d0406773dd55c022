"""API of the reference data: lookups and searches shared by every organization.

No ``from __future__ import annotations`` here: django-ninja reads the ``Query[...]``
annotations at run time.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from seaward.core.apitypes import Pages
from seaward.core.errors import InvalidInput
from seaward.reference import selectors

router = Router(tags=["reference"])


class DataSetOut(Schema):
    key: str
    name: str
    attribution: str
    licence: str
    edition: str
    publication_date: dt.date | None
    row_count: int
    checksum: str
    loaded_at: dt.datetime | None


class CountryOut(Schema):
    code: str
    alpha3: str
    numeric: str
    name: str
    name_en: str
    name_zh_hans: str
    name_es: str
    currency: str
    is_eu_member: bool


class CurrencyOut(Schema):
    code: str
    numeric: str
    minor_units: int
    name: str
    name_en: str
    name_zh_hans: str
    name_es: str


class HsCodeOut(Schema):
    code: str
    level: int
    parent: str | None = Field(None, alias="parent_id")
    description: str
    section: str


class HsCodeDetailOut(HsCodeOut):
    path: list[HsCodeOut]
    children: list[HsCodeOut]


class LocationOut(Schema):
    unlocode: str
    country: str
    name: str
    name_wo_diacritics: str
    subdivision: str
    status: str
    function: str
    is_seaport: bool
    is_airport: bool
    is_rail: bool
    is_road: bool
    iata: str
    latitude: float | None
    longitude: float | None


class AliasOut(Schema):
    alias: str
    kind: str
    note: str


class LocationDetailOut(LocationOut):
    aliases: list[AliasOut]

    @staticmethod
    def resolve_aliases(obj: Any) -> list[Any]:
        return list(obj.aliases.all())


class FxQuoteOut(Schema):
    rate: Decimal
    from_currency: str
    to_currency: str
    requested_date: dt.date
    date: dt.date
    source: str
    path: list[str]
    notes: list[str]


class IncotermOut(Schema):
    code: str
    name: str
    edition: str
    transport_mode: str
    group: str = Field(..., alias="group_letter")
    named_place_is: str
    delivery_and_risk_transfer_point: str
    loading_at_origin_by: str
    export_clearance_by: str
    main_carriage_contracted_and_paid_by: str
    insurance_obligation: str
    unloading_at_destination_by: str
    import_clearance_by: str
    import_duties_and_taxes_by: str


class ContainerTypeOut(Schema):
    code: str
    name: str
    iso6346_size_type: str
    iso668_designation: str
    teu: Decimal
    ext_length_mm: int
    ext_width_mm: int
    ext_height_mm: int
    int_length_mm_typ: int
    int_width_mm_typ: int
    int_height_mm_typ: int
    door_width_mm_typ: int
    door_height_mm_typ: int
    capacity_m3_typ: Decimal
    tare_kg_typ: int
    max_gross_kg_typ: int
    max_payload_kg_typ: int
    notes: str


class VatRateOut(Schema):
    country: str
    tax_type: str
    tax_name: str
    tax_abbreviation: str
    currency: str
    standard_rate: Decimal
    reduced_rates: list[Decimal]
    super_reduced_rate: Decimal | None
    parking_rate: Decimal | None
    vat_number_format: str
    has_regional_rates: bool
    source: str
    as_of: dt.date | None


class SearchQuery(Schema):
    q: str = Field("", max_length=80, description="code prefix or words")


class FxQuery(Schema):
    date: dt.date | None = Field(None, description="defaults to the latest ECB publication")
    from_currency: str = Field(..., alias="from", min_length=3, max_length=3)
    to_currency: str = Field(..., alias="to", min_length=3, max_length=3)


@router.get(
    "/reference/datasets",
    response=list[DataSetOut],
    summary="Loaded reference data sets with their source and publication date",
)
def datasets(request: HttpRequest) -> Any:
    return selectors.datasets()


@router.get("/reference/countries", response=list[CountryOut], summary="Countries (ISO 3166-1)")
@paginate(Pages)
def countries(request: HttpRequest, filters: Query[SearchQuery]) -> Any:
    if filters.q.strip():
        return selectors.country_search(filters.q, limit=300)
    return selectors.countries()


@router.get(
    "/reference/currencies",
    response=list[CurrencyOut],
    summary="Currencies (ISO 4217) with their minor units",
)
@paginate(Pages)
def currencies(request: HttpRequest) -> Any:
    return selectors.currencies()


@router.get(
    "/reference/hs",
    response=list[HsCodeOut],
    summary="HS codes: sections without a query, else search by code prefix or words",
)
@paginate(Pages)
def hs_codes(request: HttpRequest, filters: Query[SearchQuery]) -> Any:
    if filters.q.strip():
        return selectors.hs_search(filters.q, limit=500)
    return selectors.hs_sections()


@router.get(
    "/reference/hs/{code}",
    response=HsCodeDetailOut,
    summary="One HS code with its path from the section and its children",
)
def hs_code(request: HttpRequest, code: str) -> Any:
    path = selectors.hs_path(code)
    node = path[-1]
    return {
        "code": node.code,
        "level": node.level,
        "parent_id": node.parent_id,
        "description": node.description,
        "section": node.section,
        "path": path[:-1],
        "children": list(selectors.hs_children(node.code)),
    }


@router.get(
    "/reference/locations",
    response=list[LocationOut],
    summary="UN/LOCODE search (code prefix incl. carrier aliases such as CNSHA, or "
    "name prefix); sea ports first",
)
@paginate(Pages)
def locations(request: HttpRequest, filters: Query[SearchQuery]) -> Any:
    if not filters.q.strip():
        raise InvalidInput("Give a code or name to search for.", code="query_required", field="q")
    return selectors.location_search(filters.q, limit=100)


@router.get(
    "/reference/locations/{unlocode}",
    response=LocationDetailOut,
    summary="One UN/LOCODE location with its aliases",
)
def location(request: HttpRequest, unlocode: str) -> Any:
    return selectors.location(unlocode)


@router.get(
    "/reference/fx",
    response=FxQuoteOut,
    summary="Exchange rate between two currencies on a date (ECB via EUR, pegs)",
)
def fx_rate(request: HttpRequest, params: Query[FxQuery]) -> Any:
    on = params.date or selectors.fx_latest().date
    if on is None:
        raise InvalidInput("No exchange rates are loaded.", code="fx_not_loaded", field="date")
    quote = selectors.fx_rate(on, params.from_currency, params.to_currency)
    return {
        "rate": quote.rate,
        "from_currency": quote.from_currency,
        "to_currency": quote.to_currency,
        "requested_date": quote.requested_date,
        "date": quote.date,
        "source": quote.source,
        "path": list(quote.path),
        "notes": list(quote.notes),
    }


@router.get("/reference/incoterms", response=list[IncotermOut], summary="Incoterms® 2020 rules")
@paginate(Pages)
def incoterms(request: HttpRequest) -> Any:
    return selectors.incoterms()


@router.get("/reference/incoterms/{code}", response=IncotermOut, summary="One Incoterms® rule")
def incoterm(request: HttpRequest, code: str) -> Any:
    return selectors.incoterm(code)


@router.get(
    "/reference/containers",
    response=list[ContainerTypeOut],
    summary="ISO container types with nominal and typical dimensions",
)
@paginate(Pages)
def containers(request: HttpRequest) -> Any:
    return selectors.container_types()


@router.get("/reference/vat/{country}", response=VatRateOut, summary="A country's VAT/GST rates")
def vat(request: HttpRequest, country: str) -> Any:
    return selectors.vat_rate(country)


class EnteredRateIn(Schema):
    date: dt.date
    base: str = Field(..., min_length=3, max_length=3)
    quote: str = Field(..., min_length=3, max_length=3)
    rate: Decimal = Field(..., gt=0, lt=Decimal(10) ** 12, max_digits=20, decimal_places=8)
    source: str = Field(..., min_length=1, max_length=200)


class EnteredRateOut(Schema):
    id: int
    date: dt.date
    base: str
    quote: str
    rate: Decimal
    source: str


@router.get(
    "/reference/fx/entered",
    response=list[EnteredRateOut],
    summary="The organization's own FX rates (they take precedence over ECB rates)",
)
@paginate(Pages)
def entered_rates(request: HttpRequest) -> Any:
    from seaward.reference.models import EnteredFxRate

    return EnteredFxRate.objects.all()


@router.post(
    "/reference/fx/entered", response={201: EnteredRateOut}, summary="Enter or correct a rate"
)
def entered_rate_set(request: HttpRequest, payload: EnteredRateIn) -> Any:
    from ninja import Status

    from seaward.core.access import ensure_capability
    from seaward.organizations.roles import Capability
    from seaward.reference import services

    ensure_capability(request, Capability.MANAGE_MONEY)
    entry = services.entered_fx_rate_set(
        actor=request.user,  # type: ignore[arg-type]
        on=payload.date,
        base=payload.base,
        quote=payload.quote,
        rate=payload.rate,
        source=payload.source,
    )
    return Status(201, entry)
