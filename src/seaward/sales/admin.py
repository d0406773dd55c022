from django.contrib import admin

from seaward.organizations.admin import AllTenantsAdmin
from seaward.sales.models import DocumentSequence, Quotation, SalesOrder, TradeDocument


@admin.register(Quotation)
class QuotationAdmin(AllTenantsAdmin):
    list_display = ["number", "version", "state", "organization", "buyer", "currency", "total"]
    list_filter = ["state", "incoterm", "currency"]
    search_fields = ["number", "buyer__name"]
    raw_id_fields = ["buyer", "consignee", "notify_party", "previous", "buyer_organization"]
    # State changes go through the services (state machine, audit), never through admin edits.
    readonly_fields = ["state", "total", "buyer_organization", "sent_at", "decided_at"]


@admin.register(SalesOrder)
class SalesOrderAdmin(AllTenantsAdmin):
    list_display = ["number", "state", "organization", "buyer", "currency", "total", "ship_by"]
    list_filter = ["state", "currency"]
    search_fields = ["number", "buyer__name", "buyer_reference"]
    raw_id_fields = ["quotation", "buyer", "consignee", "notify_party", "buyer_organization"]
    readonly_fields = ["state", "total", "confirmed_at", "shipped_at"]


@admin.register(TradeDocument)
class TradeDocumentAdmin(AllTenantsAdmin):
    list_display = ["number", "kind", "order", "organization", "total", "receivable_posted"]
    list_filter = ["kind", "receivable_posted"]
    search_fields = ["number"]
    raw_id_fields = ["order", "buyer_organization"]
    readonly_fields = ["number", "kind", "total", "receivable_posted", "receivable_error"]


@admin.register(DocumentSequence)
class DocumentSequenceAdmin(AllTenantsAdmin):
    list_display = ["key", "organization", "next_value"]
    readonly_fields = ["key", "next_value"]
