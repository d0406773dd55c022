"""load-reference: idempotency, reload of a changed data set, extension point, aliases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from seaward.reference.datasets import BUILTIN_KEYS
from seaward.reference.loading import (
    DirectoryFiles,
    LoadContext,
    LoadResult,
    load_reference,
    register_loader,
)


def _snapshot() -> dict[str, list[tuple[object, ...]]]:
    from seaward.reference import models

    return {
        name: sorted(tuple(row) for row in getattr(models, name).objects.values_list())
        for name in (
            "Country",
            "Currency",
            "HsCode",
            "Location",
            "LocationAlias",
            "FxRate",
            "FxPeg",
            "Incoterm",
            "ContainerType",
            "VatRate",
        )
    }


@pytest.mark.django_db
def test_first_load_fills_every_data_set(tiny_data: Path) -> None:
    from seaward.reference.models import DataSet, FxRate, HsCode, Location

    outcomes = load_reference(files=DirectoryFiles(tiny_data), progress=False, only=BUILTIN_KEYS)
    assert {o.key: o.status for o in outcomes} == {
        "countries": "loaded",
        "currencies": "loaded",
        "hs": "loaded",
        "unlocode": "loaded",
        "fx-ecb": "loaded",
        "fx-pegs": "loaded",
        "incoterms": "loaded",
        "containers": "loaded",
        "vat": "loaded",
    }
    assert Location.objects.count() == 14  # BEBRU is listed twice (two languages)
    assert HsCode.objects.filter(level=0).count() == 2
    assert not HsCode.objects.filter(code="99").exists()
    assert FxRate.objects.filter(currency="CNY").count() == 4
    fx = DataSet.objects.get(key="fx-ecb")
    assert str(fx.publication_date) == "2026-10-30"
    assert fx.row_count == FxRate.objects.count()
    assert "Tiny excerpt" in fx.source
    assert len(fx.checksum) == 64 and fx.loaded_at is not None


@pytest.mark.django_db
def test_second_run_changes_nothing(tiny_data: Path) -> None:
    from seaward.reference.models import DataSet

    files = DirectoryFiles(tiny_data)
    load_reference(files=files, progress=False, only=BUILTIN_KEYS)
    before = _snapshot()
    loaded_at = dict(DataSet.objects.values_list("key", "loaded_at"))
    outcomes = load_reference(files=files, progress=False, only=BUILTIN_KEYS)
    assert {o.status for o in outcomes} == {"unchanged"}
    assert _snapshot() == before
    assert dict(DataSet.objects.values_list("key", "loaded_at")) == loaded_at


@pytest.mark.django_db
def test_a_changed_file_reloads_only_its_data_set(tiny_data: Path) -> None:
    from seaward.reference.models import FxRate

    files = DirectoryFiles(tiny_data)
    load_reference(files=files, progress=False, only=BUILTIN_KEYS)
    history = tiny_data / "fx" / "eurofxref-hist.csv"
    lines = history.read_text().splitlines()
    history.write_text("\n".join([lines[0], lines[1]]) + "\n")
    outcomes = {
        o.key: o.status for o in load_reference(files=files, progress=False, only=BUILTIN_KEYS)
    }
    assert outcomes.pop("fx-ecb") == "loaded"
    assert set(outcomes.values()) == {"unchanged"}
    assert set(FxRate.objects.values_list("date", flat=True).distinct().order_by()) == {
        date(2026, 10, 30)
    }


@pytest.mark.django_db
def test_a_broken_file_keeps_the_previous_version(tiny_data: Path) -> None:
    from seaward.core.errors import InvalidInput
    from seaward.reference.models import DataSet, FxRate

    files = DirectoryFiles(tiny_data)
    load_reference(files=files, progress=False, only=BUILTIN_KEYS)
    count, checksum = FxRate.objects.count(), DataSet.objects.get(key="fx-ecb").checksum
    history = tiny_data / "fx" / "eurofxref-hist.csv"
    history.write_text(history.read_text() + "2026-10-31,oops\n")
    with pytest.raises(InvalidInput):
        load_reference(files=files, progress=False, only=["fx-ecb"])
    assert FxRate.objects.count() == count
    assert DataSet.objects.get(key="fx-ecb").checksum == checksum


@pytest.mark.django_db
def test_only_loads_the_named_data_sets(tiny_data: Path) -> None:
    from seaward.core.errors import InvalidInput
    from seaward.reference.models import DataSet

    outcomes = load_reference(files=DirectoryFiles(tiny_data), progress=False, only=["incoterms"])
    assert [o.key for o in outcomes] == ["incoterms"]
    assert list(DataSet.objects.values_list("key", flat=True)) == ["incoterms"]
    with pytest.raises(InvalidInput) as caught:
        load_reference(files=DirectoryFiles(tiny_data), progress=False, only=["nope"])
    assert caught.value.code == "unknown_data_set"


@pytest.mark.django_db
def test_other_contexts_can_register_a_data_set(tiny_data: Path) -> None:
    from seaward.reference import loading
    from seaward.reference.models import DataSet

    calls: list[int] = []

    def load(context: LoadContext) -> LoadResult:
        calls.append(1)
        with context.files.open_text("incoterms/incoterms2020_facts.csv") as stream:
            return LoadResult(row_count=len(stream.readlines()) - 1)

    register_loader(
        "test-extra",
        load,
        name="Extra list",
        files=["incoterms/incoterms2020_facts.csv"],
        order=999,
    )
    try:
        files = DirectoryFiles(tiny_data)
        load_reference(files=files, progress=False, only=["test-extra"])
        load_reference(files=files, progress=False, only=["test-extra"])
    finally:
        loading._registry.pop("test-extra")
    assert calls == [1]
    assert DataSet.objects.get(key="test-extra").row_count == 11


@pytest.mark.django_db
def test_carrier_aliases_point_at_the_ports(reference_data: Path) -> None:
    from seaward.reference.models import LocationAlias

    targets = {(a.alias, a.location_id) for a in LocationAlias.objects.filter(kind="code")}
    assert targets == {
        ("CNSHA", "CNSGH"),
        ("CNSHA", "CNSHG"),
        ("CNNGB", "CNNBO"),
        ("CNNGB", "CNNBG"),
    }
    assert LocationAlias.objects.filter(alias="Vienna", location_id="ATVIE").exists()
    assert LocationAlias.objects.filter(alias="Bruxelles (Brussel)", location_id="BEBRU").exists()


def test_command_is_registered() -> None:
    from seaward.cli import build_parser

    args = build_parser().parse_args(["load-reference", "--only", "fx-ecb", "--no-progress"])
    assert args.only == ["fx-ecb"] and args.no_progress


@pytest.mark.django_db
def test_command_lists_data_sets_and_rejects_unknown_keys(capsys) -> None:  # type: ignore[no-untyped-def]
    import json

    from seaward.cli import main

    assert main(["load-reference", "--list"]) == 0
    keys = [json.loads(line)["key"] for line in capsys.readouterr().out.splitlines()]
    assert set(BUILTIN_KEYS) <= set(keys)
    assert main(["load-reference", "--only", "nope", "--no-progress"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Unknown data set: nope" in captured.err


@pytest.mark.django_db
def test_a_failing_loader_is_reported_and_rolled_back(tiny_data: Path) -> None:
    from seaward.reference import loading
    from seaward.reference.errors import DataSetLoadFailed
    from seaward.reference.models import DataSet, Incoterm

    load_reference(files=DirectoryFiles(tiny_data), progress=False, only=["incoterms"])

    def load(context: LoadContext) -> LoadResult:
        Incoterm.objects.all().delete()
        raise RuntimeError("disk on fire")

    register_loader("test-broken", load, name="Broken", order=999)
    try:
        with pytest.raises(DataSetLoadFailed) as caught:
            load_reference(files=DirectoryFiles(tiny_data), progress=False, only=["test-broken"])
    finally:
        loading._registry.pop("test-broken")
    assert "test-broken" in caught.value.message and "disk on fire" in caught.value.message
    assert Incoterm.objects.count() == 11
    assert not DataSet.objects.filter(key="test-broken").exists()
