from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from seaward.organizations.models import (
    ApiToken,
    AuditEntry,
    Invitation,
    Membership,
    Organization,
    Party,
    PartyContact,
    User,
)


class AllTenantsAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Back office sees every tenant's rows, explicitly (not through the scoped manager)."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return self.model.all_objects.all()


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "country", "home_currency", "created_at"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "legal_name", "slug"]
    inlines = [MembershipInline]


@admin.register(User)
class SeawardUserAdmin(UserAdmin):  # type: ignore[type-arg]
    fieldsets = (
        *UserAdmin.fieldsets,
        ("Seaward", {"fields": ("display_name", "language", "time_zone")}),
    )  # type: ignore[misc]
    list_display = ["username", "email", "display_name", "is_staff", "last_login"]


@admin.register(Party)
class PartyAdmin(AllTenantsAdmin):
    list_display = ["name", "organization", "country", "is_buyer", "is_consignee"]
    list_filter = ["country", "is_buyer", "is_consignee", "is_bank", "is_forwarder"]
    search_fields = ["name", "legal_name"]


@admin.register(PartyContact)
class PartyContactAdmin(AllTenantsAdmin):
    list_display = ["name", "party", "email"]


@admin.register(Invitation)
class InvitationAdmin(AllTenantsAdmin):
    list_display = ["email", "organization", "role", "created_at", "accepted_at"]
    exclude = ["token_hash"]


@admin.register(AuditEntry)
class AuditEntryAdmin(AllTenantsAdmin):
    list_display = [
        "created_at",
        "organization",
        "actor_label",
        "action",
        "object_type",
        "object_id",
    ]
    list_filter = ["action"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "user", "organization", "prefix", "created_at", "revoked_at"]
    exclude = ["key_hash"]
