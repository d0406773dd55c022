from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomsConfig(AppConfig):
    name = "seaward.customs"
    label = "customs"
    verbose_name = _("Customs")

    def ready(self) -> None:
        from seaward import demo
        from seaward.core.navigation import NavItem, register
        from seaward.customs import demo_data

        section = _("Customs")
        register(
            NavItem(
                key="customs_classify",
                label=_("HS classification"),
                url_name="customs_classify",
                icon="upc-scan",
                order=70,
                section=section,
            )
        )
        register(
            NavItem(
                key="customs_landed_cost",
                label=_("Landed cost"),
                url_name="customs_landed_cost",
                icon="calculator",
                order=71,
                section=section,
            )
        )
        register(
            NavItem(
                key="customs_declarations",
                label=_("Export declarations"),
                url_name="customs_declarations",
                icon="file-earmark-text",
                order=72,
                section=section,
            )
        )
        # Codes are confirmed before the sales story (60) so its lines carry them.
        demo.register_step(57, demo_data.load_classifications)
        demo.register_step(66, demo_data.load_estimates)
