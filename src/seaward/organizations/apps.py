from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "seaward.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from seaward.core import dashboard
        from seaward.core.navigation import NavItem, register
        from seaward.organizations import dashboard_cards
        from seaward.organizations.roles import Capability

        register(
            NavItem(
                key="parties",
                label=_("Parties"),
                url_name="party_list",
                icon="people",
                order=20,
                section=_("Trade"),
            )
        )
        register(
            NavItem(
                key="members",
                label=_("Members"),
                url_name="members",
                icon="person-badge",
                order=80,
                section=_("Settings"),
            )
        )
        register(
            NavItem(
                key="audit",
                label=_("Audit log"),
                url_name="audit_log",
                icon="journal-text",
                order=85,
                section=_("Settings"),
                capability=Capability.VIEW,
            )
        )
        dashboard.register(10, dashboard_cards.summary_card)
        dashboard.register(50, dashboard_cards.activity_card)
