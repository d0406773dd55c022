"""Template filters of the sales pages: state labels and money in the viewer's locale."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from seaward.core.money import Money

register = template.Library()

STATE_LABELS: dict[str, Any] = {
    "draft": _("Draft"),
    "sent": _("Sent"),
    "changes_requested": _("Changes requested"),
    "accepted": _("Accepted"),
    "superseded": _("Superseded"),
    "withdrawn": _("Withdrawn"),
    "confirmed": _("Confirmed"),
    "in_production": _("In production"),
    "ready_to_ship": _("Ready to ship"),
    "shipped": _("Shipped"),
    "delivered": _("Delivered"),
    "closed": _("Closed"),
    "cancelled": _("Cancelled"),
}
STATE_COLOURS = {
    "draft": "secondary",
    "sent": "primary",
    "changes_requested": "warning",
    "accepted": "success",
    "superseded": "light",
    "withdrawn": "dark",
    "confirmed": "success",
    "in_production": "info",
    "ready_to_ship": "info",
    "shipped": "primary",
    "delivered": "success",
    "closed": "dark",
    "cancelled": "danger",
}
COST_LABELS: dict[str, Any] = {
    "goods": _("Goods (cost of the units)"),
    "inland": _("Inland transport"),
    "export_clearance": _("Export clearance"),
    "freight": _("Freight"),
    "insurance": _("Insurance"),
    "duty": _("Import duty"),
    "import_vat": _("Import VAT"),
}
ACTION_LABELS: dict[str, Any] = {
    "confirmed": _("Confirm"),
    "in_production": _("Start production"),
    "ready_to_ship": _("Mark ready to ship"),
    "shipped": _("Mark shipped"),
    "delivered": _("Mark delivered"),
    "closed": _("Close"),
    "cancelled": _("Cancel order"),
}


@register.filter
def state_label(value: str) -> Any:
    return STATE_LABELS.get(value, value)


@register.filter
def state_colour(value: str) -> str:
    return STATE_COLOURS.get(value, "secondary")


@register.filter
def cost_label(value: str) -> Any:
    return COST_LABELS.get(value, value)


@register.filter
def action_label(value: str) -> Any:
    return ACTION_LABELS.get(value, value)


@register.filter
def money(value: Any, currency: str = "") -> str:
    """A Money, or a Decimal with ``currency``, formatted for the active language."""
    if value is None or value == "":
        return ""
    amount = value if isinstance(value, Money) else Money(Decimal(value), currency)
    locale = {"zh-hans": "zh_Hans_CN", "es": "es_ES"}.get(translation.get_language() or "en", "en")
    return amount.format(locale)
