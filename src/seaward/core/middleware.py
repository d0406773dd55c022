"""Request middleware: active organization (tenancy), user language and time zone, errors."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation

from seaward.core.errors import DomainError
from seaward.core.tenancy import reset_organization, set_organization

SESSION_ORGANIZATION_KEY = "seaward_organization_id"


class TenancyMiddleware:
    """Resolve the request's active organization from the user's memberships.

    The session remembers the user's choice; a choice that is no longer a
    membership is dropped. Every tenant-scoped query in the request is filtered
    by the organization set here (see core.tenancy).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from seaward.organizations.selectors import membership_in, memberships_of

        request.organization = None  # type: ignore[attr-defined]
        request.membership = None  # type: ignore[attr-defined]
        user = request.user
        if user.is_authenticated:
            membership = None
            chosen = request.session.get(SESSION_ORGANIZATION_KEY)
            if chosen is not None:
                membership = membership_in(user, int(chosen))  # type: ignore[arg-type]
            if membership is None and user.last_organization_id:  # type: ignore[union-attr]
                membership = membership_in(user, user.last_organization_id)  # type: ignore[arg-type,union-attr]
            if membership is None:
                membership = memberships_of(user).first()  # type: ignore[arg-type]
            if membership is not None:
                request.session[SESSION_ORGANIZATION_KEY] = membership.organization_id
                request.organization = membership.organization  # type: ignore[attr-defined]
                request.membership = membership  # type: ignore[attr-defined]
        token = set_organization(request.organization)  # type: ignore[attr-defined]
        try:
            return self.get_response(request)
        finally:
            reset_organization(token)


class UserLanguageMiddleware:
    """A signed-in user's chosen language wins over the browser's."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = getattr(request.user, "language", "") if request.user.is_authenticated else ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if language:
            response.headers.setdefault("Content-Language", language)
        return response


class UserTimezoneMiddleware:
    """Show datetimes in the viewer's own time zone (stored in UTC)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone = getattr(request.user, "time_zone", "") if request.user.is_authenticated else ""
        if zone:
            try:
                timezone.activate(zoneinfo.ZoneInfo(zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class DomainErrorMiddleware:
    """HTML pages: a domain error that escaped a view renders as one error page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DomainError) or request.path.startswith("/api/"):
            return None
        return render(
            request,
            "core/error.html",
            {"error": exception, "message": exception.render(translation.gettext)},
            status=exception.http_status,
        )
