"""Writes of the organizations context: organizations, members, invitations, tokens, parties."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from seaward.compliance.services import party_screen_enqueue
from seaward.core.errors import InvalidInput, gettext_noop
from seaward.core.tenancy import activate, require_organization
from seaward.organizations.audit import audit_record, snapshot
from seaward.organizations.errors import (
    AlreadyMember,
    InvitationEmailMismatch,
    InvitationInvalid,
    LastOwner,
    NotAMember,
    TokenInvalid,
)
from seaward.organizations.models import (
    ApiToken,
    Invitation,
    Membership,
    Organization,
    Party,
    PartyContact,
    User,
)
from seaward.organizations.roles import Role
from seaward.organizations.tasks import send_email

INVITATION_VALIDITY = timedelta(days=14)
TOKEN_PREFIX = "sw"  # noqa: S105  (a public marker, not a secret)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _validated(instance: Any, exclude: list[str] | None = None) -> None:
    """Run model validation and turn Django's error into one domain error naming the field."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise InvalidInput(
            gettext_noop("%(field)s: %(message)s"),
            code="invalid_field",
            field=None if field == "__all__" else field,
            params={"field": field, "message": " ".join(str(m) for m in messages)},
            details={"errors": error.message_dict},
        ) from None


# --- organizations and memberships ------------------------------------------------
@transaction.atomic
def organization_create(
    *, owner: User, name: str, slug: str, kind: str, country: str, **fields: Any
) -> Organization:
    """Create an organization with ``owner`` as its first owner."""
    organization = Organization(name=name, slug=slug, kind=kind, country=country, **fields)
    _validated(organization)
    organization.save()
    Membership.objects.create(user=owner, organization=organization, role=Role.OWNER)
    with activate(organization):
        audit_record(actor=owner, action="organization.create", obj=organization)
    return organization


