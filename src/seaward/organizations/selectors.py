"""Reads of the organizations context."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from seaward.organizations.models import ApiToken, AuditEntry, Membership, Party, User
from seaward.organizations.roles import Capability, role_allows


def memberships_of(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organization")


def membership_in(user: User, organization_id: int) -> Membership | None:
    return memberships_of(user).filter(organization_id=organization_id).first()


def user_can(membership: Membership | None, capability: Capability) -> bool:
    return membership is not None and role_allows(membership.role, capability)


def party_list(*, search: str = "", role: str = "", country: str = "") -> QuerySet[Party]:
    parties = Party.objects.all()
    if search:
        parties = parties.filter(
            Q(name__icontains=search) | Q(legal_name__icontains=search) | Q(city__icontains=search)
        )
    if role and role in Party.ROLE_FIELDS:
        parties = parties.filter(**{role: True})
    if country:
        parties = parties.filter(country=country.upper())
    return parties


def audit_list(
    *, action: str = "", object_type: str = "", actor_id: int | None = None
) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor")
    if action:
        entries = entries.filter(action__startswith=action)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if actor_id:
        entries = entries.filter(actor_id=actor_id)
    return entries


def api_tokens_of(user: User, organization_id: int) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user, organization_id=organization_id)


def members_of_active() -> QuerySet[Membership]:
    from seaward.core.tenancy import require_organization

    return Membership.objects.filter(organization=require_organization()).select_related("user")
