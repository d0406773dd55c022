"""API of the organizations context: me, memberships, members, tokens, parties, audit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from seaward.core.access import MemberRequest, ensure_capability
from seaward.core.apitypes import Pages
from seaward.organizations import selectors, services
from seaward.organizations.models import Party
from seaward.organizations.roles import Capability

router = Router(tags=["organizations"])


class OrganizationOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    country: str
    home_currency: str
    time_zone: str


class MeOut(Schema):
    id: int
    username: str
    email: str
    display_name: str
    language: str
    time_zone: str
    organization: OrganizationOut
    role: str


class MembershipOut(Schema):
    organization: OrganizationOut
    role: str


class MemberOut(Schema):
    id: int
    user_id: int
    email: str = Field(..., alias="user.email")
    display_name: str = Field(..., alias="user.display_name")
    role: str


@router.get("/me", response=MeOut, summary="The caller and the organization it acts for")
def me(request: MemberRequest) -> dict[str, Any]:
    user = request.user
    return {
        "id": user.pk,
        "username": user.username,
        "email": user.email,
        "display_name": user.display_name,
        "language": user.language,
        "time_zone": user.time_zone,
        "organization": request.organization,
        "role": request.membership.role,
    }


@router.get(
    "/organizations",
    response=list[MembershipOut],
    summary="The organizations the caller is a member of",
)
def my_organizations(request: MemberRequest) -> Any:
    return selectors.memberships_of(request.user)


@router.get("/members", response=list[MemberOut], summary="Members of the active organization")
@paginate(Pages)
def members(request: MemberRequest) -> Any:
    return selectors.members_of_active()


# --- tokens -----------------------------------------------------------------------------------
class TokenIn(Schema):
    name: str = Field(..., min_length=1, max_length=100)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class IssuedTokenOut(TokenOut):
    token: str = Field(..., description="The secret: shown once, store it now.")


@router.get("/tokens", response=list[TokenOut], summary="Your API tokens in this organization")
def tokens(request: MemberRequest) -> Any:
    return selectors.api_tokens_of(request.user, request.organization.pk)


@router.post("/tokens", response={201: IssuedTokenOut}, summary="Create a personal API token")
def token_create(request: MemberRequest, payload: TokenIn) -> Any:
    issued = services.api_token_create(user=request.user, name=payload.name)
    token = issued.token
    return Status(201, {**TokenOut.from_orm(token).model_dump(), "token": issued.plaintext})


@router.post("/tokens/{token_id}/revoke", response=TokenOut, summary="Revoke an API token")
def token_revoke(request: MemberRequest, token_id: int) -> Any:
    get_object_or_404(
        selectors.api_tokens_of(request.user, request.organization.pk),
        pk=token_id,
    )
    return services.api_token_revoke(user=request.user, token_id=token_id)


# --- parties ------------------------------------------------------------------------------------
class ContactIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    title: str = ""
    email: str = ""
    phone: str = ""
    language: str = ""


class ContactOut(ContactIn):
    id: int


class PartyBase(Schema):
    name: str = Field(..., min_length=1, max_length=300)
    legal_name: str = ""
    is_buyer: bool = False
    is_consignee: bool = False
    is_notify_party: bool = False
    is_bank: bool = False
    is_forwarder: bool = False
    is_supplier: bool = False
    country: str = Field(..., min_length=2, max_length=2, description="ISO 3166 alpha-2")
    address_line1: str = ""
    address_line2: str = ""
    city: str = ""
    postal_code: str = ""
    region: str = ""
    tax_id: str = ""
    swift_bic: str = ""
    website: str = ""
    notes: str = ""


class PartyIn(PartyBase):
    pass


class PartyPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=300)
    legal_name: str | None = None
    is_buyer: bool | None = None
    is_consignee: bool | None = None
    is_notify_party: bool | None = None
    is_bank: bool | None = None
    is_forwarder: bool | None = None
    is_supplier: bool | None = None
    country: str | None = Field(None, min_length=2, max_length=2)
    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    postal_code: str | None = None
    region: str | None = None
    tax_id: str | None = None
    swift_bic: str | None = None
    website: str | None = None
    notes: str | None = None


class PartyOut(PartyBase):
    id: int
    linked_organization_id: int | None
    created_at: datetime
    updated_at: datetime


@router.get("/parties", response=list[PartyOut], summary="The address book of counterparties")
@paginate(Pages)
def party_list(request: MemberRequest, q: str = "", role: str = "", country: str = "") -> Any:
    return selectors.party_list(search=q, role=role, country=country)


@router.post("/parties", response={201: PartyOut}, summary="Add a counterparty")
def party_create(request: MemberRequest, payload: PartyIn) -> Any:
    ensure_capability(request, Capability.MANAGE_PARTIES)
    party = services.party_create(actor=request.user, **payload.dict())
    return Status(201, party)


@router.get("/parties/{party_id}", response=PartyOut, summary="One counterparty")
def party_get(request: MemberRequest, party_id: int) -> Any:
    return get_object_or_404(Party.objects.all(), pk=party_id)


@router.patch("/parties/{party_id}", response=PartyOut, summary="Change a counterparty")
def party_patch(request: MemberRequest, party_id: int, payload: PartyPatch) -> Any:
    party = get_object_or_404(Party.objects.all(), pk=party_id)
    ensure_capability(request, Capability.MANAGE_PARTIES)
    return services.party_update(
        actor=request.user,
        party=party,
        **payload.dict(exclude_unset=True, exclude_none=True),
    )


@router.delete("/parties/{party_id}", response={204: None}, summary="Delete a counterparty")
def party_delete(request: MemberRequest, party_id: int) -> Any:
    party = get_object_or_404(Party.objects.all(), pk=party_id)
    ensure_capability(request, Capability.MANAGE_PARTIES)
    services.party_delete(actor=request.user, party=party)
    return Status(204, None)


@router.get(
    "/parties/{party_id}/contacts", response=list[ContactOut], summary="Contacts of a counterparty"
)
def party_contacts(request: MemberRequest, party_id: int) -> Any:
    return get_object_or_404(Party.objects.all(), pk=party_id).contacts.all()


@router.post(
    "/parties/{party_id}/contacts",
    response={201: ContactOut},
    summary="Add a contact to a counterparty",
)
def party_contact_add(request: MemberRequest, party_id: int, payload: ContactIn) -> Any:
    party = get_object_or_404(Party.objects.all(), pk=party_id)
    ensure_capability(request, Capability.MANAGE_PARTIES)
    contact = services.party_contact_add(
        actor=request.user,
        party=party,
        **payload.dict(),
    )
    return Status(201, contact)


# --- audit ----------------------------------------------------------------------------------------
class AuditOut(Schema):
    id: int
    created_at: datetime
    actor_label: str
    action: str
    object_type: str
    object_id: str
    object_repr: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@router.get("/audit", response=list[AuditOut], summary="The organization's audit log")
@paginate(Pages)
def audit(request: MemberRequest, action: str = "", object_type: str = "") -> Any:
    return selectors.audit_list(action=action, object_type=object_type)
