"""Web latency: 20 signed-in users on loopback against `planwatch serve`, p50/p95 per page.

    .venv/bin/python benchmarks/web.py [--users 20] [--seconds 15]

Builds a throw-away PLANWATCH_HOME with the Fuling demo data and a leader
account, starts the server as a child process on a free port, lets every user
walk the pages in a loop for the given time, prints a table and stops the server.
"""

from __future__ import annotations

import argparse
import contextlib
import http.cookiejar
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "dashboard": "/?year=2024",
    "indicators": "/indicators/?year=2024",
    "indicator": "/indicators/new_urban_jobs/?year=2025",
    "compare": "/compare/?indicator=gdp_growth",
    "report": "/report/",
    "export xlsx": "/indicators/?format=xlsx",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    with demo_server(ROOT / "src") as base:
        report(run(base, args.users, args.seconds), args.users, args.seconds)


@contextlib.contextmanager
def demo_server(
    src: Path, *, workers: int = 0, threads: int = 8, database_url: str | None = None
) -> Iterator[str]:
    """`planwatch serve` of the code in ``src`` on a free loopback port, over a throw-away
    PLANWATCH_HOME holding the demo data and a leader ``bench``; yields its base address and
    stops it afterwards.

    ``workers`` 0: waitress, one process of ``threads`` threads (the development server);
    N: gunicorn (``serve --production``), N processes of ``threads`` threads each.
    ``database_url``: a PostgreSQL database, emptied first (default: SQLite in the home).
    """
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-") as home:
        env = server_env(src, home, database_url)
        cli = [sys.executable, "-m", "planwatch"]
        if database_url:
            empty_database(database_url)
        subprocess.run([*cli, "demo", "--no-serve"], env=env, check=True, capture_output=True)
        subprocess.run(
            [*cli, "createuser", "bench", "--role", "leader", "--password", "bench-leader-2025"],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
        with serving(env, workers=workers, threads=threads) as base:
            yield base


def server_env(src: Path, home: str, database_url: str | None = None) -> dict[str, str]:
    """The environment of a server of the code in ``src`` over ``home`` (and ``database_url``),
    with what production mode asks for on loopback."""
    env = {**os.environ, "PLANWATCH_HOME": home, "PYTHONPATH": str(src.resolve())}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    env["PLANWATCH_SECRET_KEY"] = secrets.token_urlsafe(50)
    env["PLANWATCH_ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    return env


@contextlib.contextmanager
def serving(env: dict[str, str], *, workers: int = 0, threads: int = 8) -> Iterator[str]:
    """One `planwatch serve` (waitress for 0 ``workers``, else gunicorn) on a free port."""
    port = free_port()
    command = [sys.executable, "-m", "planwatch", "serve", "--port", str(port)]
    command += ["--threads", str(threads)]
    if workers:
        command += ["--production", "--workers", str(workers)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextlib.contextmanager
def several_serving(
    env: dict[str, str], count: int, *, workers: int = 0, threads: int = 8
) -> Iterator[list[str]]:
    """``count`` `planwatch serve` on free ports over one home and database (scaled out)."""
    with contextlib.ExitStack() as stack:
        yield [
            stack.enter_context(serving(env, workers=workers, threads=threads))
            for _ in range(count)
        ]


def empty_database(url: str) -> None:
    """Drop every table of the PostgreSQL database ``url`` (the benchmark's own database)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(base: str, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/login/", timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer on {base} within {limit:.0f} s")


def signed_in(base: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base + "/login/").read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    form = urllib.parse.urlencode(
        {"username": "bench", "password": "bench-leader-2025", "csrfmiddlewaretoken": token}
    )
    request = urllib.request.Request(
        base + "/login/", data=form.encode(), headers={"Referer": base}
    )
    opener.open(request).read()
    return opener


def run(base: str, users: int, seconds: float) -> dict[str, tuple[list[float], int]]:
    timings: dict[str, list[float]] = {name: [] for name in PAGES}
    errors = dict.fromkeys(PAGES, 0)
    lock = threading.Lock()
    openers = [signed_in(base) for _ in range(users)]
    stop = time.monotonic() + seconds

    def user(opener: urllib.request.OpenerDirector) -> None:
        while time.monotonic() < stop:
            for name, path in PAGES.items():
                started = time.perf_counter()
                try:
                    with opener.open(base + path, timeout=30) as response:
                        response.read()
                        ok = response.status == 200
                except OSError:
                    ok = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    timings[name].append(elapsed)
                    errors[name] += 0 if ok else 1

    threads = [threading.Thread(target=user, args=(o,)) for o in openers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {name: (timings[name], errors[name]) for name in PAGES}


def report(results: dict[str, tuple[list[float], int]], users: int, seconds: float) -> None:
    print(f"{users} users on loopback for {seconds:.0f} s (waitress, 8 threads, SQLite)")
    print(f"{'page':<14}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}")
    for name, (times, errors) in results.items():
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else p50
        print(f"{name:<14}{len(times):>9}{errors:>8}{p50:>9.0f}{p95:>9.0f}")
    total = sum(len(t) for t, _ in results.values())
    print(f"throughput {total / seconds:.1f} pages/s")


if __name__ == "__main__":
    main()
