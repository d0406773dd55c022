from django.contrib import admin

from seaward.customs.models import ClassificationDecision, ExportDeclaration, LandedCostEstimate
from seaward.organizations.admin import AllTenantsAdmin


@admin.register(ClassificationDecision)
class ClassificationDecisionAdmin(AllTenantsAdmin):
    list_display = ["sku", "code", "national_code", "decided_by", "decided_at", "organization"]
    list_filter = ["organization"]
    search_fields = ["code", "text", "sku__code"]
    readonly_fields = ["sku", "decided_by"]


@admin.register(LandedCostEstimate)
class LandedCostEstimateAdmin(AllTenantsAdmin):
    list_display = ["name", "destination_port", "incoterm", "total", "result_currency", "cbam"]
    list_filter = ["organization", "incoterm", "destination_country"]
    readonly_fields = ["quotation", "created_by"]


@admin.register(ExportDeclaration)
class ExportDeclarationAdmin(AllTenantsAdmin):
    list_display = ["order", "transport_mode", "created_by", "created_at", "organization"]
    list_filter = ["organization"]
    readonly_fields = ["order", "created_by"]
