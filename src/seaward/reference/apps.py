from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    name = "seaward.reference"
    label = "reference"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from seaward.core import dashboard
        from seaward.core.navigation import NavItem, register
        from seaward.reference.dashboard_cards import fx_card

        register(
            NavItem(
                key="reference",
                label=_("Reference data"),
                url_name="reference_home",
                icon="database",
                order=90,
                section=_("Settings"),
            )
        )
        dashboard.register(40, fx_card)

        from seaward.demo import register_step
        from seaward.reference.demo_data import load_entered_rates

        register_step(5, load_entered_rates)
