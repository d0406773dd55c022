from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "seaward.catalog"
    label = "catalog"
    verbose_name = _("Catalog")

    def ready(self) -> None:
        from seaward import demo
        from seaward.catalog import demo_data
        from seaward.core.navigation import NavItem, register

        register(
            NavItem(
                key="products",
                label=_("Products"),
                url_name="product_list",
                icon="box",
                order=25,
                section=_("Trade"),
                organization_kinds=frozenset({"exporter"}),
            )
        )
        demo.register_step(55, demo_data.load)
