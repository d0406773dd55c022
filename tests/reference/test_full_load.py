"""The whole shipped data, loaded once on the test database (slow: about 15 s on SQLite)."""

from __future__ import annotations

import pytest

from seaward.reference.loading import load_reference


@pytest.mark.slow
@pytest.mark.django_db
def test_full_load_then_nothing_to_do() -> None:
    from seaward.reference import selectors
    from seaward.reference.models import DataSet, FxRate, HsCode, Location

    first = {o.key: o for o in load_reference(progress=False)}
    assert all(o.status == "loaded" for o in first.values())
    assert Location.objects.count() > 115_000
    assert FxRate.objects.count() > 200_000
    assert HsCode.objects.filter(level=6).count() > 5_000
    assert [loc.unlocode for loc in selectors.location_search("CNSHA")][:2] == ["CNSGH", "CNSHG"]
    assert [loc.unlocode for loc in selectors.location_search("CNNGB")][:2] == ["CNNBO", "CNNBG"]
    assert DataSet.objects.get(key="fx-ecb").publication_date.isoformat() == "2026-10-30"
    second = load_reference(progress=False)
    assert {o.status for o in second} == {"unchanged"}
