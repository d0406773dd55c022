"""Generated requests for every logistics API operation never cause a server error.

Drives schemathesis strategies through hypothesis directly (as tests/compliance does: the
project-wide parametrization does not run under pytest 9.2).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from seaward.core.tenancy import activate
from seaward.logistics import services, warehousing
from seaward.organizations import services as org_services

pytestmark = pytest.mark.django_db


def test_logistics_operations_never_fail_with_a_server_error(exporter, owner, ports, parties):
    from seaward.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    with activate(exporter):
        token = org_services.api_token_create(user=owner, name="fuzz").plaintext
        shipment = services.shipment_create(
            actor=owner, mode="sea_fcl", buyer=parties["buyer"], origin="CNNBO", destination="ESVLC"
        )
        warehousing.warehouse_create(actor=owner, name="W", code="W1", country="ES")
    operations = [
        result.ok() for result in schema.get_all_operations() if "/logistics/" in result.ok().path
    ]
    assert len(operations) >= 18
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
        def call(case):  # type: ignore[no-untyped-def]
            if case.path_parameters:
                for key in case.path_parameters:
                    # Half the time aim at a real object so the operation's body is exercised.
                    if hash(str(case.body)) % 2 == 0:
                        case.path_parameters[key] = shipment.pk if "shipment" in key else 1
            response = case.call(headers={"Authorization": f"Bearer {token}"})
            assert response.status_code < 500, (case.path, case.path_parameters, case.body)

        call()
