from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FairConfig(AppConfig):
    name = "seaward.fair"
    label = "fair"
    verbose_name = _("Fairs")

    def ready(self) -> None:
        from seaward import demo
        from seaward.core.navigation import NavItem, register
        from seaward.fair import demo_data
        from seaward.organizations.roles import Capability

        section = _("Fairs")
        register(
            NavItem(
                key="fair_events",
                label=_("Events"),
                url_name="fair_event_list",
                icon="calendar-event",
                order=30,
                section=section,
            )
        )
        register(
            NavItem(
                key="fair_leads",
                label=_("Fair leads"),
                url_name="fair_lead_list",
                icon="person-lines-fill",
                order=31,
                section=section,
                organization_kinds=frozenset({"exporter"}),
            )
        )
        register(
            NavItem(
                key="fair_requests",
                label=_("Sourcing requests"),
                url_name="fair_request_list",
                icon="search-heart",
                order=32,
                section=section,
            )
        )
        register(
            NavItem(
                key="fair_meetings",
                label=_("Meetings"),
                url_name="fair_meeting_list",
                icon="people",
                order=33,
                section=section,
            )
        )
        register(
            NavItem(
                key="catalog_import",
                label=_("Import products"),
                url_name="fair_import_new",
                icon="file-earmark-arrow-up",
                order=26,
                section=_("Trade"),
                capability=Capability.SELL,
                organization_kinds=frozenset({"exporter"}),
            )
        )
        demo.register_step(70, demo_data.load)
