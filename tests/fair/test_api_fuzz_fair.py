# ruff: noqa: F811  (the shared `fair` fixture is imported, then requested by name)
"""Generated requests for every fair API operation never cause a server error (schemathesis
strategies driven through hypothesis, as for screening)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from seaward.core.tenancy import activate
from seaward.organizations import services
from tests.fair.test_services_fair import Fair, fair  # noqa: F401

pytestmark = pytest.mark.django_db


def test_fair_operations_never_fail_with_a_server_error(fair: Fair) -> None:
    from seaward.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    tokens = []
    for organization, user in ((fair.buyer, fair.buyer_user), (fair.exporter, fair.seller)):
        with activate(organization):
            tokens.append(services.api_token_create(user=user, name="fuzz").plaintext)
    operations = [
        result.ok() for result in schema.get_all_operations() if "/fair/" in result.ok().path
    ]
    assert len(operations) >= 18
    for token in tokens:
        for operation in operations:
            _never_a_server_error(operation, token)


def _never_a_server_error(operation, token: str) -> None:  # type: ignore[no-untyped-def]
    @given(case=operation.as_strategy())
    @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
    def call(case):  # type: ignore[no-untyped-def]
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        assert response.status_code < 500, (case.path, case.query, case.body)

    call()
