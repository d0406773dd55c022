from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "seaward.ledger"
    label = "ledger"
    verbose_name = _("Ledger")

    def ready(self) -> None:
        from seaward import demo
        from seaward.core import dashboard
        from seaward.core.navigation import NavItem, register
        from seaward.ledger import dashboard_cards
        from seaward.ledger.demo_story import demo_ledger
        from seaward.organizations.roles import Capability

        section = _("Money")
        for key, label, url_name, icon, order in (
            ("ledger", _("Money overview"), "ledger_overview", "cash-coin", 70),
            ("receivables", _("Receivables"), "ledger_receivables", "receipt", 71),
            ("receipts", _("Receipts"), "ledger_receipts", "box-arrow-in-down", 72),
            ("settlements", _("FX settlement"), "ledger_settlements", "currency-exchange", 73),
            ("statements", _("Bank statements"), "ledger_statements", "bank", 74),
            ("accounts", _("Accounts"), "ledger_accounts", "journal-bookmark", 75),
        ):
            register(
                NavItem(
                    key=key,
                    label=label,
                    url_name=url_name,
                    icon=icon,
                    order=order,
                    section=section,
                    capability=Capability.SEE_MONEY,
                )
            )
        dashboard.register(40, dashboard_cards.money_card)
        demo.register_step(70, demo_ledger)
