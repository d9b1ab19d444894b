"""50 anonymous report requests at once leave a signed-in dashboard request fast.

    .venv/bin/python benchmarks/anonymous_reports.py [--requests 50] [--workers 3]

Builds a throw-away PLANWATCH_HOME with the Fuling demo data and a leader,
starts `planwatch serve --production` (gunicorn) on a free loopback port, and:

1. times the signed-in dashboard alone (the baseline, best of 3);
2. sends ``--requests`` anonymous ``GET /api/regions/fuling/reports/annual/2024
   ?format=pdf&sources=true`` at once, each from its own client address
   (``X-Real-IP``, trusted as behind nginx: the per-address rate limit does not
   help here, the cache and the render bound must), and while they run times
   a signed-in dashboard request every 0.2 s;
3. repeats 2 once the report is cached (warm).

Prints the answers by status, the slowest anonymous answer, and the dashboard
times with their ratio to the baseline. Every loop is bounded; only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import collections
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from web import free_port, signed_in, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
REPORT = "/api/regions/fuling/reports/annual/2024?format=pdf&sources=true"
DASHBOARD = "/?year=2024"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-") as home:
        env = {
            **os.environ,
            "PLANWATCH_HOME": home,
            "PYTHONPATH": str(ROOT / "src"),
            "PLANWATCH_SECRET_KEY": secrets.token_urlsafe(50),
            "PLANWATCH_ALLOWED_HOSTS": "127.0.0.1",
            "PLANWATCH_CLIENT_IP_HEADER": "X-Real-IP",
        }
        env.pop("PLANWATCH_DEBUG", None)
        cli = [sys.executable, "-m", "planwatch"]
        subprocess.run([*cli, "demo", "--no-serve"], env=env, check=True, capture_output=True)
        subprocess.run(
            [*cli, "createuser", "bench", "--role", "leader", "--password", "bench-leader-2025"],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
        port = free_port()
        server = subprocess.Popen(
            [*cli, "serve", "--production", "--port", str(port), "--workers", str(args.workers)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base)
            measure(base, args.requests, args.workers)
        finally:
            server.terminate()
            server.wait(timeout=30)


def measure(base: str, requests: int, workers: int) -> None:
    leader = signed_in(base)
    baseline = min(dashboard(leader, base) for _ in range(3))
    print(f"gunicorn, {workers} workers; {requests} anonymous PDF reports with sources at once")
    print(f"dashboard alone (best of 3): {baseline:.3f} s")
    for phase in ("cold", "warm"):
        statuses, slowest, during = flood(base, leader, requests)
        answers = ", ".join(f"{n}×{status}" for status, n in sorted(statuses.items()))
        print(f"{phase}: anonymous answers {answers}; slowest {slowest:.2f} s")
        print(f"  dashboard while they ran ({len(during)} requests, one every 0.2 s): "
              f"first {during[0]:.3f} s, median {statistics.median(during):.3f} s, "
              f"max {max(during):.3f} s ({max(during) / baseline:.1f}× alone)")  # fmt: skip


def dashboard(opener: urllib.request.OpenerDirector, base: str) -> float:
    started = time.perf_counter()
    with opener.open(base + DASHBOARD, timeout=60) as response:
        response.read()
    return time.perf_counter() - started


def flood(
    base: str, leader: urllib.request.OpenerDirector, requests: int
) -> tuple[collections.Counter[int], float, list[float]]:
    statuses: collections.Counter[int] = collections.Counter()
    times: list[float] = []
    lock = threading.Lock()

    def anonymous(number: int) -> None:
        address = f"198.51.100.{number % 250 + 1}"
        request = urllib.request.Request(base + REPORT, headers={"X-Real-IP": address})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as refused:
            status = refused.code
        except OSError:
            status = 0  # no answer at all
        with lock:
            statuses[status] += 1
            times.append(time.perf_counter() - started)

    threads = [threading.Thread(target=anonymous, args=(n,)) for n in range(requests)]
    for t in threads:
        t.start()
    during = []
    while any(t.is_alive() for t in threads) and len(during) < 100:
        time.sleep(0.2)
        during.append(dashboard(leader, base))
    for t in threads:
        t.join()
    return statuses, max(times), during


if __name__ == "__main__":
    main()
