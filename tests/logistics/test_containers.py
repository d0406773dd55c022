from decimal import Decimal

import pytest

from seaward.logistics.containers import container_type, container_types
from seaward.logistics.errors import UnknownContainerType


def test_reference_data_has_the_common_dry_containers():
    types = container_types()
    assert {"20GP", "40GP", "40HC"} <= set(types)
    hc = container_type("40hc")
    assert hc.inner_length_cm == Decimal("1203.2")
    assert hc.inner_height_cm > container_type("40GP").inner_height_cm
    assert hc.max_payload_kg > 0
    assert Decimal(70) < hc.inner_volume_m3 < Decimal(80)


def test_unknown_container_type_is_a_domain_error():
    with pytest.raises(UnknownContainerType) as exc:
        container_type("53HC")
    assert exc.value.code == "unknown_container_type"
    assert "40HC" in exc.value.details["known"]
