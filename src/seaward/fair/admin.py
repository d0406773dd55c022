from django.contrib import admin

from seaward.fair.models import (
    Event,
    Exhibitor,
    Lead,
    Meeting,
    Sample,
    ScheduleRun,
    ShowProduct,
    SourcingRequest,
    Venue,
)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "organization", "kind", "status", "starts_on", "ends_on", "time_zone")
    list_filter = ("kind", "status")
    search_fields = ("name",)


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("event", "city", "country", "hall")


@admin.register(Exhibitor)
class ExhibitorAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("organization", "event", "booth_number", "time_zone")
    list_select_related = ("organization", "event")


@admin.register(ShowProduct)
class ShowProductAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("product", "exhibitor")
    raw_id_fields = ("product", "exhibitor")


@admin.register(Sample)
class SampleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("show_product", "label", "created_at")
    readonly_fields = ("token",)


@admin.register(Lead)
class LeadAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "company", "organization", "kind", "language", "created_at")
    list_filter = ("kind",)
    search_fields = ("name", "company", "email")


@admin.register(SourcingRequest)
class SourcingRequestAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("organization", "event", "quantity", "destination_country", "matched_at")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("event", "exhibitor_organization", "buyer_organization", "status", "starts_at")
    list_filter = ("status",)


@admin.register(ScheduleRun)
class ScheduleRunAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("event", "requests", "objective", "bound", "greedy_objective", "created_at")
