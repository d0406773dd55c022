"""Operator commands: demo, serve, backup, restore, export."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from seaward.cli import django_setup

DEMO_HOST = "127.0.0.1"
DEMO_PORT = 8000


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = subparsers.add_parser(
        "demo", help="Migrate, load reference and demo data, create demo users and serve."
    )
    demo.add_argument("--host", default=DEMO_HOST)
    demo.add_argument("--port", type=int, default=DEMO_PORT)
    demo.add_argument("--no-serve", action="store_true", help="Prepare the data, do not serve.")
    demo.set_defaults(func=_demo)

    serve = subparsers.add_parser("serve", help="Production server (gunicorn + whitenoise).")
    serve.add_argument("--bind", default=os.environ.get("SEAWARD_BIND", "0.0.0.0:8000"))
    serve.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    serve.add_argument("--threads", type=int, default=4)
    serve.add_argument(
        "--with-worker", action="store_true", help="Also run the background task worker alongside."
    )
    serve.set_defaults(func=_serve)

    backup = subparsers.add_parser("backup", help="Back up the database to a file.")
    backup.add_argument("--output", help="File to write (default: var/backups/<timestamp>).")
    backup.set_defaults(func=_backup)

    restore = subparsers.add_parser("restore", help="Restore the database from a backup file.")
    restore.add_argument("path")
    restore.add_argument("--yes", action="store_true", help="Replace the current data.")
    restore.set_defaults(func=_restore)

    export = subparsers.add_parser("export", help="Export all of one organization's data.")
    export.add_argument("--organization", required=True, help="The organization's short name.")
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument("--output", help="File (json) or folder (csv); default: stdout (json).")
    export.set_defaults(func=_export)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _demo(args: argparse.Namespace) -> int:
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
    django_setup()
    from django.core.management import call_command

    from seaward.demo import DEMO_PASSWORD, demo_load

    _stderr("Migrating the database …")
    call_command("migrate", interactive=False, verbosity=0)
    _stderr("Loading reference data …")
    from seaward.cli import main as cli_main

    cli_main(["load-reference"])
    _stderr("Loading demo data …")
    logins = demo_load()
    url = f"http://{args.host}:{args.port}"
    print("\nSeaward demo is ready.\n")
    print(f"  Open {url} and sign in with one of these (password: {DEMO_PASSWORD}):\n")
    for login in logins:
        print(f"    {login.email:<28} {login.organization:<44} {login.role}")
    print()
    if args.no_serve:
        return 0
    return _run_server(f"{args.host}:{args.port}", workers=2, threads=4, with_worker=True)


def _serve(args: argparse.Namespace) -> int:
    django_setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    return _run_server(
        args.bind, workers=args.workers, threads=args.threads, with_worker=args.with_worker
    )


def _run_server(bind: str, *, workers: int, threads: int, with_worker: bool) -> int:
    """Gunicorn serving the WSGI app, plus the database task worker when asked."""
    seaward = shutil.which("seaward") or sys.argv[0]
    worker = None
    if with_worker:
        worker = subprocess.Popen([seaward, "manage", "db_worker"], env=os.environ.copy())
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "seaward.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--access-logfile",
        "-",
        "--graceful-timeout",
        "10",
    ]
    server = subprocess.Popen(command, env=os.environ.copy())

    def stop(signum: int, frame: object) -> None:
        server.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        return server.wait()
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()


def _database() -> dict[str, object]:
    django_setup()
    from django.db import connection

    return connection.settings_dict  # type: ignore[return-value]


def _backup(args: argparse.Namespace) -> int:
    from seaward.core.backup import backup_database

    path = backup_database(_database(), Path(args.output) if args.output else None)
    _stderr(f"Backup written to {path}")
    print(path)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from seaward.core.backup import restore_database

    if not args.yes:
        _stderr("Restoring replaces all current data: run again with --yes to confirm.")
        return 2
    restore_database(_database(), Path(args.path))
    _stderr(f"Database restored from {args.path}")
    return 0


def _export(args: argparse.Namespace) -> int:
    django_setup()
    from seaward.core.errors import DomainError
    from seaward.core.exporting import export_organization

    try:
        written = export_organization(
            slug=args.organization,
            fmt=args.format,
            output=Path(args.output) if args.output else None,
            stream=sys.stdout,
        )
    except DomainError as error:
        _stderr(f"error: {error.message}")
        return 2
    if written:
        _stderr(f"Exported to {written}")
    return 0


def wait_for_port(host: str, port: int, timeout: float = 30.0) -> bool:
    """True once something listens on host:port (used by tests and benchmarks)."""
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((host, port)) == 0:
                return True
        time.sleep(0.2)
    return False
