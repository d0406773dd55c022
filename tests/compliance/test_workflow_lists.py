"""List snapshots in the database: import, diff, rejection that leaves the list in force."""

from __future__ import annotations

import lzma

import pytest

from seaward.compliance.errors import ListFileInvalid
from seaward.compliance.models import ListDiff, ListEntry, ListSnapshot
from seaward.compliance.snapshots import list_import, parse_list_files
from seaward.compliance.workflow_errors import UnknownList
from tests.compliance.test_workflow_support import (
    ALT_V2,
    SDN_V1,
    SDN_V2,
    import_sdn,
    sdn_v1_fixture,  # noqa: F401  (the sdn_v1 fixture)
    write_sdn,
)

pytestmark = pytest.mark.django_db


def _state() -> tuple[list[tuple[int, str, str]], int, int]:
    snapshots = list(ListSnapshot.objects.values_list("pk", "list_id", "status"))
    return snapshots, ListEntry.objects.count(), ListDiff.objects.count()


def test_first_import_is_an_active_snapshot_with_everything_added(tmp_path):
    outcome = import_sdn(tmp_path / "v1")
    snapshot = outcome.snapshot
    assert outcome.status == "loaded"
    assert snapshot.status == ListSnapshot.Status.ACTIVE
    assert (snapshot.entity_count, snapshot.counts["person"], snapshot.counts["vessel"]) == (
        3,
        1,
        1,
    )
    assert sorted(snapshot.diff.added) == ["1001", "1002", "1003"]
    assert snapshot.diff.changed == [] and snapshot.diff.removed == []
    entry = ListEntry.objects.get(snapshot=snapshot, entity_id="1001")
    assert entry.countries == ["AE"]
    assert [n[0] for n in entry.names][:2] == [
        "BLACKSTONE MARINE TRADING FZE",
        "BLACKSTONE SHIPPING TRADING",
    ]
    assert len(entry.entry_hash) == 64


def test_same_content_again_changes_nothing(tmp_path, sdn_v1):
    before = _state()
    outcome = import_sdn(tmp_path / "again")
    assert outcome.status == "unchanged"
    assert outcome.snapshot.pk == sdn_v1.pk
    assert _state() == before


def test_new_publication_records_added_changed_removed(tmp_path, sdn_v1):
    outcome = import_sdn(tmp_path / "v2", sdn=SDN_V2, alt=ALT_V2)
    new = outcome.snapshot
    sdn_v1.refresh_from_db()
    assert sdn_v1.status == ListSnapshot.Status.SUPERSEDED
    assert new.previous_id == sdn_v1.pk and new.status == ListSnapshot.Status.ACTIVE
    assert (new.diff.added, new.diff.changed, new.diff.removed) == (["1004"], ["1001"], ["1003"])
    assert (outcome.added, outcome.changed, outcome.removed) == (1, 1, 1)
    # unchanged entries keep their hash across snapshots
    old = ListEntry.objects.get(snapshot=sdn_v1, entity_id="1002").entry_hash
    assert ListEntry.objects.get(snapshot=new, entity_id="1002").entry_hash == old


@pytest.mark.parametrize(
    ("sdn", "where"),
    [
        (SDN_V1 + '1005,"HALF A ROW",-0- \r\n', "main file line 4"),
        (SDN_V1.replace("1002,", "X1002,"), "main file line 2"),
        (SDN_V1 + '1006,"UNCLOSED QUOTE,-0- ,-0- \r\n', "main file"),
    ],
)
def test_bad_or_truncated_file_is_rejected_and_the_list_stays_in_force(
    tmp_path, sdn_v1, sdn, where
):
    before = _state()
    with pytest.raises(ListFileInvalid) as caught:
        import_sdn(tmp_path / "bad", sdn=sdn, alt=ALT_V2)
    assert where in caught.value.message
    assert _state() == before
    assert ListSnapshot.objects.get(status="active").pk == sdn_v1.pk


def test_wrong_encoding_and_empty_files_are_rejected(tmp_path, sdn_v1):
    before = _state()
    utf16 = tmp_path / "utf16" / "dpl.txt"
    utf16.parent.mkdir()
    utf16.write_bytes("Name\tCountry\nJOHN DOE\tUS\n".encode("utf-16"))
    with pytest.raises(ListFileInvalid, match="NUL byte"):
        list_import("us_bis_dpl", utf16)
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(ListFileInvalid, match="empty"):
        list_import("un_sc", empty)
    with pytest.raises(ListFileInvalid, match="not found"):
        list_import("un_sc", tmp_path / "missing.xml")
    with pytest.raises(UnknownList):
        list_import("eu_fsf", empty)
    assert _state() == before


def test_truncated_un_xml_names_the_line(tmp_path):
    xml = tmp_path / "un.xml"
    xml.write_text(
        '<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00"><INDIVIDUALS><INDIVIDUAL>'
        "<DATAID>1</DATAID><FIRST_NAME>ALI</FIRST_NAME>\n<REFERENCE_NUMBER>QDi.1",
        encoding="utf-8",
    )
    with pytest.raises(ListFileInvalid, match="line 2"):
        list_import("un_sc", xml)
    assert not ListSnapshot.objects.exists()


def test_xz_compressed_files_and_other_formats_import(tmp_path):
    main = write_sdn(tmp_path / "xz")
    for path in list(main.parent.iterdir()):
        path.with_name(path.name + ".xz").write_bytes(lzma.compress(path.read_bytes()))
        path.unlink()
    parsed = parse_list_files("us_ofac_sdn", main.with_name("sdn.csv.xz"))
    assert parsed.snapshot.entities[0].countries == ("AE",)  # add.csv.xz found beside it
    dpl = tmp_path / "dpl.txt"
    dpl.write_text(
        "Name\tStreet_Address\tCity\tState\tCountry\tPostal_Code\tEffective_Date\n"
        "ACME EXPORTS LTD\t1 Main St\tMiami\tFL\tUS\t33101\t01/01/2020\n",
        encoding="utf-8",
    )
    outcome = list_import("us_bis_dpl", dpl)
    assert outcome.snapshot.list_id == "us_bis_dpl" and outcome.snapshot.entity_count == 1


def test_load_reference_loads_the_shipped_lists_once(monkeypatch, tmp_path):
    from seaward.compliance import shipped
    from seaward.compliance.snapshots import parse_list_files
    from seaward.reference.loading import load_reference
    from seaward.reference.models import DataSet

    small = parse_list_files("us_ofac_sdn", write_sdn(tmp_path / "shipped")).snapshot
    monkeypatch.setattr(shipped, "load_shipped", lambda: [small])
    first = load_reference(only=["sanctions"], progress=False)
    assert [(o.key, o.status, o.row_count) for o in first] == [("sanctions", "loaded", 3)]
    assert DataSet.objects.get(key="sanctions").row_count == 3
    assert ListSnapshot.objects.get(status="active").loaded_by == "seaward load-reference"
    again = load_reference(only=["sanctions"], progress=False)
    assert again[0].status == "unchanged"
    assert ListSnapshot.objects.count() == 1
