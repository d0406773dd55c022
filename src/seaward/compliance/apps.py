from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "seaward.compliance"
    label = "compliance"
    verbose_name = _("Compliance")

    def ready(self) -> None:
        from seaward import demo
        from seaward.compliance import dashboard_cards, demo_data
        from seaward.compliance.snapshots import register_shipped_loader
        from seaward.core import dashboard
        from seaward.core.navigation import NavItem, register
        from seaward.organizations.roles import Capability

        section = _("Compliance")
        register(
            NavItem(
                key="screening_queue",
                label=_("Screening alerts"),
                url_name="screening_queue",
                icon="shield-exclamation",
                order=60,
                section=section,
            )
        )
        register(
            NavItem(
                key="screening_check",
                label=_("Screen a name"),
                url_name="screening_check",
                icon="search",
                order=61,
                section=section,
                capability=Capability.VIEW,
            )
        )
        register(
            NavItem(
                key="screening_lists",
                label=_("Sanctions lists"),
                url_name="screening_lists",
                icon="list-check",
                order=62,
                section=section,
            )
        )
        register_shipped_loader()
        demo.register_step(50, demo_data.load_demo)
        dashboard.register(30, dashboard_cards.alerts_card)
