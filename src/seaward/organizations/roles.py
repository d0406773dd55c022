"""Roles of a membership and what each may do: the one place these rules live."""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Administrator")
    SALES = "sales", _("Sales")
    OPERATIONS = "operations", _("Operations")
    FINANCE = "finance", _("Finance")
    VIEWER = "viewer", _("Viewer")


class Capability(StrEnum):
    """Something a member may do; checked by services and views."""

    MANAGE_ORGANIZATION = "manage_organization"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_PARTIES = "manage_parties"
    SELL = "sell"
    OPERATE = "operate"
    SEE_MONEY = "see_money"
    MANAGE_MONEY = "manage_money"
    REVIEW_SCREENING = "review_screening"
    VIEW = "view"


_ALL = set(Capability)
ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.OWNER: frozenset(_ALL),
    Role.ADMIN: frozenset(_ALL),
    Role.SALES: frozenset(
        {Capability.SELL, Capability.MANAGE_PARTIES, Capability.SEE_MONEY, Capability.VIEW}
    ),
    Role.OPERATIONS: frozenset(
        {
            Capability.OPERATE,
            Capability.MANAGE_PARTIES,
            Capability.REVIEW_SCREENING,
            Capability.VIEW,
        }
    ),
    Role.FINANCE: frozenset(
        {
            Capability.SEE_MONEY,
            Capability.MANAGE_MONEY,
            Capability.REVIEW_SCREENING,
            Capability.VIEW,
        }
    ),
    Role.VIEWER: frozenset({Capability.VIEW}),
}


def role_allows(role: str, capability: Capability) -> bool:
    return capability in ROLE_CAPABILITIES.get(role, frozenset())