@transaction.atomic
def membership_set_role(*, actor: User, membership: Membership, role: str) -> Membership:
    if role not in Role.values:
        raise InvalidInput(
            gettext_noop("Unknown role: %(role)s."), field="role", params={"role": role}
        )
    _ensure_an_owner_remains(membership, new_role=role)
    before = {"role": membership.role}
    membership.role = role
    membership.save(update_fields=["role"])
    audit_record(
        actor=actor,
        action="membership.set_role",
        obj=membership,
        before=before,
        after={"role": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: User, membership: Membership) -> None:
    _ensure_an_owner_remains(membership, new_role=None)
    audit_record(
        actor=actor,
        action="membership.remove",
        obj=membership,
        before={"user": membership.user.email, "role": membership.role},
    )
    membership.delete()


def _ensure_an_owner_remains(membership: Membership, new_role: str | None) -> None:
    if membership.role != Role.OWNER or new_role == Role.OWNER:
        return
    others = (
        Membership.objects.select_for_update()
        .filter(organization=membership.organization, role=Role.OWNER)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise LastOwner()


def organization_switch(*, user: User, organization_id: int) -> Organization:
    """Make ``organization_id`` the user's active organization (must be a member)."""
    membership = (
        Membership.objects.select_related("organization")
        .filter(user=user, organization_id=organization_id)
        .first()
    )
    if membership is None:
        raise NotAMember()
    User.objects.filter(pk=user.pk).update(last_organization=membership.organization)
    return membership.organization


def user_update_preferences(
    *,
    user: User,
    language: str | None = None,
    time_zone: str | None = None,
    display_name: str | None = None,
) -> User:
    if language is not None:
        if language and language not in dict(settings.LANGUAGES):
            raise InvalidInput(
                gettext_noop("Unknown language: %(language)s."),
                field="language",
                params={"language": language},
            )
        user.language = language
    if time_zone is not None:
        user.time_zone = time_zone
    if display_name is not None:
        user.display_name = display_name
    _validated(user, exclude=["password", "username", "email"])
    user.save(update_fields=["language", "time_zone", "display_name"])
    return user


# --- invitations ------------------------------------------------------------------------
@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    accept_url: str


@transaction.atomic
def invitation_create(*, actor: User, email: str, role: str, base_url: str) -> IssuedInvitation:
    """Invite ``email`` into the active organization; the link is mailed after commit."""
    organization = require_organization()
    email = email.strip().lower()
    if role not in Role.values:
        raise InvalidInput(
            gettext_noop("Unknown role: %(role)s."), field="role", params={"role": role}
        )
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise AlreadyMember(params={"email": email}, field="email")
    secret = secrets.token_urlsafe(32)
    invitation = Invitation(
        email=email,
        role=role,
        token_hash=_hash(secret),
        invited_by=actor,
        expires_at=timezone.now() + INVITATION_VALIDITY,
    )
    _validated(invitation, exclude=["organization", "token_hash", "invited_by"])
    invitation.save()
    accept_url = base_url.rstrip("/") + reverse("invitation_accept", args=[secret])
    audit_record(
        actor=actor,
        action="invitation.create",
        obj=invitation,
        after={"email": email, "role": role},
    )
    subject = _("You are invited to %(organization)s on Seaward") % {"organization": organization}
    body = _(
        "%(inviter)s invited you to join %(organization)s on Seaward as %(role)s.\n\n"
        "Accept the invitation: %(url)s\n\nThe link is valid for 14 days."
    ) % {
        "inviter": actor,
        "organization": organization,
        "role": Role(role).label,
        "url": accept_url,
    }
    transaction.on_commit(lambda: send_email.enqueue(str(subject), str(body), [email]))
    return IssuedInvitation(invitation=invitation, accept_url=accept_url)


def invitation_lookup(secret: str) -> Invitation:
    """The open invitation behind a secret link (across organizations: the link is the key)."""
    invitation = (
        Invitation.all_objects.select_related("organization")
        .filter(token_hash=_hash(secret))
        .first()
    )
    if invitation is None or not invitation.is_open:
        raise InvitationInvalid()
    return invitation


@transaction.atomic
def invitation_accept(
    *, secret: str, user: User | None, new_user: dict[str, str] | None = None
) -> Membership:
    """Accept an invitation as the signed-in user, or by creating an account for its email."""
    invitation = invitation_lookup(secret)
    if user is None:
        if not new_user:
            raise InvalidInput(
                gettext_noop("Choose a password to create your account."), field="password"
            )
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise InvalidInput(
                gettext_noop("An account with this email exists: sign in to accept."), field="email"
            )
        user = User(
            username=invitation.email,
            email=invitation.email,
            display_name=new_user.get("display_name", ""),
        )
        password = new_user.get("password", "")
        from django.contrib.auth.password_validation import validate_password

        try:
            validate_password(password, user)
        except ValidationError as error:
            raise InvalidInput(" ".join(error.messages), field="password") from None
        user.set_password(password)
        user.save()
    elif user.email.lower() != invitation.email.lower():
        raise InvitationEmailMismatch(params={"email": invitation.email})
    membership, created = Membership.objects.get_or_create(
        user=user, organization=invitation.organization, defaults={"role": invitation.role}
    )
    if not created:
        raise AlreadyMember(params={"email": user.email})
    Invitation.all_objects.filter(pk=invitation.pk).update(
        accepted_at=timezone.now(), accepted_by=user
    )
    with activate(invitation.organization):
        audit_record(actor=user, action="invitation.accept", obj=membership)
    return membership


# --- API tokens ------------------------------------------------------------------------------
@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    plaintext: str  # shown once, never stored


@transaction.atomic
def api_token_create(*, user: User, name: str) -> IssuedToken:
    """A personal token acting for ``user`` in the active organization."""
    organization = require_organization()
    name = name.strip()
    if not name:
        raise InvalidInput(gettext_noop("Give the token a name."), field="name")
    if not Membership.objects.filter(user=user, organization=organization).exists():
        raise NotAMember()
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        organization=organization,
        name=name[:100],
        prefix=prefix,
        key_hash=_hash(secret),
    )
    audit_record(actor=user, action="api_token.create", obj=token, after={"name": token.name})
    return IssuedToken(token=token, plaintext=f"{TOKEN_PREFIX}_{prefix}_{secret}")


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.filter(
        pk=token_id, user=user, organization=require_organization()
    ).first()
    if token is None:
        raise TokenInvalid()
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=user, action="api_token.revoke", obj=token)
    return token


