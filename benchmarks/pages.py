"""Per-page server time of the project pages and the dashboard, for 1 and 20 clients, on 1
and N worker processes, SQLite and PostgreSQL, in one run.

    .venv/bin/python benchmarks/pages.py [--clients 1 20] [--seconds 10] [--workers 1 2]
        [--threads 4] [--database sqlite postgres] [--src DIR]

For each database and worker count, builds a throw-away PLANWATCH_HOME with the
Fuling demo data (354 projects) and a leader, starts `planwatch serve` on a free
loopback port (``--workers 0``: waitress, one process; N: gunicorn, N processes of
``--threads`` threads), and for each client count lets every client ask one page
after another without think time, each page in turn for ``--seconds``. Prints, per
page: the cold time (the first request of that page after the server started: the
judgement of the data version is made then), p50 and p95 warm, requests per second,
and two ratios measured in the same run: p50 against the login page (no data read)
and req/s against the first worker count. Every login lands on the dashboard, so
the default dashboard (2025 here) is rendered once by the clients' logins before
its cold request. PostgreSQL is the database of
``DATABASE_URL`` (emptied first: give the benchmark a database of its own).
``--src`` runs another checkout's code (e.g. ``../main/src``) for a before/after.
"""

from __future__ import annotations

import argparse
import os
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
Result = tuple[float, list[float], int]  # cold ms, warm ms, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 20])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database", nargs="+", default=["sqlite"], choices=DATABASES)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args()
    print(f"code: {args.src.resolve()}; demo data; {os.cpu_count()} cores (shared, see load)")
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    for database in args.database:
        rates: dict[tuple[int, str], float] = {}
        for workers in args.workers:
            server = "waitress 1 process" if not workers else f"gunicorn {workers} worker(s)"
            with demo_server(
                args.src, workers=workers, threads=args.threads, database_url=DATABASES[database]()
            ) as base:
                print(f"\n== {database}, {server} × {args.threads} threads")
                for clients in args.clients:
                    results = {
                        name: run([base], p, clients, args.seconds) for name, p in PAGES.items()
                    }
                    report(clients, results, args.seconds, rates, workers)


def _postgres() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("--database postgres needs DATABASE_URL=postgres://… (it is emptied)")
    return url


DATABASES = {"sqlite": lambda: None, "postgres": _postgres}


def run(bases: list[str], path: str, clients: int, seconds: float) -> Result:
    """``clients`` signed-in clients asking ``path`` back to back for ``seconds``, after one
    request alone (its time is the cold one when the server has not answered it before).
    Over several servers (``bases``) each client asks them in turn, as a proxy spreads
    requests: its session, made on one, must hold on all."""
    openers = [signed_in(bases[i % len(bases)]) for i in range(clients)]
    started = time.perf_counter()
    openers[0].open(bases[0] + path, timeout=300).read()
    cold = (time.perf_counter() - started) * 1000
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(opener: urllib.request.OpenerDirector, turn: int) -> None:
        while time.monotonic() < stop:
            base = bases[turn % len(bases)]
            turn += 1
            started = time.perf_counter()
            try:
                with opener.open(base + path, timeout=300) as response:
                    response.read()
                    ok = response.status == 200 and response.url == base + path  # kept in
            except OSError:
                ok = False
            with lock:
                times.append((time.perf_counter() - started) * 1000)
                errors[0] += 0 if ok else 1

    threads = [threading.Thread(target=client, args=(o, i)) for i, o in enumerate(openers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return cold, times, errors[0]


def report(
    clients: int,
    results: dict[str, Result],
    seconds: float,
    rates: dict[tuple[int, str], float],
    workers: int,
) -> None:
    """Print one table; ``rates`` keeps req/s by (clients, page) of the first worker count."""
    print(f"\n{clients} client(s), no think time")
    heads = [("requests", 9), ("errors", 7), ("cold ms", 8), ("p50 ms", 8), ("p95 ms", 8)]
    heads += [("req/s", 7), ("× login", 8), ("× req/s", 8)]
    print(f"{'page':<18}" + "".join(f"{h:>{w}}" for h, w in heads))
    baseline = statistics.median(results["login (baseline)"][1])
    for name, (cold, times, errors) in results.items():
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else p50
        rate = len(times) / seconds
        first = rates.setdefault((clients, name), rate)
        print(
            f"{name:<18}{len(times):>9}{errors:>7}{cold:>8.0f}{p50:>8.0f}{p95:>8.0f}{rate:>7.1f}"
            f"{p50 / baseline:>8.1f}{rate / first:>8.2f}"
        )


if __name__ == "__main__":
    main()
