"""Back office for logistics: read-mostly; the stock ledger is append-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from seaward.logistics.models import (
    LoadPlan,
    Reservation,
    Shipment,
    ShipmentContainer,
    ShipmentEvent,
    StockLevel,
    StockMovement,
    Warehouse,
)


class TenantAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def get_queryset(self, request: HttpRequest) -> Any:
        return self.model.all_objects.all()


@admin.register(Shipment)
class ShipmentAdmin(TenantAdmin):
    list_display = ["number", "organization", "state", "origin", "destination", "eta"]
    list_filter = ["state", "mode"]
    search_fields = ["number", "booking_number", "bl_number"]
    readonly_fields = ["organization", "buyer_organization"]


@admin.register(ShipmentEvent)
class ShipmentEventAdmin(TenantAdmin):
    list_display = [
        "shipment",
        "event_type",
        "classifier",
        "code",
        "date_time",
        "location",
        "source",
    ]
    list_filter = ["event_type", "classifier", "source"]


@admin.register(ShipmentContainer)
class ShipmentContainerAdmin(TenantAdmin):
    list_display = ["shipment", "container_type", "number", "seal_numbers"]


@admin.register(LoadPlan)
class LoadPlanAdmin(TenantAdmin):
    list_display = ["name", "organization", "container_count", "volume_utilization", "created_at"]


@admin.register(Warehouse)
class WarehouseAdmin(TenantAdmin):
    list_display = ["code", "name", "organization", "kind", "country", "city"]


@admin.register(StockLevel)
class StockLevelAdmin(TenantAdmin):
    list_display = ["warehouse", "sku", "on_hand", "reserved", "in_transit"]


@admin.register(Reservation)
class ReservationAdmin(TenantAdmin):
    list_display = ["warehouse", "sku", "quantity", "state", "reference"]


@admin.register(StockMovement)
class StockMovementAdmin(TenantAdmin):
    list_display = ["created_at", "warehouse", "sku", "kind", "quantity", "reason"]
    list_filter = ["kind"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
