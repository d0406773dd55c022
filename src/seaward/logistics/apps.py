from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LogisticsConfig(AppConfig):
    name = "seaward.logistics"
    label = "logistics"
    verbose_name = _("Logistics")

    def ready(self) -> None:
        from seaward import demo
        from seaward.core import dashboard
        from seaward.core.navigation import NavItem, register
        from seaward.logistics import dashboard_cards, demo_data

        section = _("Logistics")
        exporter = frozenset({"exporter"})
        for key, label, url_name, icon, order in (
            ("shipments", _("Shipments"), "shipment_list", "truck", 40),
            ("load_plans", _("Container loading"), "plan_list", "box", 41),
            ("warehouses", _("Overseas warehouses"), "warehouse_list", "buildings", 42),
        ):
            register(
                NavItem(
                    key=key,
                    label=label,
                    url_name=url_name,
                    icon=icon,
                    order=order,
                    section=section,
                    organization_kinds=exporter,
                )
            )
        register(
            NavItem(
                key="portal_shipments",
                label=_("Track shipments"),
                url_name="portal_shipments",
                icon="geo-alt",
                order=32,
                section=_("Buying"),
                organization_kinds=frozenset({"buyer"}),
            )
        )
        demo.register_step(80, demo_data.load)
        dashboard.register(40, dashboard_cards.shipments_card)