def api_token_authenticate(plaintext: str) -> ApiToken | None:
    """The active token for a presented secret, or None (constant-time compare)."""
    parts = plaintext.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    token = (
        ApiToken.objects.select_related("user", "organization")
        .filter(prefix=parts[1], revoked_at__isnull=True)
        .first()
    )
    if token is None or not secrets.compare_digest(token.key_hash, _hash(parts[2])):
        return None
    if (
        not token.user.is_active
        or not Membership.objects.filter(user=token.user, organization=token.organization).exists()
    ):
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


# --- parties ----------------------------------------------------------------------------------
PARTY_FIELDS = [
    "name",
    "legal_name",
    "is_buyer",
    "is_consignee",
    "is_notify_party",
    "is_bank",
    "is_forwarder",
    "is_supplier",
    "country",
    "address_line1",
    "address_line2",
    "city",
    "postal_code",
    "region",
    "tax_id",
    "swift_bic",
    "website",
    "notes",
]


def _clean_party_input(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(PARTY_FIELDS) - {"linked_organization"}
    if unknown:
        raise InvalidInput(
            gettext_noop("Unknown field: %(field)s."),
            field=sorted(unknown)[0],
            params={"field": sorted(unknown)[0]},
        )
    cleaned = dict(fields)
    if "country" in cleaned and isinstance(cleaned["country"], str):
        cleaned["country"] = cleaned["country"].strip().upper()
    for text_field in ("name", "legal_name"):
        if text_field in cleaned and isinstance(cleaned[text_field], str):
            cleaned[text_field] = cleaned[text_field].strip()
    return cleaned


def _ensure_party_role(party: Party) -> None:
    if not any(getattr(party, f) for f in Party.ROLE_FIELDS):
        raise InvalidInput(
            gettext_noop(
                "Choose at least one role (buyer, consignee, notify party, bank, forwarder, "
                "supplier)."
            ),
            code="party_role_required",
            field="is_buyer",
        )


@transaction.atomic
def party_create(*, actor: User, **fields: Any) -> Party:
    """Add a counterparty to the active organization's address book."""
    party = Party(**_clean_party_input(fields))
    party.organization = require_organization()
    _ensure_party_role(party)
    _validated(party)
    party.save()
    audit_record(actor=actor, action="party.create", obj=party, after=snapshot(party, PARTY_FIELDS))
    party_screen_enqueue(party, trigger="created")
    return party


@transaction.atomic
def party_update(*, actor: User, party: Party, **fields: Any) -> Party:
    cleaned = _clean_party_input(fields)
    party = Party.objects.select_for_update().get(pk=party.pk)
    before = snapshot(party, PARTY_FIELDS)
    for name, value in cleaned.items():
        setattr(party, name, value)
    _ensure_party_role(party)
    _validated(party)
    party.save()
    party_screen_enqueue(party, trigger="changed")
    after = snapshot(party, PARTY_FIELDS)
    changed = {k for k in PARTY_FIELDS if before[k] != after[k]}
    if changed:
        audit_record(
            actor=actor,
            action="party.update",
            obj=party,
            before={k: before[k] for k in changed},
            after={k: after[k] for k in changed},
        )
    return party


@transaction.atomic
def party_delete(*, actor: User, party: Party) -> None:
    audit_record(
        actor=actor, action="party.delete", obj=party, before=snapshot(party, PARTY_FIELDS)
    )
    party.delete()


@transaction.atomic
def party_contact_add(
    *,
    actor: User,
    party: Party,
    name: str,
    email: str = "",
    phone: str = "",
    title: str = "",
    language: str = "",
) -> PartyContact:
    contact = PartyContact(
        party=party,
        name=name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        title=title.strip(),
        language=language,
    )
    contact.organization = require_organization()
    _validated(contact)
    contact.save()
    party_screen_enqueue(party, trigger="changed")
    audit_record(
        actor=actor,
        action="party.contact_add",
        obj=party,
        after={"contact": contact.name, "email": contact.email},
    )
    return contact
