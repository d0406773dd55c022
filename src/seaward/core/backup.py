"""Database backup and restore: SQLite's online backup API, pg_dump/pg_restore for PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings

from seaward.core.errors import InvalidInput


def _default_path(suffix: str) -> Path:
    folder = Path(settings.DATA_DIR) / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return folder / f"seaward-{stamp}.{suffix}"


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = os.environ.copy()
    for key, var in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[var] = str(db[key])
    return env


def backup_database(db: dict[str, Any], output: Path | None) -> Path:
    """Write a consistent copy of the live database; returns the file written."""
    engine = str(db["ENGINE"])
    if engine.endswith("sqlite3"):
        target = output or _default_path("sqlite3")
        source = sqlite3.connect(str(db["NAME"]))
        try:
            destination = sqlite3.connect(str(target))
            with destination:
                source.backup(destination)  # online: consistent while the app runs
            destination.close()
        finally:
            source.close()
        return target
    if "postgresql" in engine:
        target = output or _default_path("pgdump")
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", str(db["NAME"])],
            check=True,
            env=_pg_env(db),
        )
        return target
    raise InvalidInput(
        "Backups are supported for SQLite and PostgreSQL, not %(engine)s.",
        params={"engine": engine},
    )


def restore_database(db: dict[str, Any], path: Path) -> None:
    """Replace the database's content with a backup written by ``backup_database``."""
    if not path.is_file():
        raise InvalidInput("No backup file at %(path)s.", params={"path": str(path)})
    engine = str(db["ENGINE"])
    if engine.endswith("sqlite3"):
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                raise InvalidInput("%(path)s is not an SQLite backup.", params={"path": str(path)})
        from django.db import connections

        connections.close_all()
        source = sqlite3.connect(str(path))
        try:
            destination = sqlite3.connect(str(db["NAME"]))
            with destination:
                source.backup(destination)
            destination.close()
        finally:
            source.close()
        return
    if "postgresql" in engine:
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                f"--dbname={db['NAME']}",
                str(path),
            ],
            check=True,
            env=_pg_env(db),
        )
        return
    raise InvalidInput(
        "Restore is supported for SQLite and PostgreSQL, not %(engine)s.", params={"engine": engine}
    )
