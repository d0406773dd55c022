from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from seaward.core import navigation
from seaward.organizations.roles import role_allows


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the page shell needs: navigation, the organization switcher, languages."""
    membership = getattr(request, "membership", None)
    organization = getattr(request, "organization", None)
    nav = []
    if membership is not None:
        for item in navigation.items():
            if item.capability and not role_allows(membership.role, item.capability):  # type: ignore[arg-type]
                continue
            if item.organization_kinds and (
                organization is None or organization.kind not in item.organization_kinds
            ):
                continue
            try:
                url = reverse(item.url_name)
            except NoReverseMatch:
                continue
            nav.append(
                {"item": item, "url": url, "active": request.path.startswith(url) and url != "/"}
            )
    memberships = []
    if request.user.is_authenticated:
        from seaward.organizations.selectors import memberships_of

        memberships = list(memberships_of(request.user))  # type: ignore[arg-type]
    return {
        "nav_items": nav,
        "shell_memberships": memberships,
        "shell_languages": settings.LANGUAGES,
        "active_organization": organization,
        "active_membership": membership,
    }
