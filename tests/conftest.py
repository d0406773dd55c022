"""Shared fixtures: organizations, members with each role, signed-in clients."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("SEAWARD_TESTING", "1")


@pytest.fixture
def make_org(db):  # type: ignore[no-untyped-def]
    """Create an organization with an owner; returns the organization."""
    from seaward.organizations.models import Organization

    counter = {"n": 0}

    def factory(
        name: str = "Acme", kind: str = Organization.Kind.EXPORTER, country: str = "CN", **fields
    ):  # type: ignore[no-untyped-def]
        counter["n"] += 1
        slug = f"{name.lower().replace(' ', '-')}-{counter['n']}"
        return Organization.objects.create(
            name=name, slug=slug, kind=kind, country=country, **fields
        )

    return factory


@pytest.fixture
def make_member(db):  # type: ignore[no-untyped-def]
    """Create a user who is a member of ``organization`` with ``role``."""
    from seaward.organizations.models import Membership, User

    counter = {"n": 0}

    def factory(organization, role: str = "owner", email: str | None = None, **fields):  # type: ignore[no-untyped-def]
        counter["n"] += 1
        email = email or f"user{counter['n']}-{organization.slug}@example.test"
        user = User.objects.create_user(
            username=email, email=email, password="pw-Seaward-1", **fields
        )
        Membership.objects.create(user=user, organization=organization, role=role)
        return user

    return factory


@pytest.fixture
def exporter(make_org):  # type: ignore[no-untyped-def]
    return make_org("Ningbo Test Kitchenware", country="CN", city="Ningbo")


@pytest.fixture
def other_exporter(make_org):  # type: ignore[no-untyped-def]
    return make_org("Shenzhen Test Electronics", country="CN", city="Shenzhen")


@pytest.fixture
def owner(exporter, make_member):  # type: ignore[no-untyped-def]
    return make_member(exporter, "owner")


@pytest.fixture
def outsider(other_exporter, make_member):  # type: ignore[no-untyped-def]
    return make_member(other_exporter, "owner")


@pytest.fixture
def owner_client(client, owner):  # type: ignore[no-untyped-def]
    client.force_login(owner)
    return client


@pytest.fixture
def active(exporter) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """Act for ``exporter`` in service and selector calls made by the test."""
    from seaward.core.tenancy import activate

    with activate(exporter):
        yield exporter


@pytest.fixture(autouse=True)
def _keep_test_connection_open_for_direct_wsgi_calls():  # type: ignore[no-untyped-def]
    """Direct WSGI calls (schemathesis) must not close the test's database connection.

    Django's test client does this around each of its own requests (and connects the
    handler again afterwards, hence per test); on PostgreSQL a closed connection would
    end the test's transaction.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
