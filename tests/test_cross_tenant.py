"""Cross-tenant harness: every URL pattern and every API operation, as an outsider.

A user of organization B requests each endpoint with the identifiers of
organization A's objects and must get 404 — never the data. Endpoints without
identifiers must not show A's marker to B. New endpoints are covered
automatically: an unknown parameter name fails until a maker is registered in
tests/tenancy_makers.py.
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from seaward.core.tenancy import activate
from seaward.organizations import services
from tests.tenancy_makers import MAKERS, MARKER, PUBLIC_URL_NAMES, SHARED_ROUTE_PREFIXES, World


def _walk(patterns, prefix=""):  # type: ignore[no-untyped-def]
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def _page_routes():  # type: ignore[no-untyped-def]
    for route, pattern in _walk(get_resolver().url_patterns):
        if route.startswith(("admin/", "api/v1/")) or route.startswith("^"):
            continue  # admin is staff-only (checked below); the API is walked from its schema
        yield route, pattern


@pytest.fixture
def world(make_org, make_member):  # type: ignore[no-untyped-def]
    org_a = make_org("Org A")
    org_b = make_org("Org B")
    owner_a = make_member(org_a, "owner")
    owner_b = make_member(org_b, "owner")
    with activate(org_b):
        token_b = services.api_token_create(user=owner_b, name="b").plaintext
    return World(org_a, owner_a, org_b, owner_b, token_b, {})


def _fill(route: str, world: World) -> tuple[str, bool]:
    """The route with A's identifiers; True when it names an object."""
    names = re.findall(r"<(?:\w+:)?(\w+)>|\{(\w+)\}", route)
    path = route
    for converter_name, brace_name in names:
        name = converter_name or brace_name
        if route.startswith(SHARED_ROUTE_PREFIXES):
            value = "XX"
        else:
            assert name in MAKERS, (
                f"no cross-tenant maker for parameter {name!r} of {route!r}: "
                "register one in tests/tenancy_makers.py"
            )
            value = MAKERS[name](world)
        pattern = rf"<(?:\w+:)?{name}>|\{{{name}\}}"
        path = re.sub(pattern, str(value), path, count=1)
    return "/" + path.lstrip("/"), bool(names)


@pytest.mark.django_db
def test_every_page_hides_other_organizations_objects(client, world):
    client.force_login(world.owner_b)
    checked = 0
    for route, pattern in _page_routes():
        if pattern.name in PUBLIC_URL_NAMES:
            continue
        path, names_object = _fill(route, world)
        for method in ("get", "post"):
            response = getattr(client, method)(path)
            body = response.content.decode(errors="replace")
            assert MARKER not in body, f"{method.upper()} {path} leaked A's data"
            if names_object and not route.startswith(SHARED_ROUTE_PREFIXES):
                assert response.status_code in (404, 405), (
                    f"{method.upper()} {path} answered {response.status_code}, expected 404"
                )
            else:
                assert response.status_code < 500, f"{method.upper()} {path} failed"
            checked += 1
    assert checked >= 20


def _example(schema: dict, node: dict):  # type: ignore[type-arg]
    """A value that satisfies a JSON-schema node well enough to pass body validation."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return _example(schema, schema["components"]["schemas"][name])
    for key in ("anyOf", "oneOf", "allOf"):
        if key in node:
            return _example(schema, node[key][0])
    kind = node.get("type", "object")
    if "enum" in node:
        return node["enum"][0]
    if kind == "object":
        return {
            name: _example(schema, sub)
            for name, sub in node.get("properties", {}).items()
            if name in node.get("required", [])
        }
    return {"string": "XX", "boolean": True, "integer": 1, "number": 1, "array": []}.get(kind)


def _valid_body(schema: dict, operation: dict) -> str:  # type: ignore[type-arg]
    import json

    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    return json.dumps(_example(schema, content["schema"]) if content else {})


@pytest.mark.django_db
def test_every_api_operation_hides_other_organizations_objects(client, world):
    from seaward.api import api

    schema = api.get_openapi_schema()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {world.token_b}"}
    checked = 0
    for path_template, operations in schema["paths"].items():
        for method in operations:
            path, names_object = _fill(path_template, world)
            kwargs = {}
            if method in ("post", "put", "patch"):
                kwargs = {
                    "content_type": "application/json",
                    "data": _valid_body(schema, operations[method]),
                }
            response = getattr(client, method)(path, **kwargs, **auth)
            body = response.content.decode(errors="replace")
            assert MARKER not in body, f"{method.upper()} {path} leaked A's data"
            if names_object and not path_template.startswith(SHARED_ROUTE_PREFIXES):
                assert response.status_code == 404, (
                    f"{method.upper()} {path} answered {response.status_code}, expected 404"
                )
            else:
                assert response.status_code < 500, f"{method.upper()} {path} failed"
            checked += 1
    assert checked >= 10


@pytest.mark.django_db
def test_admin_is_closed_to_non_staff(client, world):
    client.force_login(world.owner_b)
    assert client.get("/admin/organizations/party/").status_code == 302
