"""Generated requests for every screening API operation never cause a server error.

Drives schemathesis strategies through hypothesis directly (the project-wide
``tests/test_api_fuzz.py`` parametrization does not run under pytest 9.2).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from seaward.core.tenancy import activate
from seaward.organizations import services
from tests.compliance.test_workflow_support import (  # noqa: F401  (the sdn_v1 fixture)
    make_party,
    sdn_v1_fixture,
)

pytestmark = pytest.mark.django_db


def test_screening_operations_never_fail_with_a_server_error(exporter, owner, sdn_v1):
    from seaward.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    with activate(exporter):
        make_party(owner, name="Blackstone Marine Trading")
        token = services.api_token_create(user=owner, name="fuzz").plaintext
    operations = [
        result.ok() for result in schema.get_all_operations() if "/screening/" in result.ok().path
    ]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
        def call(case):  # type: ignore[no-untyped-def]
            response = case.call(headers={"Authorization": f"Bearer {token}"})
            assert response.status_code < 500, (case.path, case.query, case.body)

        call()
