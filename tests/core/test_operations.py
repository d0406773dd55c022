"""Operator commands: backup/restore, per-organization export, demo data."""

import io
import json
import sqlite3

import pytest

from seaward.core.backup import backup_database, restore_database
from seaward.core.errors import InvalidInput, NotFound
from seaward.core.exporting import export_organization
from seaward.core.tenancy import activate
from seaward.organizations import services


def test_sqlite_backup_and_restore_round_trip(tmp_path):
    live = tmp_path / "live.sqlite3"
    with sqlite3.connect(live) as connection:
        connection.execute("CREATE TABLE t (v TEXT)")
        connection.execute("INSERT INTO t VALUES ('before')")
    settings_dict = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(live)}
    copy = backup_database(settings_dict, tmp_path / "copy.sqlite3")
    with sqlite3.connect(live) as connection:
        connection.execute("UPDATE t SET v = 'after'")
    restore_database(settings_dict, copy)
    with sqlite3.connect(live) as connection:
        assert connection.execute("SELECT v FROM t").fetchall() == [("before",)]


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a database")
    with pytest.raises(InvalidInput):
        restore_database(
            {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "x")}, bogus
        )


@pytest.mark.django_db
def test_export_contains_only_that_organizations_rows(exporter, other_exporter, owner, outsider):
    with activate(exporter):
        services.party_create(actor=owner, name="Mine", is_buyer=True, country="ES")
    with activate(other_exporter):
        services.party_create(actor=outsider, name="Theirs", is_buyer=True, country="FR")
    stream = io.StringIO()
    export_organization(slug=exporter.slug, fmt="json", output=None, stream=stream)
    data = json.loads(stream.getvalue())
    parties = data["tables"]["organizations.party"]
    assert [p["name"] for p in parties] == ["Mine"]
    assert "Theirs" not in stream.getvalue()
    assert data["tables"]["organizations.membership"][0]["user_email"] == owner.email


@pytest.mark.django_db
def test_export_csv_writes_one_file_per_table(tmp_path, exporter, owner):
    with activate(exporter):
        services.party_create(actor=owner, name="Mine", is_buyer=True, country="ES")
    folder = export_organization(
        slug=exporter.slug, fmt="csv", output=tmp_path / "out", stream=io.StringIO()
    )
    assert (folder / "organizations.party.csv").read_text().count("Mine") == 1


@pytest.mark.django_db
def test_export_of_an_unknown_organization_is_a_clear_error():
    with pytest.raises(NotFound):
        export_organization(slug="nope", fmt="json", output=None, stream=io.StringIO())


@pytest.mark.django_db
def test_demo_data_is_idempotent():
    from seaward.demo import demo_load
    from seaward.organizations.models import Membership, Organization, Party, User

    first = demo_load()
    counts = (
        Organization.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        Party.all_objects.count(),
    )
    second = demo_load()
    assert first == second
    assert counts == (
        Organization.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        Party.all_objects.count(),
    )
    kinds = set(Organization.objects.values_list("kind", flat=True))
    assert kinds == {"exporter", "buyer", "fair_organizer"}
    roles = set(
        Membership.objects.filter(organization__slug="ningbo-harbor").values_list("role", flat=True)
    )
    assert roles == {"owner", "admin", "sales", "operations", "finance", "viewer"}
