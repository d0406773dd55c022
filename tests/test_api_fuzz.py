"""Schemathesis: generated requests for every API operation never cause a server error."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from seaward.core.tenancy import activate
from seaward.organizations import services


@pytest.fixture
def api_schema(db):  # type: ignore[no-untyped-def]
    from seaward.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def fuzz_token(exporter, owner):  # type: ignore[no-untyped-def]
    with activate(exporter):
        services.party_create(actor=owner, name="Fuzz buyer", is_buyer=True, country="ES")
        return services.api_token_create(user=owner, name="fuzz").plaintext


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_server_error(case, fuzz_token):  # type: ignore[no-untyped-def]
    response = case.call(headers={"Authorization": f"Bearer {fuzz_token}"})
    case.validate_response(response, checks=[not_a_server_error])
