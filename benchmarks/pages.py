"""Per-page server time of the project pages and the dashboard, for 1 and 20 clients.

    .venv/bin/python benchmarks/pages.py [--clients 1 20] [--seconds 10] [--src DIR]

Builds a throw-away PLANWATCH_HOME with the Fuling demo data (354 projects) and a
leader, starts `planwatch serve` (waitress, 8 threads, SQLite) on a free
loopback port, and for each client count lets every client ask one page after
another without think time, each page in turn for ``--seconds``. Prints p50 and
p95 per page and requests per second; the login page (no data read) is timed in
the same run as the baseline, so ``× login`` compares pages across noisy runs.
``--src`` runs another checkout's code (e.g. ``../main/src``) for a before/after.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
import urllib.request
from pathlib import Path

from web import demo_server, signed_in

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "login (baseline)": "/login/",
    "dashboard 2024": "/?year=2024",
    "dashboard 2025": "/?year=2025",
    "projects": "/projects/?year=2025",
    "projects lagging": "/projects/?year=2025&lagging=1&sort=-annual_plan",
    "project": "/projects/2025-ZF-001/?year=2025",
    "API project": "/api/projects/2025-ZF-001",
    "tasks": "/tasks/?year=2025",
    "problems": "/problems/",
}
Result = tuple[list[float], int]  # milliseconds, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args()
    with demo_server(args.src) as base:
        print(f"code: {args.src.resolve()}; waitress 8 threads, SQLite, demo data")
        for clients in args.clients:
            results = {name: run(base, p, clients, args.seconds) for name, p in PAGES.items()}
            report(clients, results, args.seconds)


def run(base: str, path: str, clients: int, seconds: float) -> Result:
    """``clients`` signed-in clients asking ``path`` back to back for ``seconds``."""
    openers = [signed_in(base) for _ in range(clients)]
    openers[0].open(base + path, timeout=120).read()  # warm: the first judgement of a version
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(opener: urllib.request.OpenerDirector) -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                with opener.open(base + path, timeout=120) as response:
                    response.read()
                    ok = response.status == 200
            except OSError:
                ok = False
            with lock:
                times.append((time.perf_counter() - started) * 1000)
                errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=client, args=(o,)) for o in openers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0]


def report(clients: int, results: dict[str, Result], seconds: float) -> None:
    print(f"\n{clients} client(s), no think time")
    heads = ("requests", 9), ("errors", 7), ("p50 ms", 8), ("p95 ms", 8), ("req/s", 7)
    print(f"{'page':<18}" + "".join(f"{h:>{w}}" for h, w in heads) + f"{'× login':>8}")
    baseline = statistics.median(results["login (baseline)"][0])
    for name, (times, errors) in results.items():
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else p50
        rate = len(times) / seconds
        print(
            f"{name:<18}{len(times):>9}{errors:>7}{p50:>8.0f}{p95:>8.0f}{rate:>7.1f}"
            f"{p50 / baseline:>8.1f}"
        )


if __name__ == "__main__":
    main()
