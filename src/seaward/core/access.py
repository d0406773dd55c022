"""Access checks for views and API operations: membership and role capability."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from seaward.core.errors import Forbidden
from seaward.organizations.models import Membership, Organization, User
from seaward.organizations.roles import Capability, role_allows


class MemberRequest(HttpRequest):
    """A request of a signed-in member: what the tenancy middleware or token auth attached."""

    user: User  # type: ignore[assignment]  # narrowed: views behind member_required
    organization: Organization
    membership: Membership


def ensure_capability(request: HttpRequest, capability: Capability) -> Membership:
    """The request's membership if its role allows ``capability``; else ``Forbidden``."""
    membership: Membership | None = getattr(request, "membership", None)
    if membership is None or not role_allows(membership.role, capability):
        raise Forbidden()
    return membership


def member_required(capability: Capability = Capability.VIEW) -> Callable[..., Any]:
    """Decorate a view: signed in, with an active organization whose role allows ``capability``."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if getattr(request, "membership", None) is None:
                return redirect("no_organization")
            ensure_capability(request, capability)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
