from django.contrib import admin

from seaward.catalog.models import PriceTier, Product, Sku
from seaward.organizations.admin import AllTenantsAdmin


class PriceTierInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PriceTier
    extra = 0
    fields = ["currency", "min_quantity", "unit_price"]


@admin.register(Product)
class ProductAdmin(AllTenantsAdmin):
    list_display = ["id", "__str__", "organization", "hs_code", "origin_country", "is_active"]
    list_filter = ["origin_country", "is_active"]
    search_fields = ["title", "hs_code"]


@admin.register(Sku)
class SkuAdmin(AllTenantsAdmin):
    list_display = ["code", "product", "organization", "moq", "units_per_carton"]
    search_fields = ["code"]
    raw_id_fields = ["product"]
    inlines = [PriceTierInline]
