"""Back office for reference data: browse and search; data changes go through load-reference."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from seaward.reference.models import (
    ContainerType,
    Country,
    Currency,
    DataSet,
    FxPeg,
    FxRate,
    HsCode,
    Incoterm,
    Location,
    LocationAlias,
    VatRate,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Reference rows are replaced by ``seaward load-reference``; editing them would be lost."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(DataSet)
class DataSetAdmin(ReadOnlyAdmin):
    list_display = ["key", "name", "edition", "publication_date", "row_count", "loaded_at"]


@admin.register(Country)
class CountryAdmin(ReadOnlyAdmin):
    list_display = [
        "code",
        "alpha3",
        "name_en",
        "name_zh_hans",
        "name_es",
        "currency",
        "is_eu_member",
    ]
    list_filter = ["is_eu_member"]
    search_fields = ["code", "alpha3", "name_en", "name_zh_hans", "name_es"]


@admin.register(Currency)
class CurrencyAdmin(ReadOnlyAdmin):
    list_display = ["code", "numeric", "minor_units", "name_en", "name_zh_hans"]
    search_fields = ["code", "name_en"]


@admin.register(HsCode)
class HsCodeAdmin(ReadOnlyAdmin):
    list_display = ["code", "level", "section", "description"]
    list_filter = ["level", "section"]
    search_fields = ["code", "description"]
    raw_id_fields = ["parent"]


class LocationAliasInline(admin.TabularInline):  # type: ignore[type-arg]
    model = LocationAlias
    extra = 0
    fields = ("alias", "kind", "note")
    readonly_fields = ("alias", "kind", "note")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Location)
class LocationAdmin(ReadOnlyAdmin):
    list_display = [
        "unlocode",
        "name",
        "country",
        "subdivision",
        "function",
        "is_seaport",
        "is_airport",
    ]
    list_filter = ["is_seaport", "is_airport", "is_rail"]
    search_fields = ["unlocode", "name", "name_wo_diacritics"]
    inlines = [LocationAliasInline]
    show_full_result_count = False


@admin.register(LocationAlias)
class LocationAliasAdmin(ReadOnlyAdmin):
    list_display = ["alias", "kind", "location", "note"]
    list_filter = ["kind"]
    search_fields = ["alias", "location__unlocode"]
    raw_id_fields = ["location"]


@admin.register(FxRate)
class FxRateAdmin(ReadOnlyAdmin):
    list_display = ["date", "currency", "rate", "source"]
    list_filter = ["currency"]
    date_hierarchy = "date"
    show_full_result_count = False


@admin.register(FxPeg)
class FxPegAdmin(ReadOnlyAdmin):
    list_display = ["currency", "anchor", "rate", "valid_from", "source"]


@admin.register(Incoterm)
class IncotermAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "transport_mode", "group_letter"]


@admin.register(ContainerType)
class ContainerTypeAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "iso6346_size_type", "teu", "capacity_m3_typ"]


@admin.register(VatRate)
class VatRateAdmin(ReadOnlyAdmin):
    list_display = ["country", "tax_type", "standard_rate", "source", "as_of"]
    search_fields = ["country"]
