"""`seaward screening import-list`: one JSON line out, clear errors, nothing written on failure."""

from __future__ import annotations

import argparse
import json

import pytest

from seaward.compliance import screening_cli
from seaward.compliance.models import ListSnapshot
from tests.compliance.test_workflow_support import SDN_V1, write_sdn

pytestmark = pytest.mark.django_db


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="seaward")
    screening_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return int(args.func(args))


def test_import_list_prints_the_outcome(tmp_path, capsys):
    main = write_sdn(tmp_path / "sdn")
    assert (
        _run(
            "screening",
            "import-list",
            str(main),
            "--list",
            "us_ofac_sdn",
            "--published",
            "2026-11-01",
        )
        == 0
    )
    line = json.loads(capsys.readouterr().out)
    assert line["status"] == "loaded" and line["entities"] == 3 and line["added"] == 3
    assert line["published"] == "2026-11-01"
    assert _run("screening", "import-list", str(main), "--list", "us_ofac_sdn") == 0
    assert json.loads(capsys.readouterr().out)["status"] == "unchanged"


def test_a_truncated_file_exits_2_naming_the_line(tmp_path, capsys):
    main = write_sdn(tmp_path / "sdn", sdn=SDN_V1 + '1005,"CUT OFF",-0- \r\n')
    assert _run("screening", "import-list", str(main), "--list", "us_ofac_sdn") == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "main file line 4" in captured.err
    assert not ListSnapshot.objects.exists()


def test_bad_date_exits_2(tmp_path, capsys):
    main = write_sdn(tmp_path / "sdn")
    assert (
        _run("screening", "import-list", str(main), "--list", "un_sc", "--published", "yesterday")
        == 2
    )
    assert "YYYY-MM-DD" in capsys.readouterr().err
