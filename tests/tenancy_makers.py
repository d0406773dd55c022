"""Makers of one tenant-owned object per URL parameter, for the cross-tenant harness.

Every URL or API path parameter must have a maker here (or be declared shared
reference data): a new endpoint with a new parameter name fails the harness
until its owner says how to make an object of organization A for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MARKER = "ZZCROSSTENANTMARKER"


@dataclass
class World:
    org_a: Any
    owner_a: Any
    org_b: Any
    owner_b: Any
    token_b: str
    cache: dict[str, Any]


Maker = Callable[[World], Any]
MAKERS: dict[str, Maker] = {}

# Routes under these prefixes serve data shared by every organization (reference data);
# their parameters name public codes, not tenant objects.
SHARED_ROUTE_PREFIXES = ("reference/", "/api/v1/reference/")
# Public by design: the secret in the link is the credential.
PUBLIC_URL_NAMES = {
    "invitation_accept",
    "password_reset_confirm",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_complete",
    "health",
    "api_docs",
}


def maker(*names: str) -> Callable[[Maker], Maker]:
    def decorator(function: Maker) -> Maker:
        for name in names:
            MAKERS[name] = function
        return function

    return decorator


def _once(world: World, key: str, build: Callable[[], Any]) -> Any:
    if key not in world.cache:
        world.cache[key] = build()
    return world.cache[key]


@maker("party_id")
def _party(world: World) -> int:
    from seaward.core.tenancy import activate
    from seaward.organizations import services

    def build() -> int:
        with activate(world.org_a):
            return services.party_create(
                actor=world.owner_a, name=f"{MARKER} party", is_buyer=True, country="ES"
            ).pk

    return _once(world, "party", build)


@maker("membership_id")
def _membership(world: World) -> int:
    from seaward.organizations.models import Membership

    return Membership.objects.get(user=world.owner_a, organization=world.org_a).pk


@maker("invitation_id")
def _invitation(world: World) -> int:
    from seaward.core.tenancy import activate
    from seaward.organizations import services

    def build() -> int:
        with activate(world.org_a):
            return services.invitation_create(
                actor=world.owner_a, email="zz@example.test", role="sales", base_url="http://t/"
            ).invitation.pk

    return _once(world, "invitation", build)


@maker("token_id")
def _token(world: World) -> int:
    from seaward.core.tenancy import activate
    from seaward.organizations import services

    def build() -> int:
        with activate(world.org_a):
            return services.api_token_create(user=world.owner_a, name=MARKER).token.pk

    return _once(world, "token", build)
