"""Generated requests against the sales and catalog API operations never cause a 500.

The project-wide schemathesis test (tests/test_api_fuzz.py) drives every operation
through schemathesis' pytest plugin; this one drives the sales and catalog operations
through schemathesis' own API, with a seller's token and real objects behind the ids.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seaward.core.tenancy import activate
from seaward.organizations import services as organizations

pytestmark = pytest.mark.django_db

PREFIXES = ("/api/v1/quotations", "/api/v1/orders", "/api/v1/products")


def _operations():  # type: ignore[no-untyped-def]
    from seaward.wsgi import application

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path.startswith(PREFIXES):
            yield operation


def test_sales_and_catalog_operations_never_fail_with_a_server_error(
    exporter, owner, sent_quotation
):
    with activate(exporter):
        token = organizations.api_token_create(user=owner, name="fuzz").plaintext
    operations = list(_operations())
    assert len(operations) >= 12
    strategy = st.one_of([operation.as_strategy() for operation in operations])

    @given(case=strategy)
    @settings(
        max_examples=300,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def call(case):  # type: ignore[no-untyped-def]
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} {case.body!r} → {response.status_code}"
        )

    call()
