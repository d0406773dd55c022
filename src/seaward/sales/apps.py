from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalesConfig(AppConfig):
    name = "seaward.sales"
    label = "sales"
    verbose_name = _("Sales")

    def ready(self) -> None:
        from seaward import demo
        from seaward.core import dashboard
        from seaward.core.navigation import NavItem, register
        from seaward.sales import dashboard_cards, demo_data

        exporter = frozenset({"exporter"})
        buyer = frozenset({"buyer"})
        register(
            NavItem(
                key="quotations",
                label=_("Quotations"),
                url_name="quotation_list",
                icon="file-earmark-text",
                order=30,
                section=_("Trade"),
                organization_kinds=exporter,
            )
        )
        register(
            NavItem(
                key="orders",
                label=_("Sales orders"),
                url_name="order_list",
                icon="box-seam",
                order=31,
                section=_("Trade"),
                organization_kinds=exporter,
            )
        )
        register(
            NavItem(
                key="portal_quotations",
                label=_("Quotations received"),
                url_name="portal_quotations",
                icon="inbox",
                order=30,
                section=_("Buying"),
                organization_kinds=buyer,
            )
        )
        register(
            NavItem(
                key="portal_orders",
                label=_("My orders"),
                url_name="portal_orders",
                icon="bag-check",
                order=31,
                section=_("Buying"),
                organization_kinds=buyer,
            )
        )
        dashboard.register(20, dashboard_cards.pipeline_card)
        dashboard.register(21, dashboard_cards.buyer_card)
        demo.register_step(60, demo_data.load)
