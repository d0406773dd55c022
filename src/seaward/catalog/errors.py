"""Errors of the catalog context."""

from __future__ import annotations

from seaward.core.errors import Conflict, InvalidInput, gettext_noop


class TitleRequired(InvalidInput):
    code = "title_required"
    default_message = gettext_noop("Give the product a title in at least one language.")


class DuplicateSku(Conflict):
    code = "duplicate_sku"
    default_message = gettext_noop("SKU %(code)s exists already.")


class InvalidPriceTier(InvalidInput):
    code = "invalid_price_tier"
    default_message = gettext_noop("Price tier line %(line)s: %(problem)s")


class NoPriceForQuantity(InvalidInput):
    code = "no_price_for_quantity"
    default_message = gettext_noop(
        "SKU %(sku)s has no %(currency)s price for %(quantity)s units: enter a unit price."
    )
