"""The JSON API at /api/v1/: one NinjaAPI, a router per context, one error shape.

Auth: the browser's session (with CSRF) or a personal API token sent as
``Authorization: Bearer sw_…``; either way the request acts for one user in one
organization, and tenant scoping applies as for pages.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import HttpBearer, SessionAuth

from seaward.cli import CONTEXTS
from seaward.core.errors import DomainError
from seaward.core.tenancy import set_organization


class TokenAuth(HttpBearer):
    openapi_description = "Personal API token: `Authorization: Bearer sw_<prefix>_<secret>`."

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from seaward.organizations.models import Membership
        from seaward.organizations.services import api_token_authenticate

        api_token = api_token_authenticate(token)
        if api_token is None:
            return None
        request.user = api_token.user
        request.organization = api_token.organization  # type: ignore[attr-defined]
        request.membership = Membership.objects.get(  # type: ignore[attr-defined]
            user=api_token.user, organization=api_token.organization
        )
        request.api_token = api_token  # type: ignore[attr-defined]
        set_organization(api_token.organization)
        return api_token.user


class MemberSessionAuth(SessionAuth):
    """The browser session, for a user with an active organization."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        if user is None or getattr(request, "membership", None) is None:
            return None
        return user


api = NinjaAPI(
    title="Seaward API",
    version="1",
    description=(
        "The Seaward export operating system. Errors share one shape: "
        '`{"code": …, "message": …, "field": …, "details": {…}}` — 422 invalid input, '
        "409 conflict (e.g. an illegal state change), 404 anything not visible to the caller."
    ),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=[TokenAuth(), MemberSessionAuth()],
)


def _error_response(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
    return api.create_response(request, body, status=status)


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return _error_response(request, exc.http_status, exc.as_dict(gettext))


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {"loc": [str(part) for part in error.get("loc", ())], "message": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    first = errors[0] if errors else {"loc": [], "message": ""}
    field = first["loc"][-1] if first["loc"] else None
    return _error_response(
        request,
        422,
        {
            "code": "invalid_input",
            "message": gettext("Invalid input: %(where)s: %(message)s")
            % {"where": ".".join(first["loc"]) or "body", "message": first["message"]},
            "field": field,
            "details": {"errors": errors},
        },
    )


@api.exception_handler(OverflowError)
def _overflow(request: HttpRequest, exc: OverflowError) -> HttpResponse:
    # An identifier too large for the database's integers names no object.
    return _not_found(request, Http404())


@api.exception_handler(DataError)
def _data_error(request: HttpRequest, exc: DataError) -> HttpResponse:
    return _error_response(
        request,
        422,
        {
            "code": "invalid_input",
            "message": gettext("A value is out of the range the database can store."),
            "field": None,
            "details": {},
        },
    )


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error_response(
        request,
        404,
        {"code": "not_found", "message": gettext("Not found."), "field": None, "details": {}},
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _error_response(
        request,
        401,
        {
            "code": "unauthenticated",
            "message": gettext("Sign in, or send a valid API token."),
            "field": None,
            "details": {},
        },
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error_response(
        request,
        exc.status_code,
        {"code": "http_error", "message": str(exc), "field": None, "details": {}},
    )


for _context in CONTEXTS:
    _module = f"seaward.{_context}.api"
    if importlib.util.find_spec(f"seaward.{_context}") and importlib.util.find_spec(_module):
        # Each router spells out its own paths (/parties, /reference/countries, …).
        api.add_router("/", importlib.import_module(_module).router)
