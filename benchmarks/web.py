"""Latency of the dashboard and of one API list under 20 concurrent clients on loopback.

Starts `gunicorn` on a fresh SQLite database with the demo data, signs a demo
user in, then 20 client threads each send a bounded number of requests.
Writes benchmarks/results/web.json with p50/p99 per endpoint.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
HOST, PORT = "127.0.0.1", 8765
CLIENTS = 20
REQUESTS_PER_CLIENT = 40


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def _login(email: str, password: str) -> str:
    connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
    connection.request("GET", "/login/")
    response = connection.getresponse()
    body = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)  # type: ignore[union-attr]
    form = f"csrfmiddlewaretoken={token}&username={email}&password={password}"
    connection.request(
        "POST",
        "/login/",
        body=form,
        headers={
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{HOST}:{PORT}/login/",
        },
    )
    response = connection.getresponse()
    response.read()
    session = [c for c in response.headers.get_all("Set-Cookie") or [] if c.startswith("sessionid")]
    return session[0].split(";")[0]


def _hammer(path: str, headers: dict[str, str]) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        for _ in range(REQUESTS_PER_CLIENT):
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    errors += 1

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": round(statistics.median(latencies), 1),
        "p99_ms": round(_percentile(latencies, 0.99), 1),
        "throughput_rps": round(len(latencies) / wall, 1),
    }


def main() -> int:
    data_dir = tempfile.mkdtemp(prefix="seaward-bench-")
    env = {
        **os.environ,
        "SEAWARD_DATA_DIR": data_dir,
        "DEBUG": "0",
        "SECRET_KEY": "bench",
        "SECURE_COOKIES": "0",
        "ALLOWED_HOSTS": HOST,
    }
    env.pop("DATABASE_URL", None)
    seaward = str(Path(sys.executable).with_name("seaward"))
    subprocess.run([seaward, "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([seaward, "manage", "collectstatic", "--noinput", "-v0"], env=env, check=True)
    token = (
        subprocess.run(
            [
                seaward,
                "manage",
                "shell",
                "-c",
                "from seaward.organizations.models import *;"
                "from seaward.core.tenancy import activate;"
                "from seaward.organizations.services import api_token_create;"
                "u=User.objects.get(email='owner@ningbo.demo');"
                "o=Organization.objects.get(slug='ningbo-harbor');\n"
                "with activate(o): print(api_token_create(user=u, name='bench').plaintext)",
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "seaward.wsgi:application",
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            "2",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        from seaward.core.commands import wait_for_port

        if not wait_for_port(HOST, PORT):
            raise SystemExit("server did not start")
        session = _login("owner@ningbo.demo", "seaward-demo")
        results = {
            "setup": {
                "server": "gunicorn 2 workers x 4 threads",
                "database": "SQLite (WAL)",
                "clients": CLIENTS,
                "requests_per_client": REQUESTS_PER_CLIENT,
                "cpu_cores": os.cpu_count(),
            },
            "dashboard": _hammer("/", {"Cookie": session}),
            "api_parties_list": _hammer("/api/v1/parties", {"Authorization": f"Bearer {token}"}),
        }
    finally:
        server.terminate()
        server.wait(timeout=20)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "web.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
