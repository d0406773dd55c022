from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from seaward.compliance.models import Alert, ListDiff, ListEntry, ListSnapshot, ScreeningRecord


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """List data is written by imports only; the back office reads it."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ListSnapshot)
class ListSnapshotAdmin(ReadOnlyAdmin):
    list_display = ["id", "list_id", "published", "status", "entity_count", "loaded_at"]
    list_filter = ["list_id", "status"]


@admin.register(ListEntry)
class ListEntryAdmin(ReadOnlyAdmin):
    list_display = ["entity_id", "primary_name", "entity_type", "snapshot"]
    list_filter = ["snapshot__list_id", "entity_type"]
    search_fields = ["primary_name", "entity_id"]
    list_select_related = ["snapshot"]


@admin.register(ListDiff)
class ListDiffAdmin(ReadOnlyAdmin):
    list_display = ["snapshot", "previous", "created_at"]


class AllTenantsReadOnly(ReadOnlyAdmin):
    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return self.model.all_objects.all()


@admin.register(Alert)
class AlertAdmin(AllTenantsReadOnly):
    list_display = ["id", "organization", "listed_name", "list_id", "score", "status"]
    list_filter = ["status", "list_id"]
    search_fields = ["listed_name", "matched_name"]


@admin.register(ScreeningRecord)
class ScreeningRecordAdmin(AllTenantsReadOnly):
    list_display = ["id", "organization", "kind", "trigger", "alert_count", "created_at"]
    list_filter = ["kind", "trigger"]
