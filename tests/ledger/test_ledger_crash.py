"""A process killed in the middle of a statement import leaves no partial statement."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import sys, time
    import django
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    from seaward.core.tenancy import activate
    from seaward.ledger import services
    from seaward.ledger.services import statements as importer
    from seaward.organizations.models import Organization

    org = Organization.objects.create(name="Crash", slug="crash", kind="exporter", country="CN")
    original = importer.line_rows

    def slow_rows(row, statement):
        rows = original(row, statement)
        for _ in rows:  # the statement row is written; its lines are on their way
            print("LINE", flush=True)
            time.sleep(0.2)
        return rows

    importer.line_rows = slow_rows
    data = open(sys.argv[1], "rb").read()
    with activate(org):
        print("START", flush=True)
        services.statement_import(data=data, actor=None)
    print("DONE", flush=True)
    """
)


def _statement(entries: int) -> bytes:
    lines = [":20:CRASH1", ":25:99887766", ":28C:1/1", ":60F:C261001USD0,00"]
    for day in range(entries):
        lines += [f":61:261002C{day + 1},00NTRFREF{day}//B{day}", f":86:PAYMENT {day}"]
    total = sum(range(1, entries + 1))
    lines += [f":62F:C261002USD{total},00", "-"]
    return ("\r\n".join(lines) + "\r\n").encode()


@pytest.mark.slow
def test_sigkill_mid_import_leaves_nothing(tmp_path: Path) -> None:
    database = tmp_path / "crash.sqlite3"
    statement = tmp_path / "big.sta"
    statement.write_bytes(_statement(40))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SEAWARD_DATA_DIR": str(tmp_path),
        "SEAWARD_TESTING": "1",
    }
    env.setdefault("DJANGO_SETTINGS_MODULE", "seaward.settings")
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(statement)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    seen = 0
    for line in process.stdout:
        if line.startswith("LINE"):
            seen += 1
            if seen == 3:
                os.kill(process.pid, signal.SIGKILL)
                break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    with sqlite3.connect(database) as connection:
        (organizations,) = connection.execute(
            "SELECT count(*) FROM organizations_organization"
        ).fetchone()
        (statements,) = connection.execute("SELECT count(*) FROM ledger_bankstatement").fetchone()
        (lines,) = connection.execute("SELECT count(*) FROM ledger_statementline").fetchone()
    assert organizations == 1  # what was committed before the import survives
    assert statements == 0 and lines == 0
